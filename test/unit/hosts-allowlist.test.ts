import { describe, expect, it } from 'vitest';
import { matchPatternsFor, toMatchPattern } from '../../utils/chrome-patterns';
import { BUILTIN_HOST_PATTERNS, builtinHostPatterns, demoHostsWanted, DEMO_HOSTS_BUILT_IN, onHosts, OPTIONAL_HOST_PATTERNS } from '../../utils/hosts';
import { REVIEWED_BUILTIN_HOSTS, REVIEWED_DEMO_HOSTS, REVIEWED_OPTIONAL_HOSTS, REVIEWED_STORE_HOSTS } from './reviewed-hosts';

/**
 * Least privilege (DESIGN.md §3.6, issue 19) without a build: the lists the manifest is
 * made from equal the hand-written, reviewed lists. security-manifest.test.ts checks the
 * built manifests against the same literal lists.
 */
describe('built-in hosts', () => {
  it('are exactly the reviewed list', () => {
    expect([...BUILTIN_HOST_PATTERNS]).toEqual(REVIEWED_BUILTIN_HOSTS);
  });

  it('are each one host (or one wildcard subdomain of a named domain), never a whole scheme or top-level domain', () => {
    for (const pattern of BUILTIN_HOST_PATTERNS) {
      const host = /^https?:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
      expect(host, pattern).toBeDefined();
      // "*.io" or "*.com" would be a whole top-level domain: a wildcard needs at least two labels after it.
      if (host!.startsWith('*.')) expect(host!.slice(2).split('.').length, pattern).toBeGreaterThanOrEqual(2);
      expect(host, pattern).not.toMatch(/^\*$|\*.*\*/);
    }
  });

  it('anything else is optional, granted one site at a time', () => {
    expect([...OPTIONAL_HOST_PATTERNS]).toEqual(REVIEWED_OPTIONAL_HOSTS);
  });
});

describe('store and demo builds (issue 17 §3)', () => {
  it('the store build has no address of this computer; the demo build adds exactly the demo hosts', () => {
    expect(builtinHostPatterns(false)).toEqual(REVIEWED_STORE_HOSTS);
    expect(builtinHostPatterns(false).join(' ')).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(builtinHostPatterns(true)).toEqual([...REVIEWED_DEMO_HOSTS, ...REVIEWED_STORE_HOSTS]);
  });

  it('a plain build is the store build; the dev server and TRAILGUIDE_DEMO_HOSTS=1 give the demo build', () => {
    expect(demoHostsWanted('build', {})).toBe(false);
    expect(demoHostsWanted('build', { TRAILGUIDE_DEMO_HOSTS: '' })).toBe(false);
    expect(demoHostsWanted('build', { TRAILGUIDE_DEMO_HOSTS: '0' })).toBe(false);
    expect(demoHostsWanted('build', { TRAILGUIDE_DEMO_HOSTS: 'yes' })).toBe(false);
    expect(demoHostsWanted('build', { TRAILGUIDE_DEMO_HOSTS: '1' })).toBe(true);
    expect(demoHostsWanted('serve', {})).toBe(true);
  });

  it('code no WXT build bundled (these tests) runs as a demo build would', () => {
    expect(DEMO_HOSTS_BUILT_IN).toBe(true);
    expect([...BUILTIN_HOST_PATTERNS]).toEqual(builtinHostPatterns(true));
  });

  it('onHosts: a match pattern within a list of hosts, by scheme and host', () => {
    expect(onHosts('http://127.0.0.1/audit*', REVIEWED_BUILTIN_HOSTS)).toBe(true);
    expect(onHosts('http://127.0.0.1/audit*', REVIEWED_STORE_HOSTS)).toBe(false);
    expect(onHosts('https://acme.okta.com/report/*', REVIEWED_STORE_HOSTS)).toBe(true);
    expect(onHosts('https://okta.com/x*', REVIEWED_STORE_HOSTS)).toBe(true);
    expect(onHosts('https://evilokta.com/x*', REVIEWED_STORE_HOSTS)).toBe(false);
    expect(onHosts('http://github.com/*', REVIEWED_STORE_HOSTS)).toBe(false);
  });
});

describe('toMatchPattern: an adapter pattern widened to a browser match pattern', () => {
  const CASES: [string, string | null][] = [
    ['http://127.0.0.1:*/audit*', 'http://127.0.0.1/audit*'],
    ['http://localhost:4173/audit', 'http://localhost/audit*'],
    ['HTTPS://GitHub.COM/orgs/*/settings/audit-log', 'https://github.com/orgs/*/settings/audit-log*'],
    ['*://audit.corp.example/logs', '*://audit.corp.example/logs*'],
    ['https://*-admin.okta.com/report/system_log_2*', 'https://*.okta.com/report/system_log_2*'],
    ['https://ACME-*.Okta.com/x', 'https://*.okta.com/x*'],
    ['https://audit-*/x', 'https://*/x*'],
    ['https://*.console.aws.amazon.com/cloudtrail/home*#/events*', 'https://*.console.aws.amazon.com/cloudtrail/home*'],
    ['https://admin.atlassian.com/o/*/audit-log?*', 'https://admin.atlassian.com/o/*/audit-log*'],
    ['https://admin.atlassian.com?tab=audit', 'https://admin.atlassian.com/*'],
    ['https://admin.atlassian.com#/audit', 'https://admin.atlassian.com/*'],
    ['https://manage.auth0.com/dashboard/**/logs', 'https://manage.auth0.com/dashboard/*/logs*'],
    ['https://audit.corp.example', 'https://audit.corp.example/*'],
    ['https://audit.corp.example/', 'https://audit.corp.example/*'],
    ['https://audit.corp.example:8443', 'https://audit.corp.example/*'],
    ['ftp://files.example/*', null],
    ['audit.corp.example/*', null],
    ['https:///path', null],
    ['https://:443/path', null],
    ['https://a.example:x@evil.example/*', null],
    ['https://user@evil.example/*', null],
    ['https://a.example:8080:9090/x', null],
    ['https://a.example:80x/p', null],
    ['a.example/https://', null],
  ];
  for (const [input, expected] of CASES) {
    it(`${input} → ${expected}`, () => {
      expect(toMatchPattern(input)).toBe(expected);
    });
  }

  it('matchPatternsFor widens each, drops repeats and the unusable, and sorts', () => {
    expect(matchPatternsFor(['https://b.example/x', 'ftp://nope/*', 'https://a.example/y?q', 'https://a.example/y#z', 'https://b.example/x'])).toEqual([
      'https://a.example/y*',
      'https://b.example/x*',
    ]);
    expect(matchPatternsFor([])).toEqual([]);
  });
});
