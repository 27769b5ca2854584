import type { ColumnExtractor, RowText, RowVariant } from '../schema/adapter';
import { rowPatternProblem } from '../schema/row-pattern';

/**
 * "The rows are sentences" (issue 14 §2), the pure part: from the text of the visible rows
 * and the words a person selected in one row (the actor, the event, the target, the time),
 * a row pattern with named groups in the adapter format's own keys (`results.text`,
 * `results.variants`, a time column's `heading`) — see docs/adapters.md "Rows that are
 * sentences". Literal text between the selections stays literal; each selection becomes a
 * group whose shape is chosen so that the taught row reads exactly as selected and as many
 * other rows as possible read too. A correction in another row refines the pattern when one
 * pattern can read both rows, and otherwise becomes a variant for sentences of that shape.
 */

export const SENTENCE_ROLES = ['actor', 'action', 'target', 'time'] as const;
export type SentenceRole = (typeof SENTENCE_ROLES)[number];

/** What the person calls each part (the builder's words). */
export const SENTENCE_ROLE_TITLE: Record<SentenceRole, string> = {
  actor: 'Who did it',
  action: 'What they did (the event)',
  target: 'What it was done to',
  time: 'When',
};

/** A selection in a row's text: [start, end) in the text a pattern reads (visibleText). */
export interface Span {
  role: SentenceRole;
  start: number;
  end: number;
}

/** The words selected in one row. */
export interface Teaching {
  row: number;
  spans: Span[];
}

export interface SentenceInput {
  /** The visible text of each visible row, in page order. */
  rows: string[];
  /** The first teaching is the main sentence; later ones correct or add to it. */
  teachings: Teaching[];
  /** A day heading above the rows (Redmine's "11/27/2026"): its selectors, and its text for each row. */
  heading?: { selectors: string[]; texts: (string | null)[] } | undefined;
}

export type Reading = Record<SentenceRole, string>;

export interface SentenceReading {
  text: RowText;
  variants: RowVariant[];
  columns: Record<string, ColumnExtractor>;
  /** Each row as the adapter will read it (null: no sentence fits it). */
  readings: (Reading | null)[];
  /** How many rows read. */
  read: number;
}

export type SentenceResult = ({ ok: true } & SentenceReading) | { ok: false; message: string };

/** Characters a word in a name or code may have (punctuation around words stays out). */
const WORD = '[^\\s,;:()\\[\\]"“”«»·|]';
const CAPITAL_WORD = `[A-Z]${WORD}*`;
const LOWER_WORD = `[a-z]${WORD}*`;
const EMAIL = '[\\w.+-]+@[\\w-]+\\.[\\w.-]*[A-Za-z]';
export const TIME_OF_DAY = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?$/;
const MAX_ROWS = 300;
/** The shapes are chosen by how many of the first rows they read (this bounds the work per selection; every row is still read). */
const SEARCH_ROWS = 120;

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function wordShape(word: string): string {
  if (/^[A-Z]/.test(word)) return CAPITAL_WORD;
  if (/^[a-z]/.test(word)) return LOWER_WORD;
  if (/^\d/.test(word)) return `\\d${WORD}*`;
  return `${WORD}+`;
}

/**
 * Shapes a selection may take, most specific first. `values`: what was selected in each
 * taught row; `next`: the literal right after the group in the first taught row.
 */
