import type { ParsedComponents } from 'chrono-node';
import { casual as chronoUS, GB as chronoDayFirst } from 'chrono-node/en';
import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(advancedFormat);

/**
 * Reads the time a result row shows — "02:13, 29 November 2026", "Nov. 29, 2026, 7:18 p.m.",
 * "3 minutes ago" on an element whose `datetime` says exactly when — into ISO 8601 UTC.
 *
 * The rule is the project's: say only what is true. A text that could mean two instants
 * ("04/05/2026": 4 May or April 5), a vague relative time ("2 hours ago") with nothing
 * exact on the element, a date with no time of day, or a time of day with no day ("03:28 PM",
 * "Monday 14:02": a console that puts the day in a heading above the rows — the column's
 * `heading` puts it in front) is refused with a reason, never guessed; the capture keeps the
 * page's own text and reports how many rows it couldn't read.
 *
 * Order: the adapter's declared formats (Day.js tokens, strict), then ISO 8601 and epoch
 * numbers (own code: exact and fast), then chrono-node for renderings people read.
 * Chrono is asked for the wall-clock parts only; turning them into an instant in the
 * column's zone is done here with Intl, so summer time is that of the date, not of today.
 * Why these libraries: docs/performance.md, "Reading the times consoles print".
 */
export type TimeRefusal = 'ambiguous' | 'vague' | 'no-time' | 'no-day' | 'unreadable';
export type TimeReading = { iso: string; from: 'datetime' | 'text' | 'title' } | { iso: null; reason: TimeRefusal };

export interface TimeContext {
  /** The adapter's formats, tried in order before anything else. */
  formats?: readonly string[];
  /** `utc`, `page` (default) or an IANA zone name. */
  zone?: string;
  /** What "now" is for "yesterday at 14:02" and years a console leaves out. */
  now: Date;
  /** The browser's zone; injectable for tests (default: Intl's resolved zone). */
  pageZone?: string;
}

export interface TimeCell {
  text: string;
  /** A machine-readable time on the element (`<time datetime>`, `<relative-time datetime>`). */
  datetime?: string | null;
  /** Its tooltip, which often holds the absolute time behind "3 minutes ago". */
  title?: string | null;
}

/** The exact attribute first, then the visible text, then the tooltip. */
export function readRowTime(cell: TimeCell, context: TimeContext): TimeReading {
  if (cell.datetime?.trim()) {
    const fromAttribute = readTimeText(cell.datetime, { ...context, formats: [] });
    if (fromAttribute.iso !== null) return { iso: fromAttribute.iso, from: 'datetime' };
  }
  const fromText = readTimeText(cell.text, context);
  if (fromText.iso !== null) return { iso: fromText.iso, from: 'text' };
  if (cell.title?.trim()) {
    const fromTitle = readTimeText(cell.title, context);
    if (fromTitle.iso !== null) return { iso: fromTitle.iso, from: 'title' };
  }
  return fromText;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^(\d{10}|\d{13})$/;
/** "3 minutes ago", "just now", "in 2 hours": not an instant without something exact beside it. */
const VAGUE = /\b(ago|just now|from now|moments?)\b|^in \d/i;
/** Numeric day and month in either order: 04/05/2026, 4.5.26, 04-05-2026. */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?!\d)/;
/** What may be left around the date chrono found: separators, and a zone's long name in brackets. */
const HARMLESS_REST = /^[\s,;|·–—-]*(\([^()]{1,60}\))?[\s,;|·–—-]*$/;

