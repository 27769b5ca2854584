import { describe, expect, it } from 'vitest';
import { maskEmails, maskIps, redactableColumns, redactRows, redactText } from '../../utils/escalation/redact';
import { sampleRows } from './cases-fixtures';

describe('redaction', () => {
  it('masks e-mail addresses, also percent-encoded in URLs, and is idempotent', () => {
    const text = 'From dana.whitfield@northwind.example via https://acme.example/audit?actor=dana.whitfield%40northwind.example.';
    const masked = maskEmails(text);
    expect(masked).toBe('From d***@northwind.example via https://acme.example/audit?actor=d***%40northwind.example.');
    expect(maskEmails(masked)).toBe(masked);
    expect(maskEmails('no email @ here, user@localhost')).toBe('no email @ here, user@localhost');
  });

  it('masks IPv4 and IPv6 addresses but not times, versions or hashes', () => {
    expect(maskIps('from 203.0.113.42 and 10.0.0.1')).toBe('from 203.0.*.* and 10.0.*.*');
    expect(maskIps('2001:db8:85a3::8a2e:370:7334 and fe80::1 and ::1')).toBe('2001:db8:*:* and fe80:*:* and *:*');
    expect(maskIps('"ip":"2001:db8::1"')).toBe('"ip":"2001:db8:*:*"');
    const untouched = 'at 12:30:45, 2026-03-01T12:30:45.000Z, version 1.2.3.4.5, sha a3f1:beef';
    expect(maskIps(untouched)).toBe(untouched);
    expect(maskIps(maskIps('203.0.113.42 2001:db8::1'))).toBe('203.0.*.* 2001:db8:*:*');
  });

  it('applies only what is switched on', () => {
    const text = 'dana@northwind.example 203.0.113.9';
    expect(redactText(text, { emails: false, ips: false, columns: [] })).toBe(text);
    expect(redactText(text, { emails: true, ips: false, columns: [] })).toBe('d***@northwind.example 203.0.113.9');
    expect(redactText(text, { emails: false, ips: true, columns: [] })).toBe('dana@northwind.example 203.0.*.*');
  });

  it('replaces chosen columns in fields and page columns, case-insensitively, without touching the input', () => {
    const rows = sampleRows(2);
    const out = redactRows(rows, ['IP', 'actor', 'details']);
    expect(out[0]).toMatchObject({ ip: '[redacted]', actor: '[redacted]', action: rows[0]!.action });
    expect(out[0]!.raw.Details).toBe('[redacted]');
    expect(out[0]!.raw.Time).toBe(rows[0]!.raw.Time);
    expect(rows[0]!.ip).toMatch(/^203\./);
    expect(redactableColumns(rows)).toEqual(['actor', 'target', 'ip', 'Time', 'Actor', 'Details']);
  });
});
