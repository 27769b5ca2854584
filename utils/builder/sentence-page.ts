import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { selectorList } from '../schema/adapter';
import { findAll } from '../engine/query';
import { visibleText } from '../engine/row-patterns';
import { createOutlines, OUTLINE_TAG } from './outline';
import { SENTENCE_ROLES } from './sentence';

/**
 * "The rows are sentences", the page's side: the text of each visible row exactly as a row
 * pattern reads it (visibleText), the day heading above the rows if there is one, and the
 * words a person selects (or clicks) in one row, as offsets in that text. Nothing here
 * writes to the page except the builder's own overlay (a closed shadow root).
 */
export const execSentenceRowsRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:sentence-rows'),
  rowSelectors: selectorList,
}));

export const execSelectWordsRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:select-words'),
  role: z.enum(SENTENCE_ROLES),
  rowSelectors: selectorList,
  /** Shown on the page while waiting ("Select who did it in one row."). */
  prompt: z.string().trim().min(1).max(200),
  timeoutMs: z.number().int().min(1_000).max(300_000).default(120_000),
}));

export interface SentenceRowsReply {
  type: 'exec:sentence-rows';
  rows: string[];
  /** A day heading above the rows: selectors that find it, and its text above each row. */
  heading?: { selectors: string[]; texts: (string | null)[] };
}

export interface SelectWordsReply {
  type: 'exec:select-words';
  selected: { row: number; start: number; end: number; text: string; rowText: string } | null;
  message?: string;
}

const MAX_ROWS = 300;
const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL)$/;
const UNSEEN = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden|u-hidden-visually)(?:\s|$)/;

/** A row's visible text with, for each text node read, where each of its characters lands in it. */
export interface TextMap {
  text: string;
  nodes: { node: Text; at: number[] }[];
}

/** The same text visibleText gives (utils/engine/row-patterns.ts), keeping where each character came from. */
export function mapRowText(row: Element): TextMap {
  const nodes: TextMap['nodes'] = [];
  let text = '';
  let space = false;
  const push = (data: string, at: number[] | null) => {
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i]!)) {
        if (text.length > 0) space = true;
        if (at) at[i] = text.length;
        continue;
      }
      if (space) {
        text += ' ';
        space = false;
      }
      if (at) at[i] = text.length;
      text += data[i];
    }
    if (at) at[data.length] = text.length;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const at: number[] = [];
        nodes.push({ node: child as Text, at });
        push((child as Text).data, at);
      } else if (child.nodeType === 1 && row.childElementCount > 0) {
        const element = child as Element;
        if (UNSEEN.test(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
        const className = element.getAttribute('class');
        if (className && SCREEN_READER_ONLY.test(className)) continue;
        const block = BLOCK.test(element.tagName);
        if (block) push(' ', null);
        walk(element);
        if (block) push(' ', null);
      }
    }
  };
  walk(row);
  // Offsets past the trimmed end land on the end.
  for (const entry of nodes) entry.at = entry.at.map((i) => Math.min(i, text.length));
  return { text, nodes };
}

/** Where a boundary point (a selection's end) falls in the row's text. */
export function offsetOf(map: TextMap, container: Node, offset: number): number {
  const doc = container.ownerDocument ?? (container as Document);
  for (const { node, at } of map.nodes) {
    if (node === container) return at[Math.min(offset, at.length - 1)] ?? map.text.length;
    const range = doc.createRange();
    range.setStart(container, offset);
    // The text node starts at or after the point: the point is just before it.
    if (range.comparePoint(node, 0) >= 0) return at[0] ?? map.text.length;
  }
  return map.text.length;
}

