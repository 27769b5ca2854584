/**
 * Which adapter a page is shown with when several fit its address. The match table lists
 * adapters in the order the packs are in force (utils/packs/resolve.ts: the newest first, the
 * local pack from its last save), so an adapter a person taught on a page the built-in pack
 * already knows comes before the built-in one. Their markup may not arrive together: the demo
 * console's search form is there before its results table (which a taught adapter needs), so
 * the first one to match is not always the one in force. The detector shows the best match so
 * far and moves up when a better-ranked one matches later — never down.
 *
 * Returns the index of the best-ranked candidate that matches and ranks above `shownAt` (the
 * index shown now; `candidates.length` when nothing is shown yet), or -1.
 */
export function betterMatch<T>(candidates: readonly T[], shownAt: number, matches: (entry: T) => boolean): number {
  const end = Math.min(shownAt, candidates.length);
  for (let index = 0; index < end; index++) if (matches(candidates[index]!)) return index;
  return -1;
}
