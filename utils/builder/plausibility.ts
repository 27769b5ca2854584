import { ROW_TEXT_KEY } from '../schema/row-pattern';

/**
 * Does each column the builder was taught read what it should? (pure)
 *
 * "Found 20 rows" says nothing about whether the time column reads times or the
 * event column reads a reason text. Over the rows the live test read, each column
 * is judged by what such a column holds on any audit log:
 * - time: read by the adapter's own time reading (formats, zone, human times), and
 *   in a believable range (not before 2000, not in the future);
 * - event type: short codes or names that repeat from row to row — or ones the
 *   adapter already knows (its glossary, its event-kind map) — never long free text,
 *   e-mail addresses, times or network addresses;
 * - person: e-mail addresses, user names, people's names or keys;
 * - IP address: network addresses;
 * - every column: not empty in every row, and not the same text as another column
 *   in every row (two steps pointing at the same place).
 * Each gets a verdict, a plain reason and an example value the person can check.
 */
export const COLUMN_VERDICTS = ['works', 'doubtful', 'wrong'] as const;
export type ColumnVerdict = (typeof COLUMN_VERDICTS)[number];

export interface ColumnCheck {
  /** The adapter's column name (time, actor, action, target, ip, …). */
  column: string;
  /** What the builder calls it ("Time", "Person", "Event type"). */
  label: string;
  verdict: ColumnVerdict;
  /** One or two plain sentences: why. */
  reason: string;
  /** A value the column read — for a problem, one that shows it. */
  sample: string;
}

/** What the live test read from one row: the parsed time, and every column's text. */
export interface RowReading {
  time: string | null;
  raw: Record<string, string>;
}

export interface PlausibilityInput {
  rows: readonly RowReading[];
  /** Columns to judge, in the adapter's order (others found in the rows are added after). */
  columns?: readonly string[];
  /** Event codes the adapter already knows: its glossary's terms and its event-kind map's codes. */
  knownCodes?: Iterable<string>;
  now: Date;
}

export const COLUMN_LABELS: Record<string, string> = {
  time: 'Time',
  actor: 'Person',
  action: 'Event type',
  target: 'What it was done to',
  ip: 'IP address',
  result: 'Result',
};

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
/** Clocks and zones disagree a little; a log's newest row is never days ahead. */
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;
/** Fewer rows than this can't show that event types repeat, or that two columns always agree. */
const FEW_ROWS = 5;
const IDENTICAL_MIN_ROWS = 3;

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?$/;
const IPV6 = /^\[?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\]?$/i;
const TIMEISH = /\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\bago\b|\b(yesterday|today)\b/i;
/** A login name, a user id (usr_8Kx2), a handle (@dana) — one word. */
const USERNAME = /^@?[\p{L}\p{N}][\p{L}\p{N}._+\-]{0,63}$/u;
/** "Dana Whitfield", "José de la Cruz", "Li Chen (li@acme.example)". */
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
const NAME_PARTICLES = new Set(['de', 'la', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'del', 'bin', 'al']);
/** Who is not a person but still a legitimate "who": keys, bots, the system itself. */
const NON_HUMAN_ACTOR = /\b(api|key|token|bot|service|system|automation|integration|app|robot|admin|root|scheduler|job)\b/i;

export function columnLabel(column: string): string {
  return COLUMN_LABELS[column] ?? column.charAt(0).toUpperCase() + column.slice(1);
}

export function judgeColumns(input: PlausibilityInput): ColumnCheck[] {
  const names = columnOrder(input);
  const known = new Set([...(input.knownCodes ?? [])].map((code) => code.trim().toLowerCase()));
  const rows = input.rows;
  const checks = names.map((column) => {
    const values = rows.map((row) => (row.raw[column] ?? '').replace(/\s+/g, ' ').trim());
    const base = { column, label: columnLabel(column) };
    if (rows.length === 0) return { ...base, verdict: 'wrong' as const, reason: 'No rows were read, so this column could not be checked.', sample: '' };
    const filled = values.filter(Boolean);
    if (filled.length === 0) {
      return { ...base, verdict: 'wrong' as const, reason: `It is empty in all ${rows.length} rows: it points at nothing inside the rows.`, sample: '' };
    }
    const judged =
      column === 'time'
        ? judgeTime(rows, values, input.now)
        : column === 'action'
          ? judgeEvent(filled, known)
          : column === 'actor'
            ? judgePerson(filled)
            : column === 'ip'
              ? judgeAddress(filled)
              : { verdict: 'works' as const, reason: `It reads something in ${filled.length} of ${rows.length} rows.`, sample: filled[0]! };
    // Person, event and time belong in every row; an empty one in many rows is a sign of the wrong place.
    if (judged.verdict === 'works' && column !== 'target' && filled.length * 2 < rows.length) {
      return { ...base, verdict: 'doubtful' as const, reason: `It is empty in ${rows.length - filled.length} of ${rows.length} rows.`, sample: filled[0]! };
    }
    return { ...base, ...judged };
  });
  return markIdenticalColumns(checks, rows);
}

