import { urlPatternToRegExp } from './detect';
import { BUILTIN_HOST_PATTERNS } from './hosts';

/**
 * Self-hosted and in-house consoles live on addresses Trailguide cannot know in
 * advance. A person allows Trailguide on such a site, one at a time (Settings →
 * Your consoles); these helpers turn what they typed into the site's origin and
 * the patterns the browser and the detector use. Pure: shared by the options page
 * and the background.
 */

/** What the person typed, understood, or why it could not be. */
export type SiteAddress = { ok: true; origin: string; host: string } | { ok: false; problem: string };

const EXAMPLE = 'for example https://audit.example.com';

/**
 * "audit.acme.example", "https://audit.acme.example:8443/logs?x=1" → "https://audit.acme.example".
 * The port is dropped: the browser grants a site on every port.
 */
export function parseSiteAddress(input: string): SiteAddress {
  const text = input.trim();
  if (!text) return { ok: false, problem: `Type the address of your console, ${EXAMPLE}.` };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+:\d+(\/|$)/.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: `“${text}” doesn't look like a web address. Copy it from your browser's address bar, ${EXAMPLE}.` };
  }
  const origin = webOrigin(url.href);
  if (!origin) {
    return { ok: false, problem: 'Trailguide can only work on web pages: addresses that start with https:// or http://.' };
  }
  // One site at a time: a "*" would ask for a whole family of sites.
  if (url.hostname.includes('*')) return { ok: false, problem: `Type one site's address, ${EXAMPLE}.` };
  if (isBuiltinSite(origin)) {
    return {
      ok: false,
      problem: `Trailguide already works on ${url.hostname}: it is one of the consoles it knows. Open your audit log there and the panel appears by itself.`,
    };
  }
  return { ok: true, origin, host: url.hostname };
}

/** "https://host" of a web page's address (port and path dropped); null for anything that is not a web page. */
export function webOrigin(address: string | undefined): string | null {
  try {
    const url = new URL(address ?? '');
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}` : null;
  } catch {
    return null;
  }
}

/** True where Trailguide runs without asking (its built-in hosts). */
export function isBuiltinSite(origin: string): boolean {
  return BUILTIN_HOST_PATTERNS.some((pattern) => urlPatternToRegExp(pattern).test(`${origin}/`));
}

/** The browser's permission (and content-script match) pattern for a site. */
export function sitePattern(origin: string): string {
  return `${origin}/*`;
}

/** Detector URL patterns for one self-hosted path on a site, with or without a port. */
export function siteIncludes(origin: string, path: string): string[] {
  return [`${origin}${path}`, `${origin}:*${path}`];
}

/** "https://audit.acme.example" → "audit.acme.example", for sentences. */
export function siteHost(origin: string): string {
  return origin.replace(/^[a-z]+:\/\//, '');
}

/**
 * The sites outside the built-in consoles that adapters name in their `include`
 * patterns (a team's pack for its in-house console): each needs the person's yes
 * before Trailguide can run there. Patterns with a "*" in the host name a family of
 * sites, which can't be allowed one at a time, so they are left out.
 */
export function adapterSites(includes: readonly string[]): string[] {
  const sites = new Set<string>();
  for (const pattern of includes) {
    const match = /^(https?):\/\/([^/:*?#@]+)(?::[^/]*)?(?:\/|$)/i.exec(pattern);
    if (!match) continue;
    const origin = `${match[1]!.toLowerCase()}://${match[2]!.toLowerCase()}`;
    if (!isBuiltinSite(origin)) sites.add(origin);
  }
  return [...sites].sort();
}
