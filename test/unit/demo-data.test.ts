import { describe, expect, it, vi } from 'vitest';
import {
  ACTION_LABELS,
  DAY_MS,
  STORIES,
  buildDataset,
  defaultNow,
  filterEvents,
  generateEvents,
  generateUsers,
  mulberry32,
  parseTimeBound,
  resolveStories,
  startOfUtcDay,
  type DemoEvent,
} from '../../demo/data.mjs';

vi.setConfig({ testTimeout: 30_000 });

const NOW = '2025-06-10T00:00:00.000Z';
const nowMs = Date.parse(NOW);
const events = generateEvents({ now: NOW });
const stories = resolveStories(NOW);

function at(list: DemoEvent[], index: number): DemoEvent {
  const event = list[index];
  if (!event) throw new Error(`no event at ${index}`);
  return event;
}

describe('demo data: determinism', () => {
  it('gives byte-identical data for the same now', () => {
    const again = generateEvents({ now: new Date(NOW) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(events));
    expect(JSON.stringify(buildDataset({ now: NOW }))).toBe(JSON.stringify(buildDataset({ now: nowMs })));
  });

  it('moves with now', () => {
    const later = generateEvents({ now: '2025-06-11T00:00:00Z' });
    expect(at(later, 0).time).not.toBe(at(events, 0).time);
  });

  it('uses a seeded PRNG', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seq = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seq);
    for (const x of seq) expect(x >= 0 && x < 1).toBe(true);
  });

  it('defaults now to DEMO_NOW or the start of the current UTC day', () => {
    expect(defaultNow({ DEMO_NOW: '2025-01-02T03:04:05Z' }).toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(defaultNow({}).getTime()).toBe(startOfUtcDay(Date.now()));
    expect(() => defaultNow({ DEMO_NOW: 'yesterday' })).toThrow(RangeError);
  });
});

describe('demo data: shape and volume', () => {
  it('has at least 5,000 events from 40+ actors and 25+ event types', () => {
    expect(events.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(events.map((e) => e.actor)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(events.map((e) => e.action)).size).toBeGreaterThanOrEqual(25);
  });

  it('spreads events over the 180 days before now, newest first', () => {
    const times = events.map((e) => Date.parse(e.time));
    for (const t of times) {
      expect(t).toBeLessThan(nowMs);
      expect(t).toBeGreaterThanOrEqual(nowMs - 180 * DAY_MS);
    }
    expect(times[0]! - times[times.length - 1]!).toBeGreaterThan(170 * DAY_MS);
    for (let i = 1; i < times.length; i++) expect(times[i - 1]!).toBeGreaterThanOrEqual(times[i]!);
    // "last 30 days" always has data
    expect(times.filter((t) => t > nowMs - 30 * DAY_MS).length).toBeGreaterThan(500);
  });

  it('gives every event the documented fields', () => {
    const ids = new Set<string>();
    for (const e of events) {
      expect(e.id).toMatch(/^evt_[a-z0-9]+$/);
      ids.add(e.id);
      expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(e.actor).toMatch(/^[a-z.]+@[a-z]+\.example$/);
      expect(e.actorId).toMatch(/^usr_/);
      expect(ACTION_LABELS[e.action]).toBeTruthy();
      expect(typeof e.target).toBe('string');
      expect(e.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|^2001:db8:/);
      expect(['success', 'failure']).toContain(e.result);
      expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.userAgent.length).toBeGreaterThan(5);
      expect(typeof e.details).toBe('object');
    }
    expect(ids.size).toBe(events.length);
  });

  it('labels the required event types', () => {
    const required = [
      'user.login', 'user.login_failed', 'user.password_reset', 'user.mfa_enrolled', 'user.mfa_removed',
      'account.settings_changed', 'user.email_changed', 'role.granted', 'role.revoked', 'api_key.created',
      'api_key.revoked', 'data.export', 'user.invited', 'user.deactivated', 'user.reactivated', 'session.revoked',
      'sso.config_changed', 'ip_allowlist.updated', 'webhook.created', 'webhook.deleted', 'billing.plan_changed',
      'integration.connected', 'audit_log.exported', 'user.profile_updated', 'team.member_added',
      'team.member_removed', 'domain.verified',
    ];
    for (const code of required) expect(ACTION_LABELS[code], code).toBeTruthy();
    expect(ACTION_LABELS['user.login']).toBe('Sign-in');
    expect(ACTION_LABELS['user.login_failed']).toBe('Failed sign-in');
  });

  it('has a realistic distribution: sign-ins dominate, admin actions are rare', () => {
    const count = (code: string) => events.filter((e) => e.action === code).length;
    expect(count('user.login') / events.length).toBeGreaterThan(0.4);
    for (const rare of ['sso.config_changed', 'domain.verified', 'billing.plan_changed', 'ip_allowlist.updated']) {
      expect(count(rare) / events.length, rare).toBeLessThan(0.01);
    }
    expect(events.filter((e) => e.action === 'user.login_failed').every((e) => e.result === 'failure')).toBe(true);
  });

  it('has 40+ users: Acme staff in every role and customers at several domains', () => {
    const users = generateUsers();
    expect(users.length).toBeGreaterThanOrEqual(40);
    const staffRoles = new Set(users.filter((u) => u.email.endsWith('@acme.example')).map((u) => u.role));
    for (const role of ['Owner', 'Admin', 'Support', 'Billing', 'Member']) expect(staffRoles.has(role as never), role).toBe(true);
    const domains = new Set(users.map((u) => u.email.split('@')[1]));
    expect(domains.has('northwind.example')).toBe(true);
    expect(domains.has('globex.example')).toBe(true);
    expect(domains.size).toBeGreaterThanOrEqual(4);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
  });
});

