import type { ColumnCheck } from './plausibility';

/**
 * A column kept by its heading, where the heading names another kind of column (pure).
 *
 * The values alone can't tell some wrong picks apart: on the demo console "Target" holds
 * e-mail addresses just like "Actor", and "Result" holds one short word that repeats like an
 * event type. The heading can: a person column read under "Target", or an event type read
 * under "Result", is worth a second look. Only the person and the event type are checked
 * (a target may be headed "User" on a console that manages users), and only where the
 * heading names another kind and not this one ("Email address" is still a person).
 */
const WORDS: Record<string, readonly string[]> = {
  time: ['time', 'date', 'when', 'timestamp'],
  actor: ['actor', 'user', 'who', 'person', 'by', 'agent', 'author', 'member', 'initiator', 'email', 'e-mail', 'performer'],
  action: ['event', 'action', 'activity', 'type', 'operation'],
  target: ['target', 'object', 'resource', 'subject', 'affected'],
  ip: ['ip', 'location', 'country'],
  result: ['result', 'status', 'outcome'],
};

/** What a column of each kind holds, in the words of the reason. */
const HOLDS: Record<string, string> = {
  time: 'when it happened',
  actor: 'who did it',
  action: 'the event type',
  target: 'what the event was done to',
  ip: 'where it came from',
  result: 'whether it worked',
};

const CHECKED = new Set(['actor', 'action']);

/** The kinds of column a heading names ("IP address" → ip; "Performed by" → actor). */
export function headingKinds(heading: string): string[] {
  const words = new Set(heading.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean));
  return Object.keys(WORDS).filter((kind) => WORDS[kind]!.some((word) => words.has(word)));
}

export function headingDoubts(checks: readonly ColumnCheck[], columns: Readonly<Record<string, { header?: string } | undefined>>): ColumnCheck[] {
  return checks.map((check) => {
    const heading = columns[check.column]?.header?.trim();
    if (check.verdict !== 'works' || !heading || !CHECKED.has(check.column)) return check;
    const kinds = headingKinds(heading);
    const other = kinds[0];
    if (!other || kinds.includes(check.column)) return check;
    return {
      ...check,
      verdict: 'doubtful',
      reason: `It reads the column headed “${heading}”, which usually holds ${HOLDS[other]}, not ${HOLDS[check.column]}. If that is not right, point at ${HOLDS[check.column]} again.`,
    };
  });
}
