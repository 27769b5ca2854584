// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { matchPatternsFor, toMatchPattern } from '../../utils/chrome-patterns';
import { anyPresent, fingerprintMatches, urlMatches } from '../../utils/detect';
import { adapterById, builtinAdapters, hasFixture, loadFixture } from './adapters-fixtures';

/**
 * Detection, github-url-detection style: every adapter's example URLs must match that
 * adapter and no other; near-miss pages of the same sites must match none. Then the DOM
 * fingerprint must accept the adapter's own fixture and refuse look-alikes and every
 * other adapter's fixture.
 */
const EXAMPLES: Record<string, { match: string[]; miss: string[] }> = {
  'acme-demo': {
    match: ['http://127.0.0.1:4173/audit', 'http://localhost:9000/audit?actor=ana%40acme.test&page=2'],
    miss: ['http://127.0.0.1:4173/users', 'http://localhost:9000/settings'],
  },
  'github-audit-log': {
    match: [
      'https://github.com/organizations/acme/settings/audit-log',
      'https://github.com/organizations/acme/settings/audit-log?q=actor%3Aoctocat+action%3Aorg.add_member',
      'https://github.com/enterprises/acme-corp/settings/audit-log?q=created%3A2026-11-01..2026-11-03',
    ],
    miss: [
      'https://github.com/settings/security-log',
      'https://github.com/organizations/acme/settings/profile',
      'https://github.com/orgs/acme/people',
      'https://github.com/organizations/acme/settings/audit-log/export',
      'https://github.com/acme/audit-log',
    ],
  },
  'okta-system-log': {
    match: [
      'https://acme-admin.okta.com/report/system_log_2',
      'https://acme-admin.okta.com/report/system_log_2?search=eventType+eq+%22user.session.start%22&fromTime=2026-11-01T00%3A00%3A00Z',
      'https://acme-admin.oktapreview.com/report/system_log_2?search=',
    ],
    miss: [
      'https://acme-admin.okta.com/admin/dashboard',
      'https://acme-admin.okta.com/admin/users',
      'https://acme.okta.com/app/UserHome',
    ],
  },
  'aws-cloudtrail': {
    match: [
      'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events',
      'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events?EventName=CreateTable&StartTime=2026-05-14T00%3A00%3A00Z',
      'https://console.aws.amazon.com/cloudtrail/home#/events?EventName=Decrypt',
    ],
    miss: [
      'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/dashboard',
      'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/trails',
      'https://us-east-1.console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events/ab12-cd34',
      'https://us-east-1.console.aws.amazon.com/iam/home#/users',
    ],
  },
  'gcp-logs-explorer': {
    match: [
      'https://console.cloud.google.com/logs/query?project=acme-prod',
      'https://console.cloud.google.com/logs/query;query=protoPayload.methodName%3D%22SetIamPolicy%22?project=acme-prod',
    ],
    miss: [
      'https://console.cloud.google.com/logs/router?project=acme-prod',
      'https://console.cloud.google.com/iam-admin/iam?project=acme-prod',
      'https://console.cloud.google.com/logs/query/saved?project=acme-prod',
    ],
  },
  'datadog-audit-trail': {
    match: [
      'https://app.datadoghq.com/audit-trail',
      'https://app.datadoghq.com/audit-trail?query=%40evt.name%3A%22Access%20Management%22',
      'https://app.datadoghq.eu/audit-trail?query=%40usr.email%3Ajane%40acme.example&from_ts=1&to_ts=2&live=false',
      'https://us5.datadoghq.com/audit-trail',
    ],
    miss: [
      'https://app.datadoghq.com/logs?query=service%3Aweb',
      'https://app.datadoghq.com/organization-settings/audit-trail-settings',
      'https://app.datadoghq.com/audit-trail/settings',
    ],
  },
  'auth0-logs': {
    match: [
      'https://manage.auth0.com/dashboard/us/acme-prod/logs',
      'https://manage.auth0.com/dashboard/eu/acme/logs?q=type%3A%22f%22',
    ],
    miss: [
      'https://manage.auth0.com/dashboard/us/acme-prod/users',
      'https://manage.auth0.com/dashboard/us/acme-prod/log-streams',
      'https://manage.auth0.com/dashboard/us/acme-prod/logs/90020261126',
    ],
  },
  'google-workspace-admin-audit': {
    match: [
      'https://admin.google.com/ac/reporting/audit/admin',
      'https://admin.google.com/u/1/ac/reporting/audit/login',
      'https://admin.google.com/ac/sc/investigation?hl=en',
    ],
    miss: ['https://admin.google.com/ac/users', 'https://admin.google.com/ac/reporting/report/user/accounts'],
  },
  'cloudflare-audit-log': {
    match: [
      'https://dash.cloudflare.com/0123456789abcdef0123456789abcdef/audit-log',
      'https://dash.cloudflare.com/0123456789abcdef0123456789abcdef/audit-log?page=2',
    ],
    miss: [
      'https://dash.cloudflare.com/0123456789abcdef0123456789abcdef/members',
      'https://dash.cloudflare.com/0123456789abcdef0123456789abcdef/acme.example/dns/records',
    ],
  },
  'stripe-events': {
    match: [
      'https://dashboard.stripe.com/events',
      'https://dashboard.stripe.com/events?type=customer.created',
      'https://dashboard.stripe.com/test/events?type=identity.%2A',
      'https://dashboard.stripe.com/acct_1Abc/events',
      'https://dashboard.stripe.com/logs?success=false',
      'https://dashboard.stripe.com/test/logs',
    ],
    miss: [
      'https://dashboard.stripe.com/payments',
      'https://dashboard.stripe.com/events/evt_1QaA',
      'https://dashboard.stripe.com/test/logs/req_9xY',
      'https://dashboard.stripe.com/webhooks',
    ],
  },
  'atlassian-admin-audit': {
    match: [
      'https://admin.atlassian.com/o/be0df05b-77ec-4a4f-ac84-f818bef651ce/audit-log',
      'https://admin.atlassian.com/o/be0df05b-77ec-4a4f-ac84-f818bef651ce/audit-log?page=2',
      'https://admin.atlassian.com/o/be0df05b-77ec-4a4f-ac84-f818bef651ce/insights/audit-log',
    ],
    miss: [
      'https://admin.atlassian.com/o/be0df05b-77ec-4a4f-ac84-f818bef651ce/users',
      'https://admin.atlassian.com/o/be0df05b-77ec-4a4f-ac84-f818bef651ce/overview',
    ],
  },
};