describe('demo data: planted stories', () => {
  it('(a) dana.whitfield@northwind.example had her settings changed by li.chen@acme.example 3 days before now', () => {
    const a = STORIES.settingsChangedByAdmin;
    expect(a.customer).toBe('dana.whitfield@northwind.example');
    expect(a.admin).toBe('li.chen@acme.example');
    const changes = events.filter((e) => e.action === 'account.settings_changed' && e.target === a.customer);
    expect(changes).toHaveLength(1);
    const change = at(changes, 0);
    expect(change.actor).toBe(a.admin);
    expect(change.time).toBe(stories.settingsChangedByAdmin.time);
    expect(change.time.slice(0, 10)).toBe('2025-06-07');
    const signIns = events.filter((e) => e.actor === a.customer && e.action === 'user.login').map((e) => e.time);
    for (const t of stories.settingsChangedByAdmin.customerSignInTimes) expect(signIns).toContain(t);
    // Dana herself never changed settings: searching by actor alone misses the change.
    expect(filterEvents(events, { actor: a.customer, action: a.action })).toHaveLength(0);
    expect(filterEvents(events, { q: a.customer, action: a.action })).toHaveLength(1);
  });

  it('(b) 12 failed sign-ins on omar.haddad@globex.example within 10 minutes from one unusual IP, then a success', () => {
    const b = stories.failedSignInBurst;
    const burst = events.filter((e) => e.actor === b.actor && e.action === 'user.login_failed');
    expect(burst).toHaveLength(12);
    const times = burst.map((e) => Date.parse(e.time));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(new Set(burst.map((e) => e.ip))).toEqual(new Set([b.ip]));
    expect(new Set(burst.map((e) => e.country))).toEqual(new Set([b.country]));
    const usual = events.filter((e) => e.actor === b.actor && e.action === 'user.login' && e.ip !== b.ip);
    expect(usual.length).toBeGreaterThan(5);
    expect(usual.some((e) => e.country === b.country)).toBe(false);
    const success = events.find((e) => e.actor === b.actor && e.action === 'user.login' && e.ip === b.ip);
    expect(success?.time).toBe(b.successTime);
    expect(Date.parse(b.successTime)).toBeGreaterThan(Math.max(...times));
    expect(Date.parse(b.successTime) - Math.min(...times)).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(b.from.slice(0, 10)).toBe('2025-06-05');
  });

  it('(c) MFA removed, then an API key created and a data export on the same account within an hour, 8 days before now', () => {
    const c = stories.mfaRemovedThenExport;
    const found = c.actions.map((action, i) => events.find((e) => e.actor === c.actor && e.action === action && e.time === c.times[i]));
    for (const e of found) expect(e).toBeDefined();
    const times = found.map((e) => Date.parse(e!.time));
    expect(times[0]!).toBeLessThan(times[1]!);
    expect(times[1]!).toBeLessThan(times[2]!);
    expect(times[2]! - times[0]!).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(c.times[0]!.slice(0, 10)).toBe('2025-06-02');
    expect(events.filter((e) => e.actor === c.actor && e.action === 'user.mfa_removed')).toHaveLength(1);
  });

  it('(d) admin role granted to a member 2 days before now', () => {
    const d = stories.adminRoleGranted;
    const grant = events.find((e) => e.action === 'role.granted' && e.target === d.target);
    expect(grant?.actor).toBe('sam.okafor@acme.example');
    expect(grant?.time).toBe(d.time);
    expect(grant?.details).toMatchObject({ role: 'Admin', previousRole: 'Member' });
    expect(d.time.slice(0, 10)).toBe('2025-06-08');
    expect(events.filter((e) => e.target === d.target && e.action.startsWith('role.'))).toHaveLength(1);
  });
});

