import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import type { PickedElement } from './messages';
import { BUILDER_ROLES, builderRole, isCellRole, ROLE_INFO, type BuilderRole } from './roles';

/**
 * "Check on a fresh page" (issue 14 §1, last clause): before the builder offers what was
 * taught, every taught element is found again on the live page after it reloaded (or
 * re-rendered), by each of its candidate ways, and compared with what that way found before:
 * - a control (search box, button, filter): the same control — its kind, role and name;
 * - the rows: the same rows, each known by its full text;
 * - a column: the same value in each row that is on the page both times (rows by their text).
 * A way that now finds something else, or nothing, is dropped; the others are kept. An
 * element with no way left is named to the person, and Save waits.
 *
 * This file is pure (what was found is plain strings); ./recheck-page.ts reads the page.
 */

const selector = lazySchema(() => z.string().min(1).max(500));

/** One taught element as the check needs it (a pick's selectors, and a column's header). */
export const recheckElement = lazySchema(() => z.strictObject({
  role: builderRole,
  selectors: z.array(selector).max(12),
  header: z.string().min(1).max(120).optional(),
  inner: z.array(selector).max(10).optional(),
}));
export type RecheckElement = z.infer<typeof recheckElement>;

/** What one way of finding an element found: a control's identity, the rows' texts, or [row text, value] pairs. */
export const recheckFinding = lazySchema(() => z.strictObject({
  key: z.string().min(1).max(700),
  found: z.array(z.string().max(2_000)).max(600),
}));
export type RecheckFinding = z.infer<typeof recheckFinding>;

export const recheckSnapshot = lazySchema(() =>
  z.array(z.strictObject({ role: builderRole, candidates: z.array(recheckFinding).max(16) })).max(BUILDER_ROLES.length),
);
export type RecheckSnapshot = z.infer<typeof recheckSnapshot>;

/** The key of a column's header way (its other ways are its selectors). */
export const headerKey = (header: string): string => `header:${header}`;

/** The ways an element can be found, as keys: its selectors, then its header (columns under a header row). */
export function candidateKeys(element: RecheckElement): string[] {
  return [...element.selectors, ...(element.header ? [headerKey(element.header)] : [])];
}

export interface RecheckOutcome {
  role: BuilderRole;
  /** Selectors that found the same thing again, in their order. */
  kept: string[];
  /** Selectors that found something else or nothing. */
  dropped: string[];
  /** For a column under a header: whether its header still leads to the same values. */
  headerKept?: boolean;
  /** Nothing found the element again. */
  lost: boolean;
}

/** A cell's finding entry: the row's text and the value read in it. */
export function cellEntry(rowText: string, value: string | null): string {
  return JSON.stringify([rowText, value]);
}

function cellMap(found: readonly string[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const entry of found) {
    try {
      const [row, value] = JSON.parse(entry) as [string, string | null];
      map.set(row, value);
    } catch {
      /* not a cell entry: ignored */
    }
  }
  return map;
}

/** A control is the same when it is found and its identity (kind, role, name) did not change. */
function sameControl(before: readonly string[], after: readonly string[]): boolean {
  return after.length === 1 && before.length === 1 && after[0] === before[0];
}

/**
 * A column way holds when the rows on the page both times read the same values through it,
 * at least one row is on the page both times, and it reads something in at least one.
 */
function sameColumn(before: readonly string[], after: readonly string[]): boolean {
  const was = cellMap(before);
  const now = cellMap(after);
  const common = [...now.keys()].filter((row) => was.has(row));
  if (common.length === 0) return false;
  if (!common.some((row) => now.get(row))) return false;
  return common.every((row) => now.get(row) === was.get(row));
}

/**
 * Row ways: those that find the most of the rows taught (what the first way found before), and
 * among those the fewest other rows (a way that also finds the header row, or another list, is
 * worse). A live log may gain rows between the two looks; the best ways gain the same ones.
 */
function keptRowKeys(taught: readonly string[], before: ReadonlyMap<string, readonly string[]>, after: ReadonlyMap<string, readonly string[]>): Set<string> {
  const was = new Set(taught);
  const scores = [...after.entries()].map(([key, texts]) => {
    const now = new Set(texts);
    const common = [...now].filter((t) => was.has(t)).length;
    return { key, common, extra: now.size - common, wasFound: (before.get(key) ?? []).length > 0 };
  });
  const usable = scores.filter((s) => s.wasFound && s.common > 0);
  if (usable.length === 0) return new Set();
  const most = Math.max(...usable.map((s) => s.common));
  const best = usable.filter((s) => s.common === most);
  const fewest = Math.min(...best.map((s) => s.extra));
  return new Set(best.filter((s) => s.extra === fewest).map((s) => s.key));
}

function byKey(snapshot: RecheckSnapshot, role: BuilderRole): Map<string, readonly string[]> {
  return new Map((snapshot.find((s) => s.role === role)?.candidates ?? []).map((c) => [c.key, c.found]));
}

