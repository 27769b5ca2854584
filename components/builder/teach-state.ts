import { signal } from '@preact/signals';
import { applyMeanings, isTaught, withMeaningChange, type TaughtMeaning } from '../../utils/builder/meanings';
import type { LiveTestReport } from '../../utils/builder/messages';
import { columnProblems } from '../../utils/builder/plausibility';
import type { Adapter } from '../../utils/schema/adapter';

/**
 * The builder's live-test verdicts and taught meanings (issue 14 §4–5), kept apart from
 * builder-state.ts: what the person wrote for each code, and the problems shown before a
 * save that the test did not pass.
 */
export const meanings = signal<Record<string, TaughtMeaning>>({});
/** The report whose problems the person was shown on pressing Save (the box stays only for that report). */
export const saveProblemsFor = signal<LiveTestReport | null>(null);

export function setMeaning(code: string, change: Partial<Omit<TaughtMeaning, 'code'>>): void {
  meanings.value = withMeaningChange(meanings.value, code, change);
}

export function taughtMeanings(): TaughtMeaning[] {
  return Object.values(meanings.value).filter(isTaught);
}

/** The draft with what the person taught; problems (a meaning too long…) name the code. */
export function withMeanings(adapter: Adapter): { ok: true; adapter: Adapter } | { ok: false; problems: string[] } {
  const taught = taughtMeanings();
  if (taught.length === 0) return { ok: true, adapter };
  const result = applyMeanings(adapter, taught);
  return result.ok ? { ok: true, adapter: result.adapter } : result;
}

/** What a save would ignore: columns the test found wrong, and its other problems (no rows, typing failed). */
export function testFailures(report: LiveTestReport | null): string[] {
  if (!report) return [];
  return [...columnProblems(report.columns ?? []), ...report.problems];
}

/** Columns worth a second look that don't stop a save by themselves. */
export function testDoubts(report: LiveTestReport | null): string[] {
  return report ? columnProblems(report.columns ?? [], ['doubtful']) : [];
}
