/**
 * How audit-log consoles print times — the shapes their docs and screenshots show (the
 * instants are ours, the shapes are the consoles') — each with the instant it stands for.
 * `test/unit/times.test.ts` reads every entry with `readRowTime`, also in two other machine
 * time zones; the library comparison in docs/performance.md ("Reading the times consoles
 * print") was measured on it.
 *
 * Fixed context: "now" is CORPUS_NOW and the browser's zone ("page") is CORPUS_PAGE_ZONE
 * (Berlin: +01:00 in winter, +02:00 in summer), unless an entry declares another zone.
 * `expected: null` means Trailguide must refuse rather than guess (`reason` says which refusal).
 */
export interface CorpusEntry {
  /** Where this rendering is seen. */
  source: string;
  /** The cell's visible text. */
  text: string;
  /** Attributes on the cell's element (a machine-readable time, a tooltip). */
  attrs?: { datetime?: string; title?: string };
  /** What the adapter's time column declares (Day.js tokens). */
  format?: string[];
  zone?: string;
  expected: string | null;
  reason?: 'ambiguous' | 'vague' | 'no-time' | 'unreadable';
}

export const CORPUS_NOW = '2026-12-01T10:00:00.000Z';
export const CORPUS_PAGE_ZONE = 'Europe/Berlin';