/** Compares the two looks, element by element. */
export function compareSnapshots(elements: readonly RecheckElement[], before: RecheckSnapshot, after: RecheckSnapshot): RecheckOutcome[] {
  return elements.map((element) => {
    const was = byKey(before, element.role);
    const now = byKey(after, element.role);
    const rowKept = element.role === 'row' ? keptRowKeys(was.get(element.selectors[0] ?? '') ?? [], was, now) : new Set<string>();
    const holds = (key: string): boolean => {
      const a = was.get(key);
      const b = now.get(key);
      if (!a || !b) return false;
      if (element.role === 'row') return rowKept.has(key);
      return isCellRole(element.role) ? sameColumn(a, b) : sameControl(a, b);
    };
    const kept = element.selectors.filter(holds);
    const dropped = element.selectors.filter((s) => !kept.includes(s));
    const headerKept = element.header ? holds(headerKey(element.header)) : undefined;
    return { role: element.role, kept, dropped, ...(headerKept !== undefined ? { headerKept } : {}), lost: kept.length === 0 && headerKept !== true };
  });
}

/** The ways of finding the rows to read the columns in after the reload: the first that held. */
export function rowSelectorsAfter(outcomes: readonly RecheckOutcome[]): string[] {
  return outcomes.find((o) => o.role === 'row')?.kept ?? [];
}

const SOMETHING: Partial<Record<BuilderRole, string>> = {
  search: 'the search box',
  actor: 'the person filter',
  action: 'the event type filter',
  since: 'the start date box',
  until: 'the end date box',
  submit: 'the search button',
  row: 'the result rows',
  'col-time': 'the time in each row',
  'col-actor': 'the person in each row',
  'col-action': 'the event type in each row',
  'col-target': 'what each event was done to',
  next: 'the next page button',
};

/** A taught part in words ("the search box"). */
export function partName(role: BuilderRole): string {
  return SOMETHING[role] ?? ROLE_INFO[role].title.toLowerCase();
}

/** What to tell the person about an element nothing found again ("…couldn't find the search box again. Point at it once more."). */
export function lostMessage(role: BuilderRole, how: 'reload' | 'rerender' = 'reload'): string {
  const what = partName(role);
  const when = how === 'reload' ? 'After the page reloaded' : 'After the page showed its results again';
  return `${when}, Trailguide couldn't find ${what} again. Point at ${role === 'row' ? 'one row' : 'it'} once more.`;
}

/** One line for the whole check, true to what was found. */
export function recheckSummary(outcomes: readonly RecheckOutcome[]): string {
  const lost = outcomes.filter((o) => o.lost).length;
  const dropped = outcomes.reduce((n, o) => n + o.dropped.length + (o.headerKept === false ? 1 : 0), 0);
  if (outcomes.length === 0) return 'There was nothing taught to check yet.';
  if (lost > 0) return `Trailguide found ${outcomes.length - lost} of ${outcomes.length} taught parts again on the fresh page; ${lost === 1 ? 'one needs' : `${lost} need`} pointing at once more.`;
  return dropped > 0
    ? `Trailguide found all ${outcomes.length} taught parts again on the fresh page. ${dropped === 1 ? 'One way of finding them' : `${dropped} ways of finding them`} stopped working and ${dropped === 1 ? 'was' : 'were'} dropped; the others are kept.`
    : `Trailguide found all ${outcomes.length} taught parts again on the fresh page, each the same way as before.`;
}

/** The ways of finding each taught element (a Show me filter by what marks it on the page). */
export function taughtElements(current: Partial<Record<BuilderRole, PickedElement>>): RecheckElement[] {
  return (Object.values(current) as PickedElement[])
    .filter((pick) => pick.selectors.length > 0 || pick.header)
    .map((pick) => ({
      role: pick.role,
      selectors: pick.selectors.slice(0, 12),
      ...(pick.header ? { header: pick.header.slice(0, 120) } : {}),
      ...(pick.inner && pick.inner.length > 0 ? { inner: pick.inner.slice(0, 10) } : {}),
    }));
}

/** A pick with only the ways that held (an element nothing found again is left as it was, and named). */
export function keepWhatHeld(pick: PickedElement, outcome: RecheckOutcome): PickedElement {
  if (outcome.lost) return pick;
  const held = new Set(outcome.kept);
  const at = pick.selectors.map((s, i) => (held.has(s) ? i : -1)).filter((i) => i >= 0);
  const next: PickedElement = { ...pick, selectors: at.map((i) => pick.selectors[i]!), kinds: at.map((i) => pick.kinds[i]).filter((k) => k !== undefined) };
  if (outcome.headerKept === false) {
    delete next.header;
    delete next.inner;
  }
  if (next.taught && next.selectors.length > 0) next.taught = { ...next.taught, presence: next.selectors };
  return next;
}