function columnOrder(input: PlausibilityInput): string[] {
  const names: string[] = [...(input.columns ?? [])];
  for (const row of input.rows) for (const key of Object.keys(row.raw)) if (key !== ROW_TEXT_KEY && !names.includes(key)) names.push(key);
  return names.filter((name) => name !== ROW_TEXT_KEY);
}

type Judged = Pick<ColumnCheck, 'verdict' | 'reason' | 'sample'>;

function judgeTime(rows: readonly RowReading[], values: readonly string[], now: Date): Judged {
  const total = rows.length;
  const unread = rows.map((row, i) => (row.time === null && values[i] ? values[i]! : null)).filter((v): v is string => v !== null);
  const read = rows.map((row) => row.time).filter((t): t is string => t !== null);
  if (read.length === 0) return { verdict: 'wrong', reason: `None of the ${total} rows has a time Trailguide can read here.`, sample: unread[0] ?? '' };
  const latest = now.getTime() + FUTURE_SLACK_MS;
  const outside = read.filter((iso) => {
    const at = Date.parse(iso);
    return !(at >= EARLIEST && at <= latest);
  });
  const sampleOf = (iso: string) => values[rows.findIndex((row) => row.time === iso)] || iso;
  if (outside.length * 2 > read.length) {
    return { verdict: 'wrong', reason: `${outside.length} of ${read.length} times are before 2000 or in the future — these aren't when the events happened.`, sample: sampleOf(outside[0]!) };
  }
  if (read.length * 2 < total) {
    return { verdict: 'wrong', reason: `Only ${read.length} of ${total} rows have a time Trailguide can read.`, sample: unread[0] ?? '' };
  }
  if (unread.length > 0) return { verdict: 'doubtful', reason: `${unread.length} of ${total} rows have a time Trailguide can't read.`, sample: unread[0]! };
  if (outside.length > 0) return { verdict: 'doubtful', reason: `${outside.length} of ${read.length} times are before 2000 or in the future.`, sample: sampleOf(outside[0]!) };
  const sorted = [...read].sort();
  if (read.length >= FEW_ROWS && sorted[0] === sorted[sorted.length - 1]) {
    return { verdict: 'doubtful', reason: `All ${read.length} rows read the same time — usually a log's rows differ.`, sample: values[0] ?? '' };
  }
  const from = sorted[0]!.slice(0, 10);
  const to = sorted[sorted.length - 1]!.slice(0, 10);
  return { verdict: 'works', reason: `All ${read.length} times read, ${from === to ? `on ${from}` : `from ${from} to ${to}`} (UTC).`, sample: values[0] ?? '' };
}