export function readTimeText(input: string, context: TimeContext): { iso: string } | { iso: null; reason: TimeRefusal } {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return { iso: null, reason: 'unreadable' };
  const zone = resolveZone(context);

  for (const format of context.formats ?? []) {
    const parsed = dayjs.utc(text, format, true);
    if (parsed.isValid()) {
      // A format with no day in it ("hh:mm A") would date the time today without a word.
      if (!formatHasDay(format)) return { iso: null, reason: 'no-day' };
      return { iso: new Date(wallClockToInstant(wallOf(parsed.toDate()), zone)).toISOString() };
    }
  }

  const epoch = EPOCH.exec(text);
  if (epoch) return { iso: new Date(text.length === 10 ? Number(text) * 1000 : Number(text)).toISOString() };

  const iso = ISO.exec(text);
  if (iso) return readIso(iso, zone);

  if (VAGUE.test(text)) return { iso: null, reason: 'vague' };

  // Day and month both ≤ 12 and different: the order can't be known from the text.
  let parser = chronoUS;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    if (first <= 12 && second <= 12 && first !== second) return { iso: null, reason: 'ambiguous' };
    if (first > 12) parser = chronoDayFirst;
  }

  // Kibana's default "MMM D, YYYY @ HH:mm:ss.SSS" writes an "@" between date and time, Ghost's History a "|".
  const cleaned = text.replace(/ [@|] /g, ' ');
  const now = context.now;
  const [found] = parser.parse(cleaned, { instant: now, timezone: offsetMinutes(now.getTime(), zone) });
  if (!found) return { iso: null, reason: 'unreadable' };
  const rest = cleaned.slice(0, found.index) + cleaned.slice(found.index + found.text.length);
  if (!HARMLESS_REST.test(rest)) return { iso: null, reason: 'unreadable' };
  const start = found.start;
  if (!start.isCertain('hour')) return { iso: null, reason: 'no-time' };
  // A time of day alone ("03:28 PM", "Monday 14:02"): chrono would put it on a day it chose.
  // "Today, 09:15" and "yesterday at 14:02" name their day and are read.
  if (!start.isCertain('day')) return { iso: null, reason: 'no-day' };
  const wall = componentsOf(start);
  const instantOf = (clock: WallClock) =>
    start.isCertain('timezoneOffset') ? Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond) - start.get('timezoneOffset')! * 60_000 : wallClockToInstant(clock, zone);
  let instant = instantOf(wall);
  // A log holds the past: a date without a year ("Nov 29 19:18:31") that would lie ahead is last year's.
  if (!start.isCertain('year') && instant > now.getTime() + DAY_MS) instant = instantOf({ ...wall, year: wall.year - 1 });
  return { iso: new Date(instant).toISOString() };
}

const DAY_MS = 86_400_000;

/** Day.js tokens that fix the day: D/DD/Do (with M/MMM…), DDD (day of year), X/x (epoch). Text in [brackets] is literal. */
function formatHasDay(format: string): boolean {
  return /[DXx]/.test(format.replace(/\[[^\]]*\]/g, ''));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function componentsOf(start: ParsedComponents): WallClock {
  return {
    year: start.get('year') ?? 1970,
    month: start.get('month') ?? 1,
    day: start.get('day') ?? 1,
    hour: start.get('hour') ?? 0,
    minute: start.get('minute') ?? 0,
    second: start.get('second') ?? 0,
    millisecond: start.get('millisecond') ?? 0,
  };
}

/** Day.js in UTC mode keeps the parsed wall clock in the UTC fields. */
function wallOf(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

function readIso(match: RegExpExecArray, zone: string): { iso: string } | { iso: null; reason: TimeRefusal } {
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    // Micro- and nanoseconds (Python, Go, Vault) are cut to the milliseconds a Date holds.
    millisecond: fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 60) {
    return { iso: null, reason: 'unreadable' };
  }
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  if (!offset) return { iso: new Date(wallClockToInstant(wall, zone)).toISOString() };
  if (offset.toUpperCase() === 'Z') return { iso: new Date(asUtc).toISOString() };
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return { iso: new Date(asUtc - sign * minutes * 60_000).toISOString() };
}

/** `page` → the browser's zone; `utc` → UTC; anything else is an IANA name (validated by the adapter schema). */
export function resolveZone(context: Pick<TimeContext, 'zone' | 'pageZone'>): string {
  const zone = context.zone ?? 'page';
  if (zone === 'utc') return 'UTC';
  if (zone === 'page') return context.pageZone ?? browserZone();
  return zone;
}

export function browserZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(instant: number, zone: string): number {
  if (zone === 'UTC') return 0;
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

function offsetMinutes(instant: number, zone: string): number {
  return Math.round(zoneOffsetMs(instant, zone) / 60_000);
}

/**
 * The instant a wall clock shows in a zone. The offset is looked up twice because the
 * first guess can sit on the other side of a summer-time change.
 */
export function wallClockToInstant(wall: WallClock, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const first = asUtc - zoneOffsetMs(asUtc, zone);
  const second = asUtc - zoneOffsetMs(first, zone);
  return second;
}
