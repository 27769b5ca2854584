import { findDayHeading } from './sentence-page';
import { TIME_OF_DAY } from './sentence';

/**
 * A time cell that shows only the time of day ("03:28 PM") under a day heading ("11/27/2026",
 * Redmine's activity): the heading's selectors, so the taught time column reads the day from
 * it (the format's `heading` on a column) — and, when the headings' numeric dates show which
 * comes first (a 13th of a month somewhere), the formats to read "11/09/2026 03:28 PM" with:
 * without them such a date could be the 9th of November or the 11th of September, and the
 * capture leaves it empty rather than guess.
 */
export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text.replace(/\s+/g, ' ').trim());
}

const NUMERIC_DAY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})(:\d{2})?(\s?)([AaPp][Mm])?$/;

/** Day.js tokens for a number that may be written padded ("03"), unpadded ("3"), or can't tell ("11"). */
function numberTokens(samples: readonly string[], token: string): string[] {
  const padded = samples.some((s) => s.length === 2 && s.startsWith('0'));
  const unpadded = samples.some((s) => s.length === 1);
  if (padded && !unpadded) return [token + token];
  if (unpadded && !padded) return [token];
  return [token + token, token];
}

/** The formats for "<heading> <time of day>", or undefined when the headings don't say the order of day and month. */
export function headingTimeFormats(headings: readonly (string | null)[], timeTexts: readonly string[]): string[] | undefined {
  const dates = headings.map((h) => NUMERIC_DAY.exec((h ?? '').trim())).filter((m): m is RegExpExecArray => m !== null);
  const clocks = timeTexts.map((t) => CLOCK.exec(t.replace(/\s+/g, ' ').trim())).filter((m): m is RegExpExecArray => m !== null);
  if (dates.length === 0 || clocks.length === 0) return undefined;
  const monthFirst = dates.some((m) => Number(m[3]) > 12);
  const dayFirst = dates.some((m) => Number(m[1]) > 12);
  if (monthFirst === dayFirst) return undefined;
  const separator = dates[0]![2]!;
  const years = new Set(dates.map((m) => m[4]!.length));
  if (years.size !== 1) return undefined;
  const year = years.has(4) ? 'YYYY' : 'YY';
  const [firstToken, secondToken] = monthFirst ? ['M', 'D'] : ['D', 'M'];
  const first = numberTokens(dates.map((m) => m[1]!), firstToken);
  const second = numberTokens(dates.map((m) => m[3]!), secondToken);
  const twelveHour = clocks.some((c) => c[5]);
  if (clocks.some((c) => Boolean(c[5]) !== twelveHour || Boolean(c[3]) !== Boolean(clocks[0]![3]))) return undefined;
  const hours = numberTokens(clocks.map((c) => c[1]!), twelveHour ? 'h' : 'H');
  const clockTail = `:mm${clocks[0]![3] ? ':ss' : ''}${twelveHour ? `${clocks[0]![4]}${/[ap]/.test(clocks[0]![5]!) ? 'a' : 'A'}` : ''}`;
  const formats: string[] = [];
  for (const a of first) for (const b of second) for (const h of hours) formats.push(`${a}${separator}${b}${separator}${year} ${h}${clockTail}`);
  return formats.slice(0, 5);
}

/** The heading's selectors (and formats, when they can be known) for a time-of-day cell; undefined for a cell that says more. */
export function dayHeadingFor(rows: Element[], cellText: string, timeTexts: readonly string[]): { heading: string[]; format?: string[] } | undefined {
  if (!isTimeOfDay(cellText)) return undefined;
  const found = findDayHeading(rows);
  if (!found) return undefined;
  const format = headingTimeFormats(found.texts, timeTexts);
  return { heading: found.selectors, ...(format ? { format } : {}) };
}
