/** What a widget's own state is, as JSON: read by the e2e, never from the widget's DOM. */
export function stateText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** A Day.js or Date value as local wall time "YYYY-MM-DDTHH:mm" (the lab's pickers are in the browser's zone). */
export function wallTime(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const PEOPLE = [
  { value: 'dana', label: 'Dana Whitfield' },
  { value: 'li', label: 'Li Chen' },
  { value: 'omar', label: 'Omar Haddad' },
  { value: 'priya', label: 'Priya Natarajan' },
];

export const EVENT_TYPES = [
  { value: 'user.login', label: 'Sign-in' },
  { value: 'user.logout', label: 'Sign-out' },
  { value: 'account.settings_changed', label: 'Settings changed' },
  { value: 'apikey.created', label: 'API key created' },
];

export const TEAMS = [
  { value: 'billing', label: 'Billing' },
  { value: 'platform', label: 'Platform' },
  { value: 'support', label: 'Customer support' },
];
