import type { RowText, RowVariant } from '../schema/adapter';
import { patternShape, rowPatternProblem } from '../schema/row-pattern';

export { ROW_TEXT_KEY } from '../schema/row-pattern';
import { compileRowQuery } from './query';

/**
 * Rows that are sentences ("Alice suspended Mallory (spam)"): the text a person reads in
 * a row, and the adapter's patterns and `when` rules compiled once per capture.
 * docs/adapters.md "Rows that are sentences".
 */

/** A pattern reads at most this much of a row's text (a sentence is short; this bounds the work). */
export const ROW_TEXT_MAX = 1_000;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const UNSEEN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Text kept for screen readers only, by the class names the common CSS frameworks use. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden|u-hidden-visually)(?:\s|$)/;

/**
 * The text a person reads in an element, without asking for layout (a capture reads
 * thousands of rows): whitespace runs become one space, a block element or <br> separates
 * words ("<dt>Alice</dt><dd>…</dd>" reads "Alice …"), and script, style, `hidden`,
 * `aria-hidden="true"` (icon ligatures such as "delete") and screen-reader-only text are left out.
 */
export function visibleText(element: Element): string {
  if (element.childElementCount === 0) return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  collectText(element, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collectText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      parts.push((child as Text).data);
    } else if (child.nodeType === 1) {
      const element = child as Element;
      if (UNSEEN_TAGS.has(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
      const className = element.getAttribute('class');
      if (className && SCREEN_READER_ONLY.test(className)) continue;
      const block = BLOCK_TAGS.has(element.tagName);
      if (block) parts.push(' ');
      collectText(element, parts);
      if (block) parts.push(' ');
    }
  }
}

export interface Sentence {
  /** The element whose text is read (null: the row itself). */
  find: ((row: Element) => Element | null) | null;
  pattern: RegExp;
  /** The columns its named groups fill. */
  groups: Set<string>;
}

/** Which rows a variant reads: the row has (or is) an element a selector finds, and its text matches. */
export type RowTest = (row: Element, rowText: () => string) => boolean;

/** A sentence pattern ready to run, or why not (in words for the capture's warnings). */
export function compileSentence(text: RowText, where: string, warnings: string[]): Sentence | null {
  const problem = rowPatternProblem(text.pattern, true);
  if (problem) {
    warnings.push(`The adapter's sentence pattern ${where} can't be used, so the columns it fills are left empty: ${problem}`);
    return null;
  }
  const selectors = text.selectors ? validSelectors(text.selectors, `for the sentence ${where}`, warnings) : null;
  if (selectors && selectors.length === 0) return null;
  return { find: selectors ? compileCellQuery(selectors) : null, pattern: new RegExp(text.pattern), groups: new Set(patternShape(text.pattern).groups) };
}

export function compileRowTest(when: NonNullable<RowVariant['when']>, where: string, warnings: string[]): RowTest | null {
  let pattern: RegExp | null = null;
  if (when.pattern !== undefined) {
    const problem = rowPatternProblem(when.pattern, false);
    if (problem) {
      warnings.push(`The adapter's rule ${where} can't be used and was skipped: ${problem}`);
      return null;
    }
    pattern = new RegExp(when.pattern);
  }
  let selectors: string[] | null = null;
  if (when.selectors) {
    selectors = validSelectors(when.selectors, `in the rule ${where}`, warnings);
    if (selectors.length === 0) return null;
  }
  return (row, rowText) => {
    if (selectors && !selectors.some((selector) => row.matches(selector) || row.querySelector(selector) !== null)) return false;
    if (!pattern) return true;
    const text = rowText();
    return pattern.test(text.length > ROW_TEXT_MAX ? text.slice(0, ROW_TEXT_MAX) : text);
  };
}

/** Selectors the browser accepts; the others are named once and dropped. */
function validSelectors(selectors: readonly string[], where: string, warnings: string[]): string[] {
  const probe = typeof document !== 'undefined' ? document.createDocumentFragment() : null;
  return selectors.filter((selector) => {
    if (selector === ':scope' || !probe) return true;
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      warnings.push(`The adapter's selector ${where} is not valid and was skipped.`);
      return false;
    }
  });
}

/** Rows "didn't fit" message parts: "actor, action and target". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

type RowQuery = (row: Element) => Element | null;

/**
 * A cell finder that may also reach the element right after the row: `:scope + dd span.author a`
 * (Redmine's activity writes an event as a <dt> and its author in the <dd> after it). A query
 * from the row itself only finds what is inside it, so that form is walked by hand; every
 * other selector is found inside the row as before.
 */
export function compileCellQuery(selectors: readonly string[]): RowQuery {
  const queries = selectors.map((selector): RowQuery => {
    const sibling = /^:scope\s*\+\s*([^\s>+~]+)\s*(.*)$/.exec(selector);
    if (!sibling) return compileRowQuery([selector]);
    const [, next, rest] = sibling as unknown as [string, string, string];
    return (row) => {
      const after = row.nextElementSibling;
      try {
        if (!after || !after.matches(next)) return null;
        if (!rest) return after;
        return after.querySelector(rest.startsWith('>') ? `:scope ${rest}` : rest);
      } catch {
        return null;
      }
    };
  });
  if (queries.length === 1) return queries[0]!;
  return (row) => {
    for (const query of queries) {
      const found = query(row);
      if (found) return found;
    }
    return null;
  };
}

/**
 * The text of the nearest element before a row that a selector finds — a preceding sibling
 * of the row or of one of its containers (a day heading above the day's list). Rows are
 * read in page order, so each row's answer is remembered and the next row stops at it.
 */
export function compileHeading(selectors: readonly string[]): (row: Element) => string | null {
  const found = new WeakMap<Element, Element | null>();
  const matches = (element: Element) =>
    selectors.some((selector) => {
      try {
        return element.matches(selector);
      } catch {
        return false;
      }
    });
  return (row) => {
    let heading: Element | null = null;
    let element: Element | null = row;
    search: while (element && element.tagName !== 'BODY') {
      for (let before = element.previousElementSibling; before; before = before.previousElementSibling) {
        const known = found.get(before);
        if (known !== undefined) {
          heading = known;
          break search;
        }
        if (matches(before)) {
          heading = before;
          break search;
        }
      }
      element = element.parentElement;
    }
    found.set(row, heading);
    return heading ? visibleText(heading) : null;
  };
}
