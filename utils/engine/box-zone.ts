import dayjs from 'dayjs';
import { valueFormat, type AdapterField } from '../schema/adapter';
import { formatValue, parseInstant } from './values';

/**
 * Date and datetime boxes hold a wall-clock time without a zone; the console reads
 * it in some clock. A browser's datetime-local or date box means the computer's own
 * time, unless the adapter says the console reads it as UTC (`zone: utc`). What we
 * write into the box and what we ask a person to type must be in that same clock.
 */
type Dom = NonNullable<AdapterField['dom']>;
export type BoxZone = 'local' | 'utc';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isDateBox(dom: Pick<Dom, 'kind' | 'format'>): boolean {
  return dom.kind === 'date' || dom.kind === 'datetime' || dom.format === 'datetimeLocal' || dom.format === 'date' || isDisplayPattern(dom.format);
}

/** A date picker's display pattern ("MM/DD/YYYY hh:mm A") rather than one of the value formats. */
export function isDisplayPattern(format: Dom['format']): boolean {
  return !valueFormat.safeParse(format).success;
}

export function boxZone(dom: Pick<Dom, 'kind' | 'format' | 'zone'>): BoxZone {
  return dom.zone ?? (isDateBox(dom) ? 'local' : 'utc');
}

/** The browser's IANA zone ("Europe/Berlin"), or null where the browser doesn't say. */
export function localZoneName(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock parts of an instant in a clock. */
function wallClock(ms: number, zone: BoxZone) {
  const d = new Date(ms);
  return zone === 'utc'
    ? { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() }
    : { y: d.getFullYear(), mo: d.getMonth(), d: d.getDate(), h: d.getHours(), mi: d.getMinutes() };
}

/** A resolved value written the way a box wants it, in the box's clock. */
export function formatForBox(value: string, dom: Pick<Dom, 'kind' | 'format' | 'zone'>): string {
  const zone = boxZone(dom);
  const format = valueFormat.safeParse(dom.format);
  if (!format.success) {
    // A picker's display pattern: the wall time in the box's clock, written the picker's way.
    const iso = parseInstant(value);
    if (iso === null) return value;
    const w = wallClock(Date.parse(iso), zone);
    return dayjs(new Date(w.y, w.mo, w.d, w.h, w.mi)).format(dom.format);
  }
  if (zone === 'utc' || (dom.format !== 'datetimeLocal' && dom.format !== 'date')) return formatValue(value, format.data);
  const iso = parseInstant(value);
  if (iso === null) return value;
  const w = wallClock(Date.parse(iso), 'local');
  const day = `${w.y}-${pad(w.mo + 1)}-${pad(w.d)}`;
  return dom.format === 'date' ? day : `${day}T${pad(w.h)}:${pad(w.mi)}`;
}

/** What the box holds (its wall-clock text), back to an ISO instant; null when it isn't a date. */
export function instantFromBox(text: string, dom: Pick<Dom, 'kind' | 'format' | 'zone'>): string | null {
  const value = text.trim();
  if (!value) return null;
  const zone = boxZone(dom);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (m && (dom.format === 'datetimeLocal' || dom.format === 'date')) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    const ms = zone === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  if (/^\d{9,13}$/.test(value) && (dom.format === 'epochMs' || dom.format === 'epochS')) {
    return new Date(dom.format === 'epochS' ? Number(value) * 1000 : Number(value)).toISOString();
  }
  return parseInstant(value);
}

/**
 * A date for a person to type, naming the clock: "29 Nov 2026, 14:00 (your computer's
 * time, Europe/Berlin)" or "29 Nov 2026, 14:00 UTC". Not a date: the value as is.
 */
export function dateForPerson(value: string, zone: BoxZone, dayOnly = false): string {
  const iso = parseInstant(value);
  if (iso === null) return value;
  const w = wallClock(Date.parse(iso), zone);
  const day = `${w.d} ${MONTHS[w.mo]} ${w.y}`;
  const text = dayOnly ? day : `${day}, ${pad(w.h)}:${pad(w.mi)}`;
  if (zone === 'utc') return `${text} UTC`;
  const name = localZoneName();
  return `${text} (your computer's ${dayOnly ? 'date' : 'time'}${name ? `, ${name}` : ''})`;
}