describe('filterEvents', () => {
  it('returns everything newest first without filters, and does not mutate its input', () => {
    const copy = [...events].reverse();
    const out = filterEvents(copy, {});
    expect(out).toHaveLength(events.length);
    expect(at(out, 0).id).toBe(at(events, 0).id);
    expect(at(copy, 0).id).toBe(at(events, events.length - 1).id);
  });

  it('q is case-insensitive free text over actor, action, label, target and IP', () => {
    expect(filterEvents(events, { q: 'OMAR.HADDAD' }).every((e) => `${e.actor}${e.target}`.includes('omar.haddad'))).toBe(true);
    const byLabel = filterEvents(events, { q: 'failed sign-in' });
    expect(byLabel.length).toBeGreaterThan(0);
    expect(byLabel.every((e) => e.action === 'user.login_failed')).toBe(true);
    expect(filterEvents(events, { q: 'mfa_removed' }).every((e) => e.action === 'user.mfa_removed')).toBe(true);
    expect(filterEvents(events, { q: '203.0.113.250' }).length).toBeGreaterThanOrEqual(13);
    expect(filterEvents(events, { q: 'northwind' }).some((e) => e.actor === 'li.chen@acme.example')).toBe(true);
    expect(filterEvents(events, { q: 'no-such-thing-anywhere' })).toHaveLength(0);
  });

  it('actor matches the exact email or a substring of it', () => {
    const exact = filterEvents(events, { actor: 'omar.haddad@globex.example' });
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.every((e) => e.actor === 'omar.haddad@globex.example')).toBe(true);
    expect(filterEvents(events, { actor: 'Omar' })).toEqual(exact);
    const globex = filterEvents(events, { actor: '@globex.example' });
    expect(new Set(globex.map((e) => e.actor)).size).toBeGreaterThan(3);
  });

  it('action is an exact code', () => {
    const logins = filterEvents(events, { action: 'user.login' });
    expect(logins.every((e) => e.action === 'user.login')).toBe(true);
    expect(filterEvents(events, { action: 'user.log' })).toHaveLength(0);
  });

  it('from/to are inclusive and accept ISO, datetime-local and dates', () => {
    const t = stories.settingsChangedByAdmin.time; // 2025-06-07T13:37:00.000Z
    const exact = filterEvents(events, { from: t, to: t, action: 'account.settings_changed' });
    expect(exact.map((e) => e.time)).toEqual([t]);
    // datetime-local without seconds: the whole minute is included
    expect(filterEvents(events, { from: '2025-06-07T13:37', to: '2025-06-07T13:37', action: 'account.settings_changed' })).toHaveLength(1);
    // date only: the whole day
    const day = filterEvents(events, { from: '2025-06-07', to: '2025-06-07' });
    expect(day.length).toBeGreaterThan(0);
    expect(day.every((e) => e.time.startsWith('2025-06-07'))).toBe(true);
    expect(day.length).toBe(events.filter((e) => e.time.startsWith('2025-06-07')).length);
    // only one bound
    expect(filterEvents(events, { from: '2025-06-09T00:00' }).every((e) => e.time >= '2025-06-09')).toBe(true);
    expect(filterEvents(events, { to: '2024-12-31' }).every((e) => e.time < '2025-01-01')).toBe(true);
  });

  it('combines filters (the failed sign-in burst)', () => {
    const b = stories.failedSignInBurst;
    const hits = filterEvents(events, { actor: 'omar.haddad', action: 'user.login_failed', from: '2025-06-05T00:00', to: '2025-06-05T23:59' });
    expect(hits).toHaveLength(12);
    expect(at(hits, 0).time).toBe(b.failureTimes[b.failureTimes.length - 1]);
  });

  it('rejects dates it cannot read', () => {
    expect(() => filterEvents(events, { from: 'last tuesday' })).toThrow(RangeError);
    expect(parseTimeBound('')).toBeNull();
    expect(parseTimeBound('2025-06-07', { end: true })).toBe(Date.parse('2025-06-07T23:59:59.999Z'));
  });
});