const adapters = builtinAdapters();

describe('URL patterns', () => {
  it('has example URLs for every built-in adapter', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(adapters.map((a) => a.id).sort());
  });

  for (const [owner, { match, miss }] of Object.entries(EXAMPLES)) {
    describe(owner, () => {
      it.each(match)('%s matches this adapter and no other', (url) => {
        const matching = adapters.filter((a) => urlMatches(a.match, url)).map((a) => a.id);
        expect(matching).toEqual([owner]);
      });
      it.each(miss)('%s (same site, not the log) matches no adapter', (url) => {
        expect(adapters.filter((a) => urlMatches(a.match, url)).map((a) => a.id)).toEqual([]);
      });
    });
  }
});

/**
 * How Chromium applies a content-script match pattern: the scheme, the host ("*." also
 * covering the bare domain), any port, and the path glob against the path and query
 * (never the "#" part).
 */
function browserMatches(matchPattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(matchPattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  const target = new URL(url);
  if (scheme === '*' ? !/^https?:$/.test(target.protocol) : target.protocol !== `${scheme}:`) return false;
  const hostOk = host === '*' || (host!.startsWith('*.') ? target.hostname === host!.slice(2) || target.hostname.endsWith(host!.slice(1)) : target.hostname === host);
  const glob = new RegExp(`^${path!.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return hostOk && glob.test(target.pathname + target.search);
}

describe('the browser match patterns the detector is listed for (wxt.config.ts)', () => {
  it('cover every example address of every built-in adapter, so the browser injects the detector there', () => {
    for (const [id, { match }] of Object.entries(EXAMPLES)) {
      const patterns = matchPatternsFor(adapterById(id).match.include);
      for (const url of match) expect(patterns.some((p) => browserMatches(p, url)), `${id}: ${url}`).toBe(true);
    }
  });

  it('stay on the hosts the adapter names', () => {
    expect(toMatchPattern('http://127.0.0.1:*/audit*')).toBe('http://127.0.0.1/audit*');
    expect(toMatchPattern('https://*-admin.okta.com/report/system_log_2*')).toBe('https://*.okta.com/report/system_log_2*');
    expect(toMatchPattern('https://*.console.aws.amazon.com/cloudtrail/home*#/events*')).toBe('https://*.console.aws.amazon.com/cloudtrail/home*');
    expect(toMatchPattern('https://admin.atlassian.com/o/*/audit-log?*')).toBe('https://admin.atlassian.com/o/*/audit-log*');
    expect(toMatchPattern('https://manage.auth0.com/dashboard/*/*/logs')).toBe('https://manage.auth0.com/dashboard/*/*/logs*');
    expect(toMatchPattern('https://audit.corp.example')).toBe('https://audit.corp.example/*');
    expect(toMatchPattern('ftp://files.example/*')).toBeNull();
    expect(toMatchPattern('https://a.example:x@evil.example/*')).toBeNull();
    // The matcher above is strict enough to fail: a pattern for another path misses.
    expect(browserMatches('https://github.com/organizations/*/settings/audit-log*', 'https://github.com/orgs/acme/people')).toBe(false);
    expect(browserMatches('https://*.okta.com/report/system_log_2*', 'https://okta.com.evil.example/report/system_log_2')).toBe(false);
  });
});

describe('DOM fingerprint', () => {
  const withFixtures = adapters.filter((a) => hasFixture(a.id));

  it.each(withFixtures.map((a) => a.id))('%s recognises its own fixture page', (id) => {
    expect(fingerprintMatches(adapterById(id).match, loadFixture(id))).toBe(true);
  });

  it.each(withFixtures.map((a) => a.id))("%s does not recognise any other adapter's fixture", (id) => {
    const adapter = adapterById(id);
    const others = withFixtures.filter((o) => o.id !== id && fingerprintMatches(adapter.match, loadFixture(o.id)));
    expect(others.map((o) => o.id)).toEqual([]);
  });

  const withLookalikes = adapters.filter((a) => hasFixture(a.id, 'lookalike'));
  it('has look-alike pages for the families that have near-twins', () => {
    expect(withLookalikes.length).toBeGreaterThanOrEqual(6);
  });

  it.each(withLookalikes.map((a) => a.id))('%s refuses its look-alike page', (id) => {
    const lookalike = loadFixture(id, 'lookalike');
    expect(adapters.filter((a) => fingerprintMatches(a.match, lookalike)).map((a) => a.id)).toEqual([]);
  });
});

describe('selectors find their elements on the fixture', () => {
  const withFixtures = adapters.filter((a) => hasFixture(a.id));

  it.each(withFixtures.map((a) => a.id))('%s: every fill control, submit button and highlight target exists', (id) => {
    const adapter = adapterById(id);
    const page = loadFixture(id);
    const missing: string[] = [];
    for (const [name, field] of Object.entries(adapter.fields)) {
      if (field.dom && !anyPresent(page, field.dom.selectors)) missing.push(`field ${name}`);
    }
    if (adapter.submit?.selectors && !anyPresent(page, adapter.submit.selectors)) missing.push('submit');
    for (const [name, selectors] of Object.entries(adapter.elements)) {
      if (!anyPresent(page, selectors)) missing.push(`element ${name}`);
    }
    const results = adapter.results;
    for (const key of ['next', 'loadMore', 'scroller', 'count'] as const) {
      const selectors = results?.[key];
      if (selectors && !anyPresent(page, selectors)) missing.push(`results.${key}`);
    }
    if (adapter.waitFor?.ready && !anyPresent(page, adapter.waitFor.ready)) missing.push('waitFor.ready');
    expect(missing).toEqual([]);
  });

  it.each(withFixtures.map((a) => a.id))('%s: the "empty" and "busy" markers are absent when results show', (id) => {
    const adapter = adapterById(id);
    const page = loadFixture(id);
    expect(adapter.results?.empty ? anyPresent(page, adapter.results.empty) : false).toBe(false);
    expect(adapter.waitFor?.busy ? anyPresent(page, adapter.waitFor.busy) : false).toBe(false);
  });
});