function judgeEvent(values: readonly string[], known: ReadonlySet<string>): Judged {
  const total = values.length;
  const sentences = values.filter(isFreeText);
  if (sentences.length * 2 > total) {
    return { verdict: 'wrong', reason: 'It reads long free text, not a short event type that repeats.', sample: sentences[0]! };
  }
  for (const [test, what] of [
    [(v: string) => EMAIL.test(v), 'e-mail addresses'],
    [(v: string) => IPV4.test(v) || IPV6.test(v), 'network addresses'],
    [(v: string) => TIMEISH.test(v), 'times or dates'],
  ] as const) {
    const hits = values.filter(test);
    if (hits.length * 2 > total) return { verdict: 'wrong', reason: `These look like ${what}, not event types.`, sample: hits[0]! };
  }
  const knownValues = values.filter((v) => known.has(v.toLowerCase()));
  if (knownValues.length === total) return { verdict: 'works', reason: `Every value is an event type this adapter already knows.`, sample: values[0]! };
  if (sentences.length > 0) return { verdict: 'doubtful', reason: `${sentences.length} of ${total} values are long free text, not event types.`, sample: sentences[0]! };
  const counts = countValues(values);
  const distinct = counts.size;
  const [top, topCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (total < FEW_ROWS) {
    return { verdict: 'works', reason: `Short values; with only ${total} rows Trailguide can't check that they repeat like event types.`, sample: values[0]! };
  }
  // Rows' event types repeat: a page of results holds a few kinds of event many times over.
  const unknownDistinct = new Set(values.filter((v) => !known.has(v.toLowerCase()))).size;
  if (distinct === total && knownValues.length * 2 < total && total >= 8) {
    return { verdict: 'wrong', reason: `Every one of the ${total} rows has a different value; event types repeat from row to row.`, sample: values[0]! };
  }
  if (unknownDistinct * 5 > total * 4) {
    return { verdict: 'doubtful', reason: `${distinct} different values in ${total} rows — event types usually repeat more.`, sample: values[0]! };
  }
  return { verdict: 'works', reason: `${distinct} different event type${distinct === 1 ? '' : 's'} in ${total} rows${topCount > 1 ? ` (“${clip(top)}” ${topCount} times)` : ''}.`, sample: top };
}

function judgePerson(values: readonly string[]): Judged {
  const total = values.length;
  const kinds = values.map(personKind);
  const odd = values.filter((_, i) => kinds[i] === null);
  if (odd.length * 2 > total) {
    return { verdict: 'wrong', reason: `${odd.length} of ${total} values don't look like people, e-mail addresses, user names or keys.`, sample: odd[0]! };
  }
  if (odd.length * 10 > total) {
    return { verdict: 'doubtful', reason: `${odd.length} of ${total} values don't look like people, e-mail addresses, user names or keys.`, sample: odd[0]! };
  }
  const most = [...countValues(kinds.filter((k): k is string => k !== null)).entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { verdict: 'works', reason: `They look like ${most}.`, sample: values[0]! };
}

function judgeAddress(values: readonly string[]): Judged {
  const odd = values.filter((v) => !(IPV4.test(v) || IPV6.test(v)));
  if (odd.length * 2 > values.length) return { verdict: 'wrong', reason: `${odd.length} of ${values.length} values aren't network (IP) addresses.`, sample: odd[0]! };
  if (odd.length > 0) return { verdict: 'doubtful', reason: `${odd.length} of ${values.length} values aren't network (IP) addresses.`, sample: odd[0]! };
  return { verdict: 'works', reason: 'They are network (IP) addresses.', sample: values[0]! };
}

/** What kind of "who" a value looks like, in words for the reason; null: not a who at all. */
export function personKind(value: string): string | null {
  const v = value.trim();
  if (!v || v.length > 120 || TIMEISH.test(v) || IPV4.test(v) || IPV6.test(v)) return null;
  if (EMAIL.test(v)) return 'e-mail addresses';
  // "Li Chen <li@acme.example>", "Dana (dana@acme.example)"
  const inner = /[<(]([^<>()\s]+@[^<>()\s]+)[>)]/.exec(v);
  if (inner && v.split(/\s+/).length <= 6) return 'people with their e-mail addresses';
  if (USERNAME.test(v)) return 'user names or ids';
  const words = v.split(' ');
  if (words.length <= 4 && words.every((w, i) => NAME_WORD.test(w) || (i > 0 && NAME_PARTICLES.has(w)))) return "people's names";
  if (words.length <= 5 && NON_HUMAN_ACTOR.test(v)) return 'keys or system accounts';
  return null;
}

function isFreeText(value: string): boolean {
  return value.length > 60 || value.split(' ').length > 6;
}

function countValues(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Two columns with the same text in every row point at the same place: at least one is wrong.
 * Where the others say which (its own check already failed), that one stays wrong and the
 * other keeps its verdict; where nothing tells them apart, both are wrong.
 */
function markIdenticalColumns(checks: ColumnCheck[], rows: readonly RowReading[]): ColumnCheck[] {
  if (rows.length < IDENTICAL_MIN_ROWS) return checks;
  const text = (row: RowReading, column: string) => (row.raw[column] ?? '').replace(/\s+/g, ' ').trim();
  const twins = new Map<number, number[]>();
  for (let a = 0; a < checks.length; a++) {
    for (let b = a + 1; b < checks.length; b++) {
      const ca = checks[a]!.column;
      const cb = checks[b]!.column;
      if (!rows.some((row) => text(row, ca))) continue;
      if (rows.every((row) => text(row, ca) === text(row, cb))) {
        twins.set(a, [...(twins.get(a) ?? []), b]);
        twins.set(b, [...(twins.get(b) ?? []), a]);
      }
    }
  }
  const names = (list: number[]) => list.map((i) => `“${checks[i]!.label}”`).join(' and ');
  return checks.map((check, index) => {
    const others = twins.get(index);
    if (!others) return check;
    if (check.verdict === 'wrong') return { ...check, reason: `${check.reason} It also reads the same as ${names(others)} in every row.` };
    if (others.every((i) => checks[i]!.verdict === 'wrong')) return { ...check, reason: `${check.reason} (${names(others)} reads the same text in every row, and that is the one to point at again.)` };
    const sample = rows.map((row) => text(row, check.column)).find(Boolean) ?? '';
    return { ...check, verdict: 'wrong', reason: `It reads exactly the same as ${names(others)} in every row — one of them points at the wrong place.`, sample };
  });
}

/** Plain sentences for the columns that aren't right, for the message and the save confirmation. */
export function columnProblems(checks: readonly ColumnCheck[], verdicts: readonly ColumnVerdict[] = ['wrong']): string[] {
  return checks
    .filter((check) => verdicts.includes(check.verdict))
    .map((check) => `${check.label}: ${check.verdict === 'wrong' ? 'wrong' : 'doubtful'} — ${check.reason}${check.sample ? ` (for example “${clip(check.sample, 60)}”)` : ''}`);
}
