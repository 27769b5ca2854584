/**
 * Captured rows against Ghost's own History lines (./truth.ts), shared by journey.spec.ts and
 * teach.spec.ts: counted, in order, each row's time to the second, staff member and action
 * (and its target when the capture has one).
 */
import { expect } from '../../e2e/fixtures';
import type { HistoryLine } from './truth';

/** Ghost's time to the second (History shows seconds; the API stores seconds). */
export const toSecond = (iso: string) => (iso ? new Date(iso).toISOString().slice(0, 19) : '');

export function expectRowsEqual(captured: { time: string; actor: string; action: string; target?: string }[], truth: HistoryLine[], what: string): void {
  const key = (r: { time: string; actor: string; action: string }) => `${toSecond(r.time)} ${r.action} — by ${r.actor}`;
  // Counted, not just looked up: two lines that read the same are two events.
  const unseen = captured.map(key);
  const missing: string[] = [];
  for (const line of truth) {
    const at = unseen.indexOf(key(line));
    if (at >= 0) unseen.splice(at, 1);
    else missing.push(`${key(line)} (${line.target})`);
  }
  const extra = unseen;
  expect(captured.length, `${what}: rows captured vs the lines Ghost's API gives; not captured: ${missing.join('; ') || 'none'}; not in Ghost: ${extra.join('; ') || 'none'}`).toBe(truth.length);
  truth.forEach((line, i) => {
    const row = captured[i]!;
    const expected: Record<string, string> = { time: toSecond(line.time), actor: line.actor, action: line.action };
    const seen: Record<string, string> = { time: toSecond(row.time), actor: row.actor, action: row.action };
    if (row.target !== undefined) {
      expected.target = line.target;
      seen.target = row.target;
    }
    expect(seen, `${what}: row ${i + 1} (event ${line.id})`).toEqual(expected);
  });
}
