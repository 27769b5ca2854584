// Pure helpers for summarising repeated measurements. No I/O, no clocks:
// everything here is unit-tested (test/unit/bench-stats.test.ts).

/** Sorted copy of the finite numbers in `values`. */
function sortedFinite(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** The middle value (mean of the two middle values for an even count); NaN when empty. */
export function median(values) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Nearest-rank percentile (p in 0..100): the smallest value with at least p% of the
 * values at or below it. With few runs this is honest — it never invents a value
 * between two measurements.
 */
export function percentile(values, p) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)];
}

/** Smallest and largest value; NaN for both when empty. */
export function spread(values) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return { min: Number.NaN, max: Number.NaN };
  return { min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Rounds for display and JSON: 3 significant decimals below 10, 1 above, whole numbers above 10,000. */
export function round(value) {
  if (!Number.isFinite(value)) return null;
  const abs = Math.abs(value);
  const digits = abs >= 10_000 ? 0 : abs >= 10 ? 1 : 3;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** median, p95, min, max and the number of runs, rounded. */
export function summarise(values) {
  const { min, max } = spread(values);
  return {
    median: round(median(values)),
    p95: round(percentile(values, 95)),
    min: round(min),
    max: round(max),
    runs: sortedFinite(values).length,
  };
}

/**
 * One budget's result. `budget` null means "report only" (no pass/fail).
 * `pass` compares the median with the budget (at most).
 */
export function measured({ id, name, budget = null, unit, values, notes = '', details }) {
  const summary = summarise(values);
  const pass = budget === null || summary.median === null ? null : summary.median <= budget;
  return {
    id,
    name,
    status: budget === null ? 'report-only' : 'measured',
    budget,
    unit,
    ...summary,
    pass,
    notes,
    ...(details ? { details } : {}),
  };
}

/** A budget whose code has not landed yet: no number, and the reason. */
export function notBuiltYet({ id, name, budget = null, unit, reason }) {
  return { id, name, status: 'not-built-yet', budget, unit, median: null, p95: null, min: null, max: null, runs: 0, pass: null, notes: reason };
}

/** A measurement that broke: no number, and what went wrong in one line. */
export function failed({ id, name, budget = null, unit, error }) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { id, name, status: 'error', budget, unit, median: null, p95: null, min: null, max: null, runs: 0, pass: budget === null ? null : false, notes: message };
}
