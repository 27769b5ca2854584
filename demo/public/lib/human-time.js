// `?times=human` makes the audit log print its times only as text people read, the way
// many consoles do (no machine-readable datetime attribute), in two styles that alternate
// row by row. Both in UTC, like the rest of this console. Used by Trailguide's
// human-times test; off by default.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');

export function humanTimesWanted(search = location.search) {
  return new URLSearchParams(search).get('times') === 'human';
}

function ordinal(day) {
  if (day >= 11 && day <= 13) return `${day}th`;
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`;
}

/** Row 0, 2, 4…: "02:13, 29 November 2026"; row 1, 3, 5…: "November 29th, 2026 7:18:31 PM". */
export function humanTime(iso, rowIndex) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const month = MONTHS[d.getUTCMonth()];
  if (rowIndex % 2 === 0) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}, ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  const hour12 = d.getUTCHours() % 12 || 12;
  const meridiem = d.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${month} ${ordinal(d.getUTCDate())}, ${d.getUTCFullYear()} ${hour12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${meridiem}`;
}
