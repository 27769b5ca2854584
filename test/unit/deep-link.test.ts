import { describe, expect, it } from 'vitest';
import { buildDeepLink, formatUrlValue } from '../../utils/engine/deep-link';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Golden deep links for every built-in adapter. Each expected address is written out in
 * full, modelled on the vendor's documented examples (cited above each block), so a change
 * in quoting, ordering or encoding shows up as a diff rather than passing silently.
 */
const adapters = new Map(loadBuiltinPack().adapters.map((a) => [a.id, a]));
function adapter(id: string): Adapter {
  const found = adapters.get(id);
  if (!found) throw new Error(`no built-in adapter ${id}`);
  return found;
}


describe('github-audit-log', () => {
  const github = adapter('github-audit-log');
  const org = 'https://github.com/organizations/acme/settings/audit-log';

  // https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-security-settings-for-your-organization/reviewing-the-audit-log-for-your-organization
  // ("actor:octocat", "action:team.create", "created:2014-07-08..2014-07-09", repo:"my-org/our-repo")
  it('writes actor, action and a created range into q, as GitHub writes it', () => {
    const link = buildDeepLink(github, `${org}?q=action%3Arepo.create`, {
      actor: 'octocat',
      action: 'org.add_member',
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-03T23:59:59.999Z',
    });
    expect(link).toEqual({
      url: `${org}?q=actor%3Aoctocat+action%3Aorg.add_member+created%3A2026-11-01..2026-11-03`,
      unused: [],
    });
  });

  it('leaves an open end of the range as "*"', () => {
    const link = buildDeepLink(github, org, { since: '2026-11-01' });
    expect(link?.url).toBe(`${org}?q=created%3A2026-11-01..*`);
  });

  it('quotes a repository (it has a slash) and values with spaces, escaping quotes inside', () => {
    const link = buildDeepLink(github, 'https://github.com/enterprises/acme-corp/settings/audit-log', {
      repo: 'my-org/our-repo',
      country: 'United "Kingdom"',
    });
    expect(link?.url).toBe(
      'https://github.com/enterprises/acme-corp/settings/audit-log?q=repo%3A%22my-org%2Four-repo%22+country%3A%22United+%5C%22Kingdom%5C%22%22',
    );
    expect(decodeURIComponent(link!.url.split('q=')[1]!.replace(/\+/g, ' '))).toBe(
      'repo:"my-org/our-repo" country:"United \\"Kingdom\\""',
    );
  });

  it('reports free text and IP as unused (the audit log has no text or IP search)', () => {
    const link = buildDeepLink(github, org, { actor: 'octocat', text: 'deleted', ip: '203.0.113.9' });
    expect(link).toEqual({ url: `${org}?q=actor%3Aoctocat`, unused: ['text', 'ip'] });
  });

  it('quotes a value that starts with "-" so it is not read as a negation', () => {
    expect(buildDeepLink(github, org, { actor: '-octocat' })?.url).toBe(`${org}?q=actor%3A%22-octocat%22`);
  });
});

describe('okta-system-log', () => {
  const okta = adapter('okta-system-log');
  const page = 'https://acme-admin.okta.com/report/system_log_2';

  // https://support.okta.com/help/s/article/getting-started-with-okta-system-logs
  // (advanced search: eventType eq "user.account.reset_password"; expressions joined with "and")
  it('writes a SCIM-style filter in search= and the range in fromTime/toTime', () => {
    const link = buildDeepLink(okta, `${page}?search=old&locale=en`, {
      actor: 'jane@acme.example',
      action: 'user.mfa.factor.deactivate',
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-02T12:30:00.000Z',
    });
    expect(link).toEqual({
      url:
        `${page}?locale=en&search=actor.alternateId+eq+%22jane%40acme.example%22+and+eventType+eq+%22user.mfa.factor.deactivate%22` +
        '&fromTime=2026-11-01T00%3A00%3A00Z&toTime=2026-11-02T12%3A30%3A00Z',
      unused: [],
    });
  });

  it('escapes double quotes and backslashes inside SCIM strings', () => {
    const link = buildDeepLink(okta, page, { target: 'Sales "EMEA" \\ team' });
    const search = new URL(link!.url).searchParams.get('search');
    expect(search).toBe('target.alternateId eq "Sales \\"EMEA\\" \\\\ team"');
  });

  it('leaves keywords to the search box', () => {
    expect(buildDeepLink(okta, page, { text: 'vpn' })).toEqual({ url: page, unused: ['text'] });
  });
});