export const TIME_CORPUS: readonly CorpusEntry[] = [
  // The two renderings from the issue.
  { source: 'MediaWiki history / Special:Log', text: '02:13, 29 November 2026', expected: '2026-11-29T01:13:00.000Z' },
  { source: 'issue 11: a self-hosted console', text: 'November 29th, 2026 7:18:31 PM', expected: '2026-11-29T18:18:31.000Z' },
  // GitHub
  { source: 'GitHub audit log (relative-time, minutes)', text: '3 minutes ago', attrs: { datetime: '2026-12-01T09:57:02Z', title: 'Dec 1, 2026, 10:57 AM GMT+1' }, expected: '2026-12-01T09:57:02.000Z' },
  { source: 'GitHub audit log (relative-time, older)', text: 'on Nov 29, 2026', attrs: { datetime: '2026-11-29T18:18:31Z' }, expected: '2026-11-29T18:18:31.000Z' },
  { source: 'GitHub relative-time tooltip', text: 'Nov 29, 2026, 7:18 PM GMT+1', expected: '2026-11-29T18:18:00.000Z' },
  // Okta
  { source: 'Okta System Log (API published / expanded event)', text: '2026-11-29T18:18:31.482Z', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Okta System Log (list, browser zone)', text: 'Nov 29, 2026 19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  // AWS CloudTrail
  { source: 'AWS CloudTrail event history (console)', text: 'November 29, 2026, 19:18:31 (UTC+01:00)', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'AWS CloudTrail eventTime (JSON view)', text: '2026-11-29T18:18:31Z', expected: '2026-11-29T18:18:31.000Z' },
  // Google Cloud
  { source: 'Google Cloud Logs Explorer (summary line)', text: '2026-11-29 19:18:31.482 CET', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Google Cloud Logs Explorer (timestamp field, µs)', text: '2026-11-29T18:18:31.482517Z', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Google Workspace admin audit', text: 'Nov 29, 2026, 7:18:31 PM GMT+1', expected: '2026-11-29T18:18:31.000Z' },
  // Datadog
  { source: 'Datadog Log Explorer / Audit Trail (no year)', text: 'Nov 29 19:18:31.482', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Datadog event side panel', text: 'Nov 29, 2026 at 19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  // Auth0
  { source: 'Auth0 logs list (moment "fromNow" with tooltip)', text: 'a few seconds ago', attrs: { title: 'Tue Dec 01 2026 10:59:58 GMT+0100 (Central European Standard Time)' }, expected: '2026-12-01T09:59:58.000Z' },
  { source: 'Auth0 log detail (JS Date toString)', text: 'Sun Nov 29 2026 19:18:31 GMT+0100 (Central European Standard Time)', expected: '2026-11-29T18:18:31.000Z' },
  // Django admin (DATETIME_FORMAT "N j, Y, P")
  { source: 'Django admin LogEntry', text: 'Nov. 29, 2026, 7:18 p.m.', expected: '2026-11-29T18:18:00.000Z' },
  { source: 'Django admin (P at 12:00)', text: 'Nov. 29, 2026, noon', expected: '2026-11-29T11:00:00.000Z' },
  { source: 'Django admin (P on the hour, summer)', text: 'Sept. 3, 2026, 11 a.m.', expected: '2026-09-03T09:00:00.000Z' },
  { source: 'Django admin (P at 00:00)', text: 'Nov. 29, 2026, midnight', expected: '2026-11-28T23:00:00.000Z' },
  // Zabbix, Grafana, Kibana
  { source: 'Zabbix audit log', text: '2026-11-29 19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'Zabbix (German locale)', text: '29.11.2026 19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'Grafana Explore logs', text: '2026-11-29 19:18:31.482', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Kibana Discover (dateFormat "MMM D, YYYY @ HH:mm:ss.SSS")', text: 'Nov 29, 2026 @ 19:18:31.482', expected: '2026-11-29T18:18:31.482Z' },
  // Ghost
  { source: 'Ghost 5 History (admin settings, "MMM DD, YYYY | hh:mm:ss A")', text: 'Nov 29, 2026 | 07:18:31 PM', expected: '2026-11-29T18:18:31.000Z' },
  // Redmine
  { source: 'Redmine (US date format setting)', text: '11/29/2026 07:18 PM', expected: '2026-11-29T18:18:00.000Z' },
  { source: 'Redmine (dd/mm/yyyy setting)', text: '29/11/2026 14:00', expected: '2026-11-29T13:00:00.000Z' },
  { source: 'Redmine activity (relative, tooltip)', text: 'about 1 hour ago', attrs: { title: '2026-12-01 09:58' }, expected: '2026-12-01T08:58:00.000Z' },
  // Ghost, Sentry, Atlassian, Jira
  { source: 'Ghost admin staff/activity', text: '29 Nov 2026 19:18', expected: '2026-11-29T18:18:00.000Z' },
  { source: 'Sentry event header', text: 'Nov 29, 2026 7:18:31 PM UTC', expected: '2026-11-29T19:18:31.000Z' },
  { source: 'Atlassian admin audit log', text: 'Nov 29, 2026 at 7:18 PM', expected: '2026-11-29T18:18:00.000Z' },
  { source: 'Jira ("dd/MMM/yy h:mm a")', text: '29/Nov/26 7:18 PM', expected: '2026-11-29T18:18:00.000Z' },
  // Stripe, Microsoft, Salesforce, GitLab, 1Password
  { source: 'Stripe dashboard events', text: 'Nov 29, 2026, 7:18:31 PM', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'Microsoft Entra audit logs (en-US)', text: '11/29/2026, 7:18:31 PM', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'Salesforce Setup Audit Trail', text: '11/29/2026, 7:18:31 PM PST', expected: '2026-11-30T03:18:31.000Z' },
  { source: 'GitLab audit events', text: '2026-11-29 19:18:31 UTC', expected: '2026-11-29T19:18:31.000Z' },
  { source: '1Password activity log', text: '29 November 2026 at 19:18:31 CET', expected: '2026-11-29T18:18:31.000Z' },
  // Machine formats consoles print as text
  { source: 'Apache/nginx access log', text: '29/Nov/2026:19:18:31 +0100', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'HTTP Date header', text: 'Sun, 29 Nov 2026 18:18:31 GMT', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'e-mail Date header (RFC 5322)', text: 'Sun, 29 Nov 2026 19:18:31 +0100', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'PostgreSQL timestamptz', text: '2026-11-29 19:18:31.482+01', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Python isoformat (µs, offset)', text: '2026-11-29T19:18:31.482517+01:00', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'Vault / Docker (ns)', text: '2026-11-29T18:18:31.482517283Z', expected: '2026-11-29T18:18:31.482Z' },
  { source: 'ISO without zone (page zone)', text: '2026-11-29T19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'ISO without zone, adapter says utc', text: '2026-11-29T19:18:31', zone: 'utc', expected: '2026-11-29T19:18:31.000Z' },
  { source: 'syslog (no year)', text: 'Nov 29 19:18:31', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'epoch seconds (CSV exports, Kafka UIs)', text: '1795976311', expected: '2026-11-29T18:18:31.000Z' },
  { source: 'epoch milliseconds', text: '1795976311482', expected: '2026-11-29T18:18:31.482Z' },
  // Zones and daylight saving
  { source: 'summer time in the page zone', text: 'Jul 4, 2026, 9:05 AM', expected: '2026-07-04T07:05:00.000Z' },
  { source: 'adapter says America/New_York', text: 'Nov 29, 2026, 7:18 PM', zone: 'America/New_York', expected: '2026-11-30T00:18:00.000Z' },
  { source: 'adapter says Asia/Kolkata', text: '2026-11-29 19:18:31', zone: 'Asia/Kolkata', expected: '2026-11-29T13:48:31.000Z' },
  { source: 'an offset in the text wins over the declared zone', text: '2026-11-29T19:18:31+01:00', zone: 'America/New_York', expected: '2026-11-29T18:18:31.000Z' },
  // Relative times
  { source: 'Slack-style / Ghost "yesterday at"', text: 'yesterday at 14:02', expected: '2026-11-30T13:02:00.000Z' },
  { source: 'Zendesk-style "Today"', text: 'Today, 09:15', expected: '2026-12-01T08:15:00.000Z' },
  { source: 'relative with datetime attribute', text: 'just now', attrs: { datetime: '2026-12-01T09:59:40.000Z' }, expected: '2026-12-01T09:59:40.000Z' },
  // Declared formats
  { source: 'ambiguous order, adapter declares day first', text: '04/05/2026 10:00', format: ['DD/MM/YYYY HH:mm'], expected: '2026-05-04T08:00:00.000Z' },
  { source: 'ambiguous order, adapter declares month first', text: '04/05/2026 10:00', format: ['MM/DD/YYYY HH:mm'], expected: '2026-04-05T08:00:00.000Z' },
  { source: 'declared format with ordinal and 12-hour clock', text: 'November 29th, 2026 7:18:31 PM', format: ['MMMM Do, YYYY h:mm:ss A'], expected: '2026-11-29T18:18:31.000Z' },
  { source: 'second alternative of a declared format', text: '29.11.2026 19:18', format: ['DD/MM/YYYY HH:mm', 'DD.MM.YYYY HH:mm'], expected: '2026-11-29T18:18:00.000Z' },
  { source: 'declared format and zone', text: '29/11/2026 19:18', format: ['DD/MM/YYYY HH:mm'], zone: 'utc', expected: '2026-11-29T19:18:00.000Z' },
  // Refusals: never guess
  { source: 'both numbers ≤ 12, no format declared', text: '04/05/2026 10:00', expected: null, reason: 'ambiguous' },
  { source: 'dotted, both numbers ≤ 12, no format declared', text: '05.04.2026 19:18', expected: null, reason: 'ambiguous' },
  { source: 'relative time and nothing absolute on the element', text: '2 hours ago', expected: null, reason: 'vague' },
  { source: 'a date without a time of day', text: 'Nov 29, 2026', expected: null, reason: 'no-time' },
  { source: 'not a time', text: 'sometime last week', expected: null, reason: 'unreadable' },
  { source: 'text that fits no declared format is read by the parser (unambiguous)', text: 'Nov 29, 2026, 7:18 PM', format: ['DD/MM/YYYY HH:mm'], expected: '2026-11-29T18:18:00.000Z' },
  { source: 'text that fits no declared format, and is ambiguous', text: '04/05/2026 10:00', format: ['MMM D, YYYY, h:mm A'], expected: null, reason: 'ambiguous' },
];
