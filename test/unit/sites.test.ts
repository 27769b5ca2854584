import { describe, expect, it } from 'vitest';
import { candidatesFor, urlMatches } from '../../utils/detect';
import { buildMatchTable } from '../../utils/match';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema } from '../../utils/schema/adapter';
import { adapterSites, isBuiltinSite, parseSiteAddress, siteIncludes, sitePattern } from '../../utils/sites';

describe('parseSiteAddress', () => {
  it.each([
    ['audit.acme.example', 'https://audit.acme.example'],
    ['https://audit.acme.example/audit?actor=x#top', 'https://audit.acme.example'],
    ['  http://intranet.corp.example:8080/admin/logs  ', 'http://intranet.corp.example'],
    ['audit.acme.example:8443/logs', 'https://audit.acme.example'],
    ['HTTPS://Audit.Acme.Example/', 'https://audit.acme.example'],
  ])('%s → %s', (typed, origin) => {
    expect(parseSiteAddress(typed)).toEqual({ ok: true, origin, host: origin.replace(/^https?:\/\//, '') });
  });

  it.each([
    ['', /Type the address/],
    ['   ', /Type the address/],
    ['ftp://files.acme.example', /only work on web pages/],
    ['file:///etc/passwd', /only work on web pages/],
    ['https://exa mple.com', /doesn't look like a web address/],
    ['https://*.acme.example/audit', /Type one site's address/],
    ['https://github.com/orgs/acme', /already works on github\.com/],
    ['acme.okta.com', /already works on acme\.okta\.com/],
    ['http://127.0.0.1:4173/audit', /already works on 127\.0\.0\.1/],
  ])('refuses %j in plain words', (typed, problem) => {
    const result = parseSiteAddress(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it('tells built-in hosts from look-alikes', () => {
    expect(isBuiltinSite('https://github.com')).toBe(true);
    expect(isBuiltinSite('https://github.com.evil.example')).toBe(false);
    expect(isBuiltinSite('https://okta.com.evil.example')).toBe(false);
    expect(isBuiltinSite('https://github.acme.example')).toBe(false);
  });
});

describe('self-hosted paths in the match table', () => {
  const builtin = loadBuiltinPack().adapters;
  const site = 'https://audit.acme.example';

  it('adds nothing while no site is allowed', () => {
    expect(buildMatchTable(builtin)).toEqual(buildMatchTable(builtin, []));
    const acme = buildMatchTable(builtin).adapters.find((a) => a.id === 'acme-demo')!;
    expect(acme.include).toEqual(builtin.find((a) => a.id === 'acme-demo')!.match.include);
  });

  it("applies an adapter's self-hosted paths on each allowed site, with or without a port", () => {
    const table = buildMatchTable(builtin, [site]);
    const ids = (url: string) => candidatesFor(table, url).map((entry) => entry.id);
    expect(ids(`${site}/audit`)).toEqual(['acme-demo']);
    expect(ids(`${site}:8443/audit?actor=dana`)).toEqual(['acme-demo']);
    expect(ids(`${site}/organizations/acme/settings/audit-log?q=actor:li`)).toEqual(['github-audit-log']);
    // Other pages of the site, other sites, and look-alike hosts are not candidates.
    expect(ids(`${site}/users`)).toEqual([]);
    expect(ids('https://audit.other.example/audit')).toEqual([]);
    expect(ids('https://audit.acme.example.evil.example/audit')).toEqual([]);
    expect(ids(`https://evil.example/?next=${site}/audit`)).toEqual([]);
  });

  it('leaves adapters without self-hosted paths as they were', () => {
    const table = buildMatchTable(builtin, [site]);
    const okta = table.adapters.find((a) => a.id === 'okta-system-log')!;
    expect(okta.include).toEqual(builtin.find((a) => a.id === 'okta-system-log')!.match.include);
  });

  it('builds patterns the browser and the detector agree on', () => {
    expect(sitePattern(site)).toBe('https://audit.acme.example/*');
    const [plain, withPort] = siteIncludes(site, '/audit*');
    const fits = (pattern: string | undefined, url: string) => urlMatches({ include: [pattern!], exclude: [] }, url);
    expect(fits(plain, `${site}/audit`)).toBe(true);
    expect(fits(plain, `${site}:9000/audit`)).toBe(false);
    expect(fits(withPort, `${site}:9000/audit`)).toBe(true);
    // A "port" that is really credentials in front of another host does not fit.
    expect(fits(withPort, 'https://audit.acme.example:x@evil.example/audit')).toBe(false);
  });

  it('only accepts paths in the adapter schema', () => {
    const acme = builtin.find((a) => a.id === 'acme-demo')!;
    const withPaths = (selfHosted: string[]) => adapterSchema.safeParse({ ...acme, match: { ...acme.match, selfHosted } });
    expect(withPaths(['/audit*']).success).toBe(true);
    const bad = withPaths(['https://evil.example/audit*']);
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/starts with “\/”/);
    expect(withPaths(['/audit me']).success).toBe(false);
  });
});

describe('adapterSites', () => {
  it('names the sites outside the built-in consoles that adapters point at, once each', () => {
    expect(
      adapterSites([
        'https://audit.corp.example/logs*',
        'https://audit.corp.example:8443/logs/*',
        'HTTP://Intranet.Corp.Example/admin/audit',
        'https://github.com/organizations/*/settings/audit-log*',
        'http://127.0.0.1:*/audit*',
      ]),
    ).toEqual(['http://intranet.corp.example', 'https://audit.corp.example']);
  });

  it('leaves out families of sites and anything that is not a web address', () => {
    expect(adapterSites(['https://*.corp.example/audit*', 'https://audit-*.corp.example/*', '*://x.example/*', 'file:///x', 'https://a.example@evil.example/'])).toEqual([]);
  });

  it('finds none in the built-in pack (it only needs the hosts it ships with)', () => {
    expect(adapterSites(loadBuiltinPack().adapters.flatMap((a) => a.match.include))).toEqual([]);
  });
});
