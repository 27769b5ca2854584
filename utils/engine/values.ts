import { COMMON_FILTERS, type FilterValues } from '../schema/common';
import type { ValueFormat } from '../schema/adapter';

/**
 * Turns a runbook step's filters into concrete values (pure; `now` is injected so
 * tests and the panel agree on "today").
 *
 * - `{{email}}` is replaced by the runbook input `email`; `{{range.from}}` /
 *   `{{range.to}}` pick one end of a date range input written `a..b`.
 * - A filter whose placeholder is empty is dropped (an optional input left blank
 *   means "don't filter on it"), never sent as an empty string.
 * - `since` / `until` accept dates (`2026-03-01`, full ISO times), relative ones
 *   (`-30d`, `-12h`, `-15m`, `-2w`), `now` and `today`, and become ISO 8601 UTC.
 *   A date without a time means the start of that day for `since` and its end
 *   for `until`, so "2026-03-01..2026-03-31" covers all of March 31.
 */
export interface ResolvedFilters {
  values: FilterValues;
  /** Filters left out because an input they need is empty. */
  dropped: string[];
  /** Values that could not be understood, in plain words (the filter is left out). */
  problems: { field: string; message: string }[];
}

export const DATE_FILTERS: ReadonlySet<string> = new Set(['since', 'until']);
const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)(?:\.(from|to))?\s*\}\}/g;
const RELATIVE = /^([+-])\s*(\d{1,6})\s*([mhdw])$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

export function resolveFilters(
  filters: FilterValues,
  inputs: Readonly<Record<string, string | undefined>>,
  options: { now?: Date } = {},
): ResolvedFilters {
  const now = options.now ?? new Date();
  const out: ResolvedFilters = { values: {}, dropped: [], problems: [] };
  for (const [field, template] of Object.entries(filters)) {
    let empty = false;
    const filled = template.replace(PLACEHOLDER, (_match, name: string, end?: 'from' | 'to') => {
      const part = pickPart(inputs[name] ?? '', end).trim();
      if (!part) empty = true;
      return part;
    });
    if (empty || !filled.trim()) {
      out.dropped.push(field);
      continue;
    }
    if (!DATE_FILTERS.has(field)) {
      out.values[field] = filled.trim();
      continue;
    }
    // A whole range in one filter: `since` takes its start, `until` its end.
    const expression = pickPart(filled, field === 'until' ? 'to' : 'from');
    const iso = resolveDate(expression, now, field === 'until' ? 'end' : 'start');
    if (iso === null) {
      out.problems.push({
        field,
        message: `I didn't understand the date "${expression}". Use a date like 2026-03-31, or -30d for "30 days ago".`,
      });
    } else {
      out.values[field] = iso;
    }
  }
  return out;
}

/** "a..b" → a or b; a value without ".." is both ends of its own range. */
function pickPart(value: string, end: 'from' | 'to' | undefined): string {
  if (!end) return value;
  const at = value.indexOf('..');
  if (at < 0) return value;
  return end === 'from' ? value.slice(0, at) : value.slice(at + 2);
}

/**
 * One date expression → ISO 8601 UTC, or null when it is not a date.
 * `edge` says which end of a whole day a bare date stands for.
 */
export function resolveDate(expression: string, now: Date, edge: 'start' | 'end' = 'start'): string | null {
  const text = expression.trim();
  if (!text) return null;
  const lower = text.toLowerCase();
  if (lower === 'now') return now.toISOString();
  if (lower === 'today') return dayEdge(now.toISOString().slice(0, 10), edge);
  const relative = RELATIVE.exec(text);
  if (relative) {
    const [, sign, amount, unit] = relative;
    const ms = Number(amount) * UNIT_MS[unit!.toLowerCase() as keyof typeof UNIT_MS];
    return new Date(now.getTime() + (sign === '-' ? -ms : ms)).toISOString();
  }
  if (DATE_ONLY.test(text)) return dayEdge(text, edge);
  return parseInstant(text);
}

function dayEdge(day: string, edge: 'start' | 'end'): string | null {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(edge === 'start' ? ms : ms + 86_399_999).toISOString();
}

/** A date-time; without a time zone it is read as UTC (every console we cover shows UTC). */
export function parseInstant(text: string): string | null {
  const value = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const loose = Date.parse(value);
    return Number.isNaN(loose) ? null : new Date(loose).toISOString();
  }
  const normalised = value.replace(' ', 'T');
  const ms = Date.parse(HAS_ZONE.test(normalised) || DATE_ONLY.test(normalised) ? normalised : `${normalised}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Writes a resolved value the way an adapter's URL parameter or input wants it.
 * Values that are not dates pass through unchanged whatever the format.
 */
export function formatValue(value: string, format: ValueFormat): string {
  if (format === 'plain') return value;
  const iso = parseInstant(value);
  if (iso === null) return value;
  switch (format) {
    case 'iso':
      return iso;
    case 'date':
      return iso.slice(0, 10);
    case 'datetimeLocal':
      return iso.slice(0, 16);
    case 'epochMs':
      return String(Date.parse(iso));
    case 'epochS':
      return String(Math.floor(Date.parse(iso) / 1000));
  }
}

/** The common vocabulary first (in its documented order), then an adapter's extras. */
export function orderFilterNames(names: Iterable<string>): string[] {
  const common = COMMON_FILTERS as readonly string[];
  return [...names].sort((a, b) => rank(a, common) - rank(b, common) || a.localeCompare(b));
}

function rank(name: string, common: readonly string[]): number {
  const at = common.indexOf(name);
  return at < 0 ? common.length : at;
}
