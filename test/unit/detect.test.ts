import { describe, expect, it } from 'vitest';
import { candidatesFor, couldMatch, fingerprintMatches, queryDeep, urlMatches, urlPatternToRegExp } from '../../utils/detect';
import { buildMatchTable } from '../../utils/match';
import { loadBuiltinPack } from '../../utils/pack/builtin';

// @vitest-environment happy-dom

describe('URL patterns', () => {
  it('matches any host, port or path where the pattern says "*"', () => {
    const re = urlPatternToRegExp('http://127.0.0.1:*/audit*');
    expect(re.test('http://127.0.0.1:4173/audit')).toBe(true);
    expect(re.test('http://127.0.0.1:4173/audit?actor=a%40b.example&page=2')).toBe(true);
    expect(re.test('http://127.0.0.1:4173/users')).toBe(false);
    expect(re.test('https://evil.example/?next=http://127.0.0.1:1/audit')).toBe(false);
    // Credentials in front of another host are not a port.
    expect(re.test('http://127.0.0.1:x@evil.example/audit')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(urlPatternToRegExp('https://a.b/x?y=1').test('https://aXb/x?y=1')).toBe(false);
    expect(urlPatternToRegExp('https://a.b/x?y=1').test('https://a.b/x?y=1')).toBe(true);
  });

  it('lets exclude patterns win over include patterns', () => {
    const entry = { include: ['https://github.com/*'], exclude: ['https://github.com/settings/*'] };
    expect(urlMatches(entry, 'https://github.com/organizations/acme/settings/audit-log')).toBe(true);
    expect(urlMatches(entry, 'https://github.com/settings/security-log')).toBe(false);
  });
});

describe('DOM fingerprint', () => {
  it('needs every "present" entry and no "absent" entry', () => {
    document.body.innerHTML = '<section data-page="audit-log"><form role="search"></form></section>';
    const entry = { present: [['[data-page="audit-log"]'], ['form[role="search"]']], absent: [['.login-form']] };
    expect(fingerprintMatches(entry, document)).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<div class="login-form"></div>');
    expect(fingerprintMatches(entry, document)).toBe(false);
  });

  it('tries alternatives in order and survives invalid selectors from a pack', () => {
    document.body.innerHTML = '<div id="x"></div>';
    expect(fingerprintMatches({ present: [['::::bad', '#x']], absent: [] }, document)).toBe(true);
    expect(queryDeep(document, '::::bad')).toBeNull();
  });

  it('steps into open shadow roots with " >>> "', () => {
    document.body.innerHTML = '<app-shell></app-shell>';
    const shadow = document.querySelector('app-shell')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input name="q">';
    expect(queryDeep(document, 'app-shell >>> input[name="q"]')).not.toBeNull();
    expect(queryDeep(document, 'input[name="q"]')).toBeNull();
  });
});

describe('the built-in match table', () => {
  const table = buildMatchTable(loadBuiltinPack().adapters);

  it('recognises the demo console audit log by URL, and nothing on its other pages', () => {
    expect(candidatesFor(table, 'http://127.0.0.1:4173/audit').map((e) => e.id)).toContain('acme-demo');
    expect(candidatesFor(table, 'http://localhost:9000/audit?q=x').map((e) => e.id)).toContain('acme-demo');
    expect(candidatesFor(table, 'http://127.0.0.1:4173/users')).toHaveLength(0);
    expect(candidatesFor(table, 'http://127.0.0.1:4173/settings')).toHaveLength(0);
  });

  it('holds only what detection needs (no glossary, no selectors for filling)', () => {
    const json = JSON.stringify(table);
    expect(json).not.toContain('glossary');
    expect(json).not.toContain('fields');
  });
});

describe('URL patterns in the host part', () => {
  it('never let "*" cross into the path', () => {
    const re = urlPatternToRegExp('https://*-admin.okta.com/report/system_log_2*');
    expect(re.test('https://acme-admin.okta.com/report/system_log_2?search=x')).toBe(true);
    expect(re.test('https://evil.example/?x-admin.okta.com/report/system_log_2')).toBe(false);
    expect(urlPatternToRegExp('https://*.okta.com/*').test('https://evil.example/a.okta.com/')).toBe(false);
  });
});

describe('the cheap URL pre-test (couldMatch)', () => {
  it('rules out other hosts and paths before any regular expression is built', () => {
    expect(couldMatch('http://127.0.0.1:*/audit*', 'http://127.0.0.1:4173/recipes')).toBe(false);
    expect(couldMatch('https://github.com/organizations/*/settings/audit-log*', 'http://127.0.0.1:4173/audit')).toBe(false);
    expect(couldMatch('https://dash.cloudflare.com/*/audit-log', 'https://dash.cloudflare.com/abc/audit-log?x=1')).toBe(false);
    expect(couldMatch('https://a.example/x', 'https://a.example/x')).toBe(true);
    expect(couldMatch('https://a.example/x', 'https://a.example/xy')).toBe(false);
    // The pieces must not overlap: "ab*ba" needs at least "abba"-like room.
    expect(couldMatch('ab*ba', 'aba')).toBe(false);
    expect(couldMatch('ab*ba', 'abba')).toBe(true);
  });

  it('never says no where the full pattern matches (every built-in pattern, many URLs)', () => {
    const table = buildMatchTable(loadBuiltinPack().adapters);
    const patterns = table.adapters.flatMap((a) => [...a.include, ...a.exclude]);
    const urls = [
      'http://127.0.0.1:4173/audit',
      'http://127.0.0.1:4173/audit?actor=a%40b.example&page=2',
      'http://localhost:8080/audit-log',
      'https://github.com/organizations/acme/settings/audit-log',
      'https://github.com/organizations/acme/settings/audit-log/events?q=x',
      'https://acme.okta.com/report/system_log_2?search=x',
      'https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events?x=1',
      'https://console.aws.amazon.com/cloudtrail/home#/events/abc',
      'https://app.datadoghq.com/audit-trail?query=x',
      'https://app.datadoghq.eu/audit-trail/',
      'https://console.cloud.google.com/logs/query;query=x?project=p',
      'https://admin.google.com/u/1/ac/reporting/audit/admin',
      'https://dash.cloudflare.com/abc/audit-log',
      'https://manage.auth0.com/dashboard/eu/tenant/logs?page=1',
      'https://admin.atlassian.com/o/abc/audit-log?x=1',
      'https://evil.example/?next=http://127.0.0.1:1/audit',
      'https://github.com/settings/security-log',
    ];
    let matched = 0;
    for (const pattern of patterns) {
      for (const url of urls) {
        const full = urlPatternToRegExp(pattern).test(url);
        if (full) matched += 1;
        if (full) expect(couldMatch(pattern, url), `${pattern} vs ${url}`).toBe(true);
      }
    }
    // The URLs above do hit the table, so the check above was not vacuous.
    expect(matched).toBeGreaterThan(10);
  });
});
