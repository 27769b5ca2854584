/**
 * Times in a report: each one in the reviewer's time zone (chosen when the
 * report is made — the file runs no script, so it cannot ask the reader's
 * browser) and in UTC, both written the same unambiguous way.
 */
export function validZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function parse(value: string | number): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-03-01 09:15:00 UTC" */
export function utcTime(value: string | number): string | null {
  const date = parse(value);
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : null;
}

/** "2026-03-01 10:15:00 GMT+1" in the given zone. */
export function zoneTime(value: string | number, zone: string): string | null {
  const date = parse(value);
  if (!date) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

/** "2026-03-01 10:15:00 GMT+1 (2026-03-01 09:15:00 UTC)", or one of them when the zone is UTC. */
export function bothTimes(value: string | number, zone: string): string {
  const utc = utcTime(value);
  if (!utc) return String(value);
  return zone === 'UTC' ? utc : `${zoneTime(value, zone)} (${utc})`;
}
