import { looksHashed } from './selectors';

/**
 * An event type that is only the row's style name (Redmine's `<dt class="issue-edit icon …">`:
 * the row's words say "Feature #30 (In Progress): …", never "issue-edit"). When the person
 * points at the row's title for the event type and those words don't repeat from row to row,
 * but the row's first class does, the builder offers to read the event from the class — the
 * adapter format's `attr: class` with a `pattern` that keeps the first class name. Pure.
 */

/** Keeps the first class name of a `class` attribute (leading spaces allowed). */
export const FIRST_CLASS_PATTERN = '^\\s*([A-Za-z][\\w-]*)';
const FIRST_CLASS = new RegExp(FIRST_CLASS_PATTERN);

export interface ClassOffer {
  attr: 'class';
  pattern: string;
  /** The value read from each visible row, in page order ('' where a row has no class). */
  values: string[];
  /** The different values, most frequent first. */
  kinds: string[];
  /** The value in the row the person pointed in. */
  here?: string;
}

/** The first class name of a class attribute, as the capture will read it ('' when none). */
export function firstClass(classAttr: string | null): string {
  return FIRST_CLASS.exec(classAttr ?? '')?.[1] ?? '';
}

/** How many different values, over how many rows. */
function spread(values: readonly string[]): number {
  return values.length === 0 ? 1 : new Set(values).size / values.length;
}

/**
 * The offer, or null when the class says no more than the words do. `classAttrs`: each
 * visible row's class attribute; `cellTexts`: the text of the part the person pointed at, in
 * each row (null where the row has none).
 */
export function classOffer(classAttrs: readonly (string | null)[], cellTexts: readonly (string | null)[]): ClassOffer | null {
  if (classAttrs.length < 3) return null;
  const values = classAttrs.map(firstClass);
  const named = values.filter(Boolean);
  // Nearly every row has one, and none is a build hash.
  if (named.length < Math.ceil(values.length * 0.8) || named.some((v) => looksHashed(v))) return null;
  const counts = new Map<string, number>();
  for (const v of named) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Kinds, not one style for every row, nor one per row: some value repeats, most rows share theirs.
  if (counts.size < 2 || counts.size >= named.length || counts.size > Math.ceil(named.length * 0.75)) return null;
  // The words pointed at already repeat like event codes: read those instead.
  const texts = cellTexts.filter((t): t is string => t !== null && t.trim() !== '');
  if (texts.length >= 3 && spread(texts) <= 0.5) return null;
  const kinds = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  return { attr: 'class', pattern: FIRST_CLASS_PATTERN, values, kinds };
}

/** The offer in the person's words: "issue-edit, issue-closed, wiki-page and 2 more". */
export function offerSentence(offer: Pick<ClassOffer, 'kinds'>, shown = 4): string {
  const head = offer.kinds.slice(0, shown);
  const more = offer.kinds.length - head.length;
  return `Read the event type from the row's style name instead: ${head.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

/** What a pick becomes when the person takes the offer: the row itself, its `class` attribute, the first class kept. */
export function withClassReading<P extends { selectors: string[]; kinds: string[]; sample: string; attr?: string; pattern?: string; classOffer?: ClassOffer }>(pick: P): P {
  const offer = pick.classOffer;
  if (!offer) return pick;
  return { ...pick, selectors: [':scope'], kinds: ['class'], attr: offer.attr, pattern: offer.pattern, sample: offer.here ?? offer.kinds[0] ?? '' };
}
