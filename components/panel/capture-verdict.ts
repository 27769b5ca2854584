import type { CapturedRow } from '../../utils/db/records';

/** The columns without which a row says nothing: when, who, what. */
const CORE = new Set(['time', 'actor', 'action']);

/**
 * The core columns the adapter reads that came out empty in every captured row — the
 * console renamed the column's heading, or the adapter reads the wrong place. Such a
 * capture keeps its rows but is not Done: rows that never say who or what prove little.
 * One row alone proves nothing either way (a system event may have no actor).
 */
export function columnsEmptyInEveryRow(rows: readonly CapturedRow[], columns: readonly { name: string; label: string }[]): string[] {
  if (rows.length < 2) return [];
  return columns.filter((column) => CORE.has(column.name) && rows.every((row) => !String((row as unknown as Record<string, unknown>)[column.name] ?? '').trim())).map((column) => column.label);
}

/** The step's headline when some core columns came out empty everywhere. */
export function partlyCapturedText(rowCount: number, labels: readonly string[]): string {
  const quoted = labels.map((label) => `“${label}”`);
  const which = quoted.length === 1 ? `the ${quoted[0]} column is` : `the ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} columns are`;
  return `Partly done — captured ${rowCount.toLocaleString('en')} row${rowCount === 1 ? '' : 's'}, but ${which} empty in every one. The rows are kept; read the notes below before relying on them.`;
}