export function groupShapes(values: string[], next: string, last: boolean): string[] {
  const shapes: string[] = [];
  const add = (shape: string) => {
    if (!shapes.includes(shape)) shapes.push(shape);
  };
  const words = values.map((v) => v.split(' '));
  if (values.every((v) => /^[\w.+-]+@[\w-]+\.[\w.-]*[A-Za-z]$/.test(v))) add(EMAIL);
  if (values.every((v) => TIME_OF_DAY.test(v))) add('\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?');
  // The same words, each of the same kind (a capitalised name, a lower-case verb, a number).
  const first = words[0]!;
  if (words.every((w) => w.length === first.length && w.every((word, i) => wordShape(word) === wordShape(first[i]!)))) {
    add(first.map(wordShape).join(' '));
  }
  // A name: one to five capitalised words.
  if (words.every((w) => w.length <= 5 && w.every((word) => /^[A-Z]/.test(word)))) add(`${CAPITAL_WORD}(?: ${CAPITAL_WORD}){0,4}`);
  // The same number of words of any kind.
  const counts = new Set(words.map((w) => w.length));
  if (counts.size === 1) add(first.length === 1 ? `${WORD}+` : `${WORD}+(?: ${WORD}+){${first.length - 1}}`);
  add(`${WORD}+(?: ${WORD}+){0,5}`);
  // Up to the character that follows it in the sentence (a bracket, a quote, a dot).
  const stop = next.trimStart()[0];
  if (stop && /[^\w\s]/.test(stop)) add(`[^${escapeClass(stop)}]+?`);
  add(last ? '.+' : '.+?');
  return shapes;
}

function escapeClass(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char;
}

/**
 * Ways to write the literal text between two selections (or before the first, after the last),
 * exact first: the words every taught row has at its start and end, with anything between
 * them allowed (a reason in brackets that only some rows have).
 */
export function literalShapes(segments: string[]): string[] {
  const first = segments[0]!;
  const shapes: string[] = [];
  const add = (shape: string) => {
    if (!shapes.includes(shape)) shapes.push(shape);
  };
  if (segments.every((s) => s === first)) add(escapeLiteral(first));
  // Cut points at word boundaries (and the ends).
  const cuts = [0];
  for (let i = 1; i < first.length; i++) if (/\s/.test(first[i - 1]!) !== /\s/.test(first[i]!)) cuts.push(i);
  cuts.push(first.length);
  const splits: [string, string][] = [];
  for (const a of cuts) {
    for (const b of cuts) {
      if (b < a) continue;
      const head = first.slice(0, a);
      const tail = first.slice(b);
      if (segments.every((s) => s.length >= head.length + tail.length && s.startsWith(head) && s.endsWith(tail))) splits.push([head, tail]);
    }
  }
  // Keep as much of the literal as possible; first the words at one end only (a sentence's varying
  // tail, a varying opening), then the words at both ends with something between.
  const oneEnd = ([head, tail]: [string, string]) => (head === '' || tail === '' ? 0 : 1);
  splits.sort((x, y) => oneEnd(x) - oneEnd(y) || y[0].length + y[1].length - (x[0].length + x[1].length));
  for (const [head, tail] of splits) add(`${escapeLiteral(head)}.*?${escapeLiteral(tail)}`);
  return shapes.slice(0, 24);
}

interface Sample {
  text: string;
  spans: Span[];
}

interface Built {
  pattern: string;
  regex: RegExp;
}

function sortedSpans(teaching: Teaching): Span[] {
  return [...teaching.spans].sort((a, b) => a.start - b.start);
}

/** Checks one row's selections; a message in plain words when they can't be used. */
export function selectionProblem(text: string, spans: Span[]): string | null {
  if (spans.length === 0) return 'Select at least one part of the row first (who did it, or the event).';
  const roles = new Set<SentenceRole>();
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let end = 0;
  for (const span of sorted) {
    if (roles.has(span.role)) return `“${SENTENCE_ROLE_TITLE[span.role]}” is selected twice in this row. Select it once.`;
    roles.add(span.role);
    if (span.start < 0 || span.end > text.length || span.end <= span.start) return `The words selected for “${SENTENCE_ROLE_TITLE[span.role]}” aren't in this row's text any more. Select them again.`;
    const words = text.slice(span.start, span.end);
    if (words.trim() !== words || words.trim() === '') return `Select the words for “${SENTENCE_ROLE_TITLE[span.role]}” without the spaces around them.`;
    if (span.start < end) return `The words for “${SENTENCE_ROLE_TITLE[span.role]}” overlap another part you selected. Select each part separately.`;
    end = span.end;
  }
  return null;
}