describe('aws-cloudtrail', () => {
  const trail = adapter('aws-cloudtrail');
  const page = 'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events';

  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
  // (one lookup attribute plus a time range); attribute names from API_LookupAttribute.
  it('writes one lookup attribute and the time range into the hash route, keeping the region', () => {
    const link = buildDeepLink(trail, `${page}?EventName=Old&foo=1`, {
      action: 'StopLogging',
      since: '2024-12-05T08:00:00Z',
      until: '2024-12-05T09:00:00Z',
    });
    expect(link).toEqual({
      url:
        'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events' +
        '?EventName=StopLogging&StartTime=2024-12-05T08%3A00%3A00.000Z&EndTime=2024-12-05T09%3A00%3A00.000Z',
      unused: [],
    });
  });

  it('carries only the first lookup attribute and reports the others', () => {
    const link = buildDeepLink(trail, page, { action: 'CreateAccessKey', actor: 'alice', target: 'bob' });
    expect(link).toEqual({
      url: 'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events?Username=alice',
      unused: ['action', 'target'],
    });
  });

  it('reports an IP as unused (event history cannot filter by IP)', () => {
    expect(buildDeepLink(trail, page, { ip: '198.51.100.4' })?.unused).toEqual(['ip']);
  });
});

describe('gcp-logs-explorer', () => {
  const gcp = adapter('gcp-logs-explorer');

  // https://cloud.google.com/logging/docs/view/logging-query-language
  // (one comparison per line = AND; protoPayload.authenticationInfo.principalEmail="…"; timestamp>="…")
  it('writes the query as ;query= with one comparison per line and keeps ?project=', () => {
    const link = buildDeepLink(
      gcp,
      'https://console.cloud.google.com/logs/query;query=severity%3DERROR;cursorTimestamp=2026-01-01T00:00:00Z?project=acme-prod&authuser=1',
      {
        actor: 'jane@acme.example',
        action: 'SetIamPolicy',
        since: '2026-11-01T00:00:00Z',
      },
    );
    expect(link).toEqual({
      url:
        'https://console.cloud.google.com/logs/query;query=' +
        'protoPayload.authenticationInfo.principalEmail%3D%22jane%40acme.example%22%0A' +
        'protoPayload.methodName%3D%22SetIamPolicy%22%0A' +
        'timestamp%3E%3D%222026-11-01T00%3A00%3A00.000Z%22' +
        '?project=acme-prod',
      unused: [],
    });
  });

  it('quotes free text and escapes quotes in it', () => {
    const link = buildDeepLink(gcp, 'https://console.cloud.google.com/logs/query?project=p', { text: 'say "hi"' });
    expect(link?.url).toBe('https://console.cloud.google.com/logs/query;query=%22say%20%5C%22hi%5C%22%22?project=p');
  });

  it('encodes ";" and parentheses so a value cannot start a new matrix parameter', () => {
    const link = buildDeepLink(gcp, 'https://console.cloud.google.com/logs/query', { target: 'a;timeRange=(x)' });
    expect(link?.url).toBe(
      'https://console.cloud.google.com/logs/query;query=protoPayload.resourceName%3D%22a%3BtimeRange%3D%28x%29%22',
    );
  });
});

