// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createExecutor } from '../../utils/engine/executor-core';
import { execRequest } from '../../utils/engine/messages';
import { filtersFromUrl, readBack } from '../../utils/engine/readback';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { Adapter } from '../../utils/schema/adapter';

const adapters = loadBuiltinPack().adapters;
const byId = (id: string): Adapter => adapters.find((a) => a.id === id)!;

/** field → the values read back (dates as ISO), for compact assertions. */
function read(adapterId: string, href: string): Record<string, string[]> {
  const found = filtersFromUrl(byId(adapterId), href);
  expect(found).not.toBeNull();
  return Object.fromEntries([...found!].map(([k, v]) => [k, v.map((x) => x.shown)]));
}

describe('filtersFromUrl (the inverse of the deep link)', () => {
  it('reads the demo console’s own parameters and ignores the ones it doesn’t know', () => {
    expect(read('acme-demo', 'http://127.0.0.1:4173/audit?actor=li.chen%40acme.example&action=user.login&from=2026-09-01T00:00&to=2026-11-27T23:59&pageSize=20&latency=5&page=2')).toEqual({
      actor: ['li.chen@acme.example'],
      action: ['user.login'],
      since: ['2026-09-01T00:00:00.000Z'],
      until: ['2026-11-27T23:59:00.000Z'],
    });
  });

  it('keeps every value of a repeated parameter', () => {
    expect(read('acme-demo', 'http://127.0.0.1:4173/audit?actor=a%40x.example&actor=b%40x.example').actor).toEqual(['a@x.example', 'b@x.example']);
  });

  it('splits GitHub’s one search parameter back into its filters, range included', () => {
    expect(read('github-audit-log', 'https://github.com/organizations/acme/settings/audit-log?q=actor%3Aoctocat+action%3Arepo.create+repo%3A%22acme%2Fweb%22+created%3A2026-09-01..2026-11-27')).toEqual({
      actor: ['octocat'],
      action: ['repo.create'],
      repo: ['acme/web'],
      since: ['2026-09-01T00:00:00.000Z'],
      // A day as the upper bound covers that whole day.
      until: ['2026-11-27T23:59:59.999Z'],
    });
    // An open end ("*") is no limit.
    expect(read('github-audit-log', 'https://github.com/organizations/acme/settings/audit-log?q=created%3A2026-09-01..*')).toEqual({ since: ['2026-09-01T00:00:00.000Z'] });
  });

  it('reads Okta’s expression and time parameters', () => {
    expect(read('okta-system-log', 'https://acme.okta.com/report/system_log_2?search=actor.alternateId+eq+%22dana%40acme.example%22+and+eventType+eq+%22user.session.start%22&fromTime=2026-09-01T00:00:00Z')).toEqual({
      actor: ['dana@acme.example'],
      action: ['user.session.start'],
      since: ['2026-09-01T00:00:00.000Z'],
    });
  });

  it('reads a hash route (CloudTrail) and matrix parameters (Logs Explorer)', () => {
    expect(read('aws-cloudtrail', 'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events?Username=alice&StartTime=2026-09-01T00:00:00.000Z')).toEqual({
      actor: ['alice'],
      since: ['2026-09-01T00:00:00.000Z'],
    });
    const query = encodeURIComponent('protoPayload.authenticationInfo.principalEmail="a@b.example"\ntimestamp>="2026-09-01T00:00:00.000Z"');
    expect(read('gcp-logs-explorer', `https://console.cloud.google.com/logs/query;query=${query}?project=acme`)).toEqual({
      actor: ['a@b.example'],
      since: ['2026-09-01T00:00:00.000Z'],
    });
  });

  it('gives free text what the fields with their own syntax left (Datadog, Auth0)', () => {
    expect(read('datadog-audit-trail', `https://app.datadoghq.com/audit-trail?query=${encodeURIComponent('@usr.email:a@b.example "two words"')}&from_ts=1788220800000`)).toEqual({
      actor: ['a@b.example'],
      text: ['two words'],
      since: [new Date(1788220800000).toISOString()],
    });
    expect(read('auth0-logs', `https://manage.auth0.com/dashboard/eu/acme/logs?q=${encodeURIComponent('user_name:"dana" AND date:[2026-09-01 TO *]')}`)).toEqual({
      actor: ['dana'],
      since: ['2026-09-01T00:00:00.000Z'],
    });
  });
});