/** Literal pieces around the spans of a sample: before the first, between each, after the last. */
function literals(sample: Sample): string[] {
  const out: string[] = [];
  let at = 0;
  for (const span of sample.spans) {
    out.push(sample.text.slice(at, span.start));
    at = span.end;
  }
  out.push(sample.text.slice(at));
  return out;
}

function build(order: SentenceRole[], groups: string[], lits: string[]): Built | null {
  let pattern = `^${lits[0]}`;
  order.forEach((role, i) => {
    pattern += `(?<${role}>${groups[i]})${lits[i + 1]}`;
  });
  pattern += '$';
  if (rowPatternProblem(pattern, true)) return null;
  return { pattern, regex: new RegExp(pattern) };
}

function readsExactly(built: Built, sample: Sample): boolean {
  const match = built.regex.exec(sample.text);
  if (!match?.groups) return false;
  return sample.spans.every((span) => match.groups![span.role] === sample.text.slice(span.start, span.end));
}

/**
 * One pattern that reads every sample exactly and none of `others`, reading as many of
 * `rows` as it can; null when the samples can't share one pattern.
 */
function derivePattern(samples: Sample[], others: string[], rows: string[]): Built | null {
  const order = samples[0]!.spans.map((s) => s.role);
  if (!samples.every((s) => s.spans.map((x) => x.role).join() === order.join())) return null;
  const values = order.map((_, i) => samples.map((s) => s.text.slice(s.spans[i]!.start, s.spans[i]!.end)));
  const segs = samples.map(literals);
  const litChoices = segs[0]!.map((_, i) => literalShapes(segs.map((s) => s[i]!)));
  const groupChoices = order.map((_, i) => groupShapes(values[i]!, segs[0]![i + 1]!, i === order.length - 1 && segs[0]![i + 1] === ''));
  if (litChoices.some((c) => c.length === 0)) return null;

  const score = (built: Built | null): number => {
    if (!built || !samples.every((s) => readsExactly(built, s)) || others.some((o) => built.regex.test(o))) return -1;
    return rows.filter((r) => built.regex.test(r)).length;
  };
  // Every slot of the pattern: the literals and the groups, each with its shapes (specific first).
  const slots = [...litChoices, ...groupChoices];
  const pick = slots.map(() => 0);
  const current = () => build(order, groupChoices.map((_, i) => groupChoices[i]![pick[litChoices.length + i]!]!), litChoices.map((c, i) => c[pick[i]!]!));
  // Start from the most specific shapes, then loosen one slot, or two together, wherever that
  // reads more rows; finally tighten each slot again as far as it reads as many.
  let best = score(current());
  const neighbours: [number, number][] = [];
  groupChoices.forEach((_, g) => neighbours.push([g, litChoices.length + g], [g + 1, litChoices.length + g]));
  const tryChange = (changes: [number, number][]): boolean => {
    const saved = changes.map(([slot]) => pick[slot]!);
    for (const [slot, choice] of changes) pick[slot] = choice;
    const s = score(current());
    if (s > best) {
      best = s;
      return true;
    }
    changes.forEach(([slot], i) => (pick[slot] = saved[i]!));
    return false;
  };
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (let a = 0; a < slots.length; a++) for (let c = 0; c < slots[a]!.length; c++) changed = tryChange([[a, c]]) || changed;
    if (!changed) {
      // A literal and a group beside it (the text after a name, and the name's shape).
      for (const [a, b] of neighbours)
        for (let ca = 0; ca < slots[a]!.length; ca++) for (let cb = 0; cb < slots[b]!.length; cb++) changed = tryChange([[a, ca], [b, cb]]) || changed;
    }
    if (!changed) break;
  }
  for (let a = 0; a < slots.length; a++) {
    const keep = pick[a]!;
    for (let c = 0; c < keep; c++) {
      pick[a] = c;
      if (score(current()) >= best) break;
      pick[a] = keep;
    }
  }
  if (best < 0) return null;
  return current();
}