describe('datadog-audit-trail', () => {
  const datadog = adapter('datadog-audit-trail');

  // https://docs.datadoghq.com/account_management/audit_trail/events/
  // (links such as /audit-trail?query=%40evt.name%3A%22Access%20Management%22%20%40asset.type%3Aapplication_key)
  it('matches the documentation’s own link for Access Management application keys', () => {
    const link = buildDeepLink(datadog, 'https://app.datadoghq.com/audit-trail', {
      action: 'Access Management',
      assetType: 'application_key',
    });
    expect(link).toEqual({
      url: 'https://app.datadoghq.com/audit-trail?query=%40evt.name%3A%22Access%20Management%22%20%40asset.type%3Aapplication_key&live=false',
      unused: [],
    });
  });

  // Epoch values checked independently with Python's datetime (2026-11-01T00:00Z = 1793491200000).
  it('writes the user and a fixed time range in milliseconds on the EU site', () => {
    const link = buildDeepLink(datadog, 'https://app.datadoghq.eu/audit-trail?query=old&cols=x', {
      actor: 'jane@acme.example',
      since: '2026-11-01T00:00:00Z',
      until: '2026-11-02T00:00:00Z',
    });
    expect(link?.url).toBe(
      'https://app.datadoghq.eu/audit-trail?query=%40usr.email%3Ajane%40acme.example&from_ts=1793491200000&to_ts=1793577600000&live=false',
    );
  });
});

describe('auth0-logs', () => {
  const auth0 = adapter('auth0-logs');

  // https://auth0.com/docs/deploy-monitor/logs/log-search-query-syntax
  // (type:"f", user_name:"…", date:[2026-11-01 TO 2026-11-03], AND between terms)
  it('builds a Lucene query with AND and a date range, on the tenant’s logs page', () => {
    const link = buildDeepLink(auth0, 'https://manage.auth0.com/dashboard/eu/acme-prod/users', {
      action: 'f',
      actor: 'jane@acme.example',
      since: '2026-11-01',
      until: '2026-11-03',
    });
    expect(link).toEqual({
      url:
        'https://manage.auth0.com/dashboard/eu/acme-prod/logs?q=' +
        encodeURIComponent('type:"f" AND user_name:"jane@acme.example" AND date:[2026-11-01 TO 2026-11-03]'),
      unused: [],
    });
  });

  it('writes an open range end as "*"', () => {
    const link = buildDeepLink(auth0, 'https://manage.auth0.com/dashboard/us/acme/logs', { until: '2026-11-03' });
    expect(new URL(link!.url).searchParams.get('q')).toBe('date:[* TO 2026-11-03]');
  });

  it('gives no link when the tenant is not in the address', () => {
    expect(buildDeepLink(auth0, 'https://manage.auth0.com/dashboard', { action: 'f' })).toBeNull();
  });
});

describe('stripe-events', () => {
  const stripe = adapter('stripe-events');

  // https://docs.stripe.com/identity/handle-verification-outcomes ("/events?type=identity.*");
  // the Stripe CLI links to https://dashboard.stripe.com/events?type=customer.created
  it('filters the events list by type, in live and test mode', () => {
    expect(buildDeepLink(stripe, 'https://dashboard.stripe.com/events', { action: 'customer.created' })).toEqual({
      url: 'https://dashboard.stripe.com/events?type=customer.created',
      unused: [],
    });
    expect(buildDeepLink(stripe, 'https://dashboard.stripe.com/test/events?starting_after=evt_1', { action: 'identity.*' })?.url).toBe(
      'https://dashboard.stripe.com/test/events?type=identity.*',
    );
  });

  it('reports dates as unused (filled on the page) and builds no link on the request logs', () => {
    expect(buildDeepLink(stripe, 'https://dashboard.stripe.com/events', { action: 'charge.refunded', since: '2026-11-01' })?.unused).toEqual([
      'since',
    ]);
    expect(buildDeepLink(stripe, 'https://dashboard.stripe.com/logs', { action: 'charge.refunded' })).toBeNull();
  });
});