/** A span without the spaces and the punctuation around it ("(spam)" → "spam" only when asked). */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,;:·|]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:·|.]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The word at an offset: the run of non-spaces around it, without brackets and quotes around it. */
export function wordAt(text: string, index: number): [number, number] {
  let start = Math.min(index, text.length);
  let end = start;
  while (start > 0 && text[start - 1] !== ' ') start--;
  while (end < text.length && text[end] !== ' ') end++;
  while (start < end && /["'“”‘’«»([{]/.test(text[start]!)) start++;
  while (end > start && /["'“”‘’«»)\]},.;:]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * Where in the row's text the word under a point is, found from the words' own boxes (the
 * builder's overlay lies over the page, so the browser's caret-from-point would land in it).
 */
function wordIndexAtPoint(map: TextMap, x: number, y: number): number | null {
  for (const { node, at } of map.nodes) {
    const doc = node.ownerDocument;
    for (const word of node.data.matchAll(/\S+/g)) {
      const range = doc.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      for (const rect of range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return at[word.index] ?? null;
      }
    }
  }
  return null;
}

export function readSentenceRows(doc: Document, rowSelectors: readonly string[]): SentenceRowsReply {
  const rows = findAll(doc, rowSelectors).elements.slice(0, MAX_ROWS);
  const heading = findDayHeading(rows);
  return { type: 'exec:sentence-rows', rows: rows.map(visibleText), ...(heading ? { heading } : {}) };
}

const DAY_TEXT = /\d|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** The nearest heading-like element before a row (a sibling of the row or of one of its containers). */
function headingBefore(row: Element): Element | null {
  for (let element: Element | null = row; element && element.tagName !== 'BODY'; element = element.parentElement) {
    for (let before = element.previousElementSibling; before; before = before.previousElementSibling) {
      if (/^H[1-6]$/.test(before.tagName)) return before;
    }
  }
  return null;
}

/** A day heading above the rows (Redmine's "Today", "11/27/2026"), when every row has one. */
export function findDayHeading(rows: Element[]): SentenceRowsReply['heading'] | undefined {
  if (rows.length === 0) return undefined;
  const found = rows.map(headingBefore);
  if (found.some((h) => h === null)) return undefined;
  const texts = found.map((h) => visibleText(h!));
  if (!texts.every((t) => t.length <= 40 && DAY_TEXT.test(t))) return undefined;
  const first = found[0]!;
  const tag = first.tagName.toLowerCase();
  const parent = first.parentElement;
  const selectors = [...(parent?.id && /^[A-Za-z][\w-]*$/.test(parent.id) ? [`#${parent.id} > ${tag}`] : []), tag];
  return { selectors, texts };
}

const active = new WeakMap<Document, () => void>();
/** The click swallower a finished selection leaves for a moment (see finish). */
const lingering = new WeakMap<Document, () => void>();

/** Stops a selection that is waiting; true if there was one. */
export function cancelSelectWords(doc: Document): boolean {
  const cancel = active.get(doc);
  cancel?.();
  return cancel !== undefined;
}

const INLINE_WHOLE = 'a, span, time, code, strong, b, em, i, mark, abbr, kbd, samp, var, q, cite';

/**
 * Waits for the person to select words in one row (drag over them) or click a word (or a
 * link or label, taken whole). The click is swallowed so a link in the row is not followed.
 */
export function selectWords(doc: Document, request: z.output<typeof execSelectWordsRequest>): Promise<SelectWordsReply> {
  cancelSelectWords(doc);
  lingering.get(doc)?.();
  const win = doc.defaultView ?? window;
  const rows = findAll(doc, request.rowSelectors).elements.slice(0, MAX_ROWS);
  return new Promise((resolve) => {
    const outlines = createOutlines(doc, { picking: true });
    outlines.banner(request.prompt);
    outlines.show([{ elements: rows, tone: 'found' }]);
    let finished = false;
    const timer = setTimeout(() => finish(null, 'Nothing was selected — Trailguide stopped waiting. Click the part again to retry.'), request.timeoutMs);
    const rowOf = (node: Node | null) => (node ? rows.findIndex((row) => row.contains(node)) : -1);
    const inOverlay = (event: Event) => {
      const first = event.composedPath()[0];
      return first instanceof win.Element && first.closest(OUTLINE_TAG) !== null;
    };

    const fromSelection = (): boolean => {
      const selection = doc.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
      const range = selection.getRangeAt(0);
      const index = rowOf(range.commonAncestorContainer);
      if (index < 0) {
        finish(null, 'Those words are not all in one result row. Select words inside one row.');
        return true;
      }
      const map = mapRowText(rows[index]!);
      const [start, end] = trimSpan(map.text, offsetOf(map, range.startContainer, range.startOffset), offsetOf(map, range.endContainer, range.endOffset));
      if (end <= start) return false;
      selection.removeAllRanges();
      finish({ row: index, start, end, text: map.text.slice(start, end), rowText: map.text });
      return true;
    };

    const onMouseUp = (event: Event) => {
      if (inOverlay(event)) return;
      fromSelection();
    };
    const onClick = (event: MouseEvent) => {
      if (inOverlay(event)) return;
      const target = event.composedPath()[0];
      const index = target instanceof win.Node ? rowOf(target) : -1;
      if (index < 0) return; // outside the rows: the page works as usual
      event.preventDefault();
      event.stopPropagation();
      event.stopImmediatePropagation();
      if (finished || event.button !== 0 || fromSelection()) return;
      const row = rows[index]!;
      const map = mapRowText(row);
      // A link or a label inside the row is taken whole ("Alice Ng"); plain text, the word clicked.
      const element = target instanceof win.Element ? target : (target as Node).parentElement;
      const whole = element && element !== row && row.contains(element) ? element.closest(INLINE_WHOLE) : null;
      if (whole && row.contains(whole) && whole !== row && visibleText(whole).length > 0 && visibleText(whole).length <= 60) {
        const [start, end] = trimSpan(map.text, offsetOf(map, whole, 0), offsetOf(map, whole, whole.childNodes.length));
        if (end > start) return finish({ row: index, start, end, text: map.text.slice(start, end), rowText: map.text });
      }
      const at = wordIndexAtPoint(map, event.clientX, event.clientY);
      if (at === null) return finish(null, 'Click right on a word in the row, or select the words with the mouse.');
      const [start, end] = wordAt(map.text, at);
      if (end <= start) return finish(null, 'Click right on a word in the row, or select the words with the mouse.');
      finish({ row: index, start, end, text: map.text.slice(start, end), rowText: map.text });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish(null, 'Stopped selecting. Nothing was selected.');
      } else if (event.shiftKey) {
        fromSelection();
      }
    };
    // A drag that started on a link would move the link instead of selecting words.
    const onDragStart = (event: Event) => {
      if (rowOf(event.target as Node) >= 0) event.preventDefault();
    };

    win.addEventListener('mouseup', onMouseUp, true);
    win.addEventListener('click', onClick, true);
    win.addEventListener('keyup', onKey, true);
    win.addEventListener('dragstart', onDragStart, true);
    active.set(doc, () => finish(null, 'Stopped selecting. Nothing was selected.'));

    function finish(selected: SelectWordsReply['selected'], message?: string) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      win.removeEventListener('mouseup', onMouseUp, true);
      win.removeEventListener('keyup', onKey, true);
      win.removeEventListener('dragstart', onDragStart, true);
      // The click that ends a drag comes after its mouseup: swallow that one too (until the next selection starts).
      const unlisten = () => {
        win.removeEventListener('click', onClick, true);
        if (lingering.get(doc) === unlisten) lingering.delete(doc);
      };
      lingering.set(doc, unlisten);
      setTimeout(unlisten, 400);
      outlines.remove();
      active.delete(doc);
      resolve({ type: 'exec:select-words', selected, ...(message ? { message } : {}) });
    }
  });
}