/** Reads rows the way the capture does: variants first (each takes the rows it fits), then the base. */
export function readRows(rows: string[], base: RegExp, variants: RegExp[], headings?: (string | null)[], timeHeading = false): (Reading | null)[] {
  return rows.map((text, index) => {
    const match = [...variants, base].map((r) => r.exec(text)).find((m) => m !== null);
    if (!match?.groups) return null;
    const g = match.groups;
    const heading = timeHeading ? (headings?.[index] ?? null) : null;
    const time = (g.time ?? '').trim();
    return {
      actor: (g.actor ?? '').trim(),
      action: (g.action ?? '').trim(),
      target: (g.target ?? '').trim(),
      time: heading && time ? `${heading} ${time}` : time,
    };
  });
}

/**
 * The row pattern for the person's selections, or a plain message saying what to select
 * differently. Teachings after the first refine the pattern they can share, or add a variant.
 */
export function deriveSentence(input: SentenceInput): SentenceResult {
  const rows = input.rows.slice(0, MAX_ROWS);
  if (input.teachings.length === 0) return { ok: false, message: 'Select the words of one row first.' };
  const samples: Sample[] = [];
  // A row taught again: its last teaching wins.
  const latest = input.teachings.filter((t, i) => !input.teachings.slice(i + 1).some((later) => later.row === t.row));
  for (const teaching of latest) {
    const text = rows[teaching.row];
    if (text === undefined) return { ok: false, message: 'That row is no longer on the page. Select the words in a row you can see.' };
    const problem = selectionProblem(text, teaching.spans);
    if (problem) return { ok: false, message: problem };
    samples.push({ text, spans: sortedSpans(teaching) });
  }
  if (!samples[0]!.spans.some((s) => s.role === 'action' || s.role === 'actor')) {
    return { ok: false, message: 'Select who did it or what they did in the row: a sentence without either says nothing about the event.' };
  }

  // Each pattern's samples; the first is the base, the others become variants.
  const groups: Sample[][] = [];
  for (const sample of samples) {
    let placed = false;
    for (const [index, group] of groups.entries()) {
      const others = index === 0 ? [] : samples.filter((s) => !group.includes(s) && s !== sample).map((s) => s.text);
      if (derivePattern([...group, sample], others, rows.slice(0, SEARCH_ROWS))) {
        group.push(sample);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push([sample]);
  }
  const built: Built[] = [];
  for (const [index, group] of groups.entries()) {
    // Variants are tried first, so each must leave the other sentences alone; the base reads what they leave.
    const others = index === 0 ? [] : samples.filter((s) => !group.includes(s)).map((s) => s.text);
    const pattern = derivePattern(group, others, rows.slice(0, SEARCH_ROWS));
    if (!pattern) {
      return { ok: false, message: `Trailguide couldn't make one rule that reads “${group[0]!.text.slice(0, 80)}” the way you selected it. Select the parts again, each as whole words.` };
    }
    built.push(pattern);
  }

  const [base, ...variants] = built as [Built, ...Built[]];
  const timeSample = samples[0]!.spans.find((s) => s.role === 'time');
  const timeText = timeSample ? samples[0]!.text.slice(timeSample.start, timeSample.end) : '';
  const timeHeading = Boolean(input.heading && input.heading.selectors.length > 0 && TIME_OF_DAY.test(timeText));
  const columns: Record<string, ColumnExtractor> = timeHeading ? { time: { heading: input.heading!.selectors.slice(0, 10) } } : {};
  const readings = readRows(rows, base.regex, variants.map((v) => v.regex), input.heading?.texts, timeHeading);
  return {
    ok: true,
    text: { pattern: base.pattern },
    variants: variants.map((v) => ({ text: { pattern: v.pattern } })),
    columns,
    readings,
    read: readings.filter(Boolean).length,
  };
}
