import type { CapturedRow } from '../db/records';
import { ROW_TEXT_KEY } from '../schema/row-pattern';

/**
 * Redaction before anything leaves Trailguide (copy, ticket link). Masks keep
 * enough for an engineer to tell values apart without exposing them:
 *   dana.whitfield@northwind.example → d***@northwind.example
 *   203.0.113.42                     → 203.0.*.*
 *   2001:db8:85a3::8a2e:370:7334     → 2001:db8:*:*
 * Masking is idempotent, so it can be applied again to text the user edited.
 */
export interface RedactionOptions {
  emails: boolean;
  ips: boolean;
  /** Row columns replaced by [redacted]: "actor", "ip", … or a page column name. */
  columns: readonly string[];
}

export const NO_REDACTION: RedactionOptions = { emails: false, ips: false, columns: [] };
export const REDACTED = '[redacted]';

// The "@" may be percent-encoded inside URLs (?actor=dana%40northwind.example).
const EMAIL = /([A-Za-z0-9._+-])[A-Za-z0-9._+*-]*(@|%40)([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)/g;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])(${OCTET})\\.(${OCTET})\\.${OCTET}\\.${OCTET}(?![\\w]|\\.\\d)`, 'g');
// Candidates only; each is confirmed by the URL parser before it is masked.
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?![\w:])/g;

export function maskEmails(text: string): string {
  return text.replace(EMAIL, (_match, first: string, at: string, domain: string) => `${first}***${at}${domain}`);
}

function isIpv6(candidate: string): boolean {
  if (!/\d/.test(candidate) || (candidate.match(/:/g)?.length ?? 0) < 2) return false;
  try {
    return new URL(`http://[${candidate}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

export function maskIps(text: string): string {
  return text
    .replace(IPV4, (_match, a: string, b: string) => `${a}.${b}.*.*`)
    .replace(IPV6_CANDIDATE, (match) => {
      if (!isIpv6(match)) return match;
      // Keep at most the first two groups before any "::" (the network part).
      const head = (match.split('::')[0] ?? '').split(':').filter(Boolean).slice(0, 2);
      return head.length > 0 ? `${head.join(':')}:*:*` : '*:*';
    });
}

export function redactText(text: string, options: RedactionOptions): string {
  let out = text;
  if (options.emails) out = maskEmails(out);
  if (options.ips) out = maskIps(out);
  return out;
}

const ROW_FIELDS = ['time', 'actor', 'action', 'target', 'ip', 'result'] as const;

/** Replaces chosen columns (row fields or page columns, case-insensitive) with [redacted]. */
export function redactRows(rows: readonly CapturedRow[], columns: readonly string[]): CapturedRow[] {
  if (columns.length === 0) return [...rows];
  const chosen = new Set(columns.map((c) => c.toLowerCase()));
  return rows.map((row) => {
    const out: CapturedRow = { ...row, raw: { ...row.raw } };
    for (const field of ROW_FIELDS) {
      if (chosen.has(field) && out[field] !== null && out[field] !== '') out[field] = REDACTED;
    }
    for (const key of Object.keys(out.raw)) {
      if (chosen.has(key.toLowerCase())) out.raw[key] = REDACTED;
    }
    // A row read as a sentence keeps the page's sentence, which quotes the redacted cells.
    const sentence = out.raw[ROW_TEXT_KEY];
    if (sentence && !chosen.has(ROW_TEXT_KEY)) out.raw[ROW_TEXT_KEY] = withoutValues(sentence, redactedValues(row, chosen));
    return out;
  });
}

/** The texts of a row's chosen cells (row fields and page columns), longest first. */
function redactedValues(row: CapturedRow, chosen: ReadonlySet<string>): string[] {
  const values = new Set<string>();
  for (const field of ROW_FIELDS) if (chosen.has(field)) values.add(row.raw[field] ?? row[field] ?? '');
  for (const [key, value] of Object.entries(row.raw)) if (chosen.has(key.toLowerCase()) && key !== ROW_TEXT_KEY) values.add(value);
  return [...values].map((v) => v.trim()).filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** Each value replaced where it stands as a whole (not inside a longer word: "Bo" stays in "Bob"). */
function withoutValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), REDACTED);
  }
  return out;
}

/** Columns a user may choose to redact for these rows: the row fields, then page columns. */
export function redactableColumns(rows: readonly CapturedRow[]): string[] {
  const names = new Set<string>(['actor', 'target', 'ip']);
  for (const row of rows.slice(0, 200)) for (const key of Object.keys(row.raw)) names.add(key);
  return [...names];
}
