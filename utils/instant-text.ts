/**
 * A moment written for a person: an ISO instant ("2026-11-24T23:59:59.999Z") as the
 * agent's own clock shows it ("24 Nov 2026, 23:59"), with its zone named. Anything
 * that isn't a full instant (a name, a code, a bare date) comes back as it was.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const CLOCK: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };

export function instantText(value: string, timeZone?: string): string {
  if (!INSTANT.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('en-GB', { ...CLOCK, ...(timeZone ? { timeZone } : {}) });
}