describe('acme-demo', () => {
  it('keeps the demo console’s own parameters and resets paging', () => {
    const link = buildDeepLink(adapter('acme-demo'), 'http://127.0.0.1:4173/audit?page=3', {
      actor: 'ana@acme.test',
      since: '2026-11-01T09:30:00Z',
    });
    expect(link).toEqual({
      url: 'http://127.0.0.1:4173/audit?actor=ana%40acme.test&from=2026-11-01T09%3A30&page=',
      unused: [],
    });
  });
});

describe('adapters without a deep link', () => {
  it.each(['google-workspace-admin-audit', 'cloudflare-audit-log', 'atlassian-admin-audit'])('%s returns null', (id) => {
    expect(adapter(id).deepLink).toBeUndefined();
    expect(buildDeepLink(adapter(id), 'https://admin.google.com/ac/reporting/audit/admin', { actor: 'a@b.example' })).toBeNull();
  });
});

describe('general rules', () => {
  const minimal = (deepLink: Record<string, unknown>, fields: Record<string, unknown>) =>
    adapterSchema.parse({
      id: 'test-tool',
      name: 'Test',
      vendor: 'Test',
      verified: { how: 'fixture', date: '2026-11-27' },
      match: { include: ['https://x.example/*'], present: [['main']] },
      deepLink,
      fields,
    });

  it('ignores empty values and lists unknown ones as unused, in the order given', () => {
    const a = minimal({}, { actor: { url: { param: 'who' } } });
    expect(buildDeepLink(a, 'https://x.example/log', { zeta: 'z', actor: 'ann', text: '  ', alpha: 'a' })).toEqual({
      url: 'https://x.example/log?who=ann',
      unused: ['zeta', 'alpha'],
    });
  });

  it('reports a date it cannot read instead of writing it', () => {
    const a = minimal({}, { since: { url: { param: 'from', format: 'epochS' } } });
    expect(buildDeepLink(a, 'https://x.example/log', { since: 'last tuesday' })).toEqual({ url: 'https://x.example/log', unused: ['since'] });
  });

  it('returns null for an address that is not a URL', () => {
    expect(buildDeepLink(minimal({}, {}), 'not a url', {})).toBeNull();
  });

  it('fills {pathN} from the current address and keeps the route of a hash link', () => {
    const a = minimal({ base: '{origin}/t/{path2}/log', location: 'hash' }, { actor: { url: { param: 'u' } } });
    expect(buildDeepLink(a, 'https://x.example/t/team%20a/home#/list?old=1', { actor: 'b c' })?.url).toBe(
      'https://x.example/t/team%20a/log#/list?u=b%20c',
    );
  });

  it('refuses unknown placeholders and filters in templates', () => {
    expect(() => minimal({}, { actor: { url: { param: 'q', template: 'actor:{valu}' } } })).toThrow(/placeholders/);
    expect(() => minimal({}, { actor: { url: { param: 'q', template: 'actor:{value|shout}' } } })).toThrow(/placeholders/);
    expect(() => minimal({ base: 'https://evil.example/{origin}' }, {})).toThrow(/current/);
  });

  it('formats dates for each URL format, a bare "until" date meaning the end of that day', () => {
    expect(formatUrlValue('2026-11-03', 'iso', 'end')).toBe('2026-11-03T23:59:59.999Z');
    expect(formatUrlValue('2026-11-03T10:15:30.250+02:00', 'isoSeconds')).toBe('2026-11-03T08:15:30Z');
    expect(formatUrlValue('2026-11-03T10:15', 'epochS')).toBe('1793700900');
    expect(formatUrlValue('2026-11-03T10:15Z', 'datetimeLocal')).toBe('2026-11-03T10:15');
    expect(formatUrlValue('anything', 'plain')).toBe('anything');
  });
});