describe('readBack on the page', () => {
  const demo = byId('acme-demo');
  beforeEach(() => {
    document.body.innerHTML = `<form role="search"><input name="q"><input name="actor"><input name="from" type="datetime-local"><input name="to" type="datetime-local"></form>`;
  });
  const set = (name: string, value: string) => ((document.querySelector(`input[name="${name}"]`) as HTMLInputElement).value = value);

  it('marks what the address carries as applied, what it lacks as not applied, and lists filters nobody asked for', () => {
    history.replaceState(null, '', '/audit?actor=li.chen%40acme.example&from=2026-09-01T00:00&action=user.login');
    const applied = readBack(document, demo, { actor: 'li.chen@acme.example', since: '2026-09-01T00:00:00.000Z', until: '2026-11-27T23:59:59.999Z' }, { now: 5 });
    expect(applied.readFrom).toBe('url+controls');
    expect(applied.checkedAt).toBe(5);
    const byName = Object.fromEntries(applied.filters.map((f) => [f.name, f]));
    expect(byName.actor).toMatchObject({ status: 'applied', shown: 'li.chen@acme.example' });
    expect(byName.since).toMatchObject({ status: 'applied', shown: '2026-09-01T00:00:00.000Z' });
    // The "To" box is empty and the address has no "to": not applied, with a reason.
    expect(byName.until).toMatchObject({ status: 'not-applied', shown: null });
    expect(byName.until!.reason).toMatch(/To/);
    // Left from an earlier search.
    expect(byName.action).toMatchObject({ status: 'applied', intended: '', shown: 'user.login' });
    expect(applied.timeRange).toEqual({ from: '2026-09-01T00:00:00.000Z', to: null });
  });

  it('does not call the same search text a second filter when two fields share the parameter', () => {
    history.replaceState(null, '', '/audit?q=dana%40acme.example');
    const applied = readBack(document, demo, { target: 'dana@acme.example' });
    expect(applied.filters).toEqual([expect.objectContaining({ name: 'target', status: 'applied', shown: 'dana@acme.example' })]);
  });

  it('says not applied when the console filters on a different value', () => {
    history.replaceState(null, '', '/audit?actor=someone.else%40acme.example');
    const applied = readBack(document, demo, { actor: 'li.chen@acme.example' });
    expect(applied.filters).toEqual([expect.objectContaining({ name: 'actor', status: 'not-applied', shown: 'someone.else@acme.example' })]);
  });

  it('reads the boxes when the address carries no filters, and cannot check a filter the adapter has no way to read', () => {
    history.replaceState(null, '', '/audit');
    set('actor', 'li.chen@acme.example');
    set('from', '2026-09-01T00:00');
    const applied = readBack(document, demo, { actor: 'li.chen@acme.example', since: '2026-09-01T00:00:00.000Z', ip: '203.0.113.9' });
    expect(applied.readFrom).toBe('controls');
    const byName = Object.fromEntries(applied.filters.map((f) => [f.name, f]));
    expect(byName.actor!.status).toBe('applied');
    expect(byName.since).toMatchObject({ status: 'applied', shown: '2026-09-01T00:00:00.000Z' });
    expect(byName.ip!.status).toBe('unchecked');
    expect(byName.ip!.reason).toMatch(/no IP address filter/);
  });
});

describe('exec:readback through the executor', () => {
  it('answers a valid request with the read-back and the schema refuses a malformed one', async () => {
    document.body.innerHTML = '<input name="actor">';
    history.replaceState(null, '', '/audit?actor=a%40b.example');
    const run = createExecutor({ doc: document, sendProgress: () => undefined });
    const reply = await run(execRequest.parse({ type: 'exec:readback', adapter: byId('acme-demo'), intended: { actor: 'a@b.example' } }));
    expect(reply).toMatchObject({ type: 'exec:readback', applied: { readFrom: 'url', filters: [{ name: 'actor', status: 'applied' }] } });
    expect(execRequest.safeParse({ type: 'exec:readback', adapter: byId('acme-demo'), intended: { __proto__: 'x', actor: 1 } }).success).toBe(false);
    expect(execRequest.safeParse({ type: 'exec:readback', adapter: byId('acme-demo'), intended: {}, extra: true }).success).toBe(false);
  });
});

describe('readBack of day boxes', () => {
  it('reads a day in the "To" box as the end of that day, in the box’s clock', () => {
    const atlassian = byId('atlassian-admin-audit');
    const utcBoxes = {
      ...atlassian,
      fields: Object.fromEntries(Object.entries(atlassian.fields).map(([k, f]) => [k, f.dom && (k === 'since' || k === 'until') ? { ...f, dom: { ...f.dom, zone: 'utc' as const } } : f])),
    };
    document.body.innerHTML = '<input data-testid="audit-log.ui.date-from" value="2026-09-01"><input data-testid="audit-log.ui.date-to" value="2026-11-27">';
    history.replaceState(null, '', '/audit');
    const applied = readBack(document, utcBoxes, { since: '2026-09-01T00:00:00.000Z', until: '2026-11-27T23:59:59.999Z' });
    expect(applied.filters.map((f) => [f.name, f.status, f.shown])).toEqual([
      ['since', 'applied', '2026-09-01T00:00:00.000Z'],
      ['until', 'applied', '2026-11-27T23:59:59.999Z'],
    ]);
    expect(applied.timeRange).toEqual({ from: '2026-09-01T00:00:00.000Z', to: '2026-11-27T23:59:59.999Z' });
  });
});
