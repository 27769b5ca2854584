/**
 * Hosts of the consoles Trailguide ships adapters for. These — and only these —
 * become host permissions and content-script matches (DESIGN.md §3.6). Anything
 * else is asked for at run time, per site, through optional permissions.
 */
export const STORE_HOST_PATTERNS = [
  'https://github.com/*',
  'https://*.okta.com/*',
  'https://*.oktapreview.com/*',
  'https://console.aws.amazon.com/*',
  'https://*.console.aws.amazon.com/*',
  'https://console.cloud.google.com/*',
  'https://app.datadoghq.com/*',
  'https://app.datadoghq.eu/*',
  'https://us3.datadoghq.com/*',
  'https://us5.datadoghq.com/*',
  'https://manage.auth0.com/*',
  'https://admin.google.com/*',
  'https://dash.cloudflare.com/*',
  'https://dashboard.stripe.com/*',
  'https://admin.atlassian.com/*',
] as const;

/**
 * This computer: the bundled demo console (`npm run demo`) and local development
 * consoles. Built in only for development, demo and test builds (`npm start`,
 * `npm test`, `npm run bench`, `npm run build:demo`); a store build (`npm run build`,
 * `build:firefox`, `zip`) leaves them out, and there the demo is allowed like any
 * self-hosted console (Settings → Sites).
 */
export const DEMO_HOST_PATTERNS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/** The built-in hosts of one kind of build: the store's, with this computer's in front for demo builds. */
export function builtinHostPatterns(demoHosts: boolean): string[] {
  return demoHosts ? [...DEMO_HOST_PATTERNS, ...STORE_HOST_PATTERNS] : [...STORE_HOST_PATTERNS];
}

/**
 * Whether a build keeps the demo hosts: `wxt.config.ts` decides (demoHostsWanted) and
 * writes the answer into every bundle as `__TRAILGUIDE_DEMO_HOSTS__`. Code that no WXT
 * build bundled (unit tests, the bench's Node bundles) runs as a demo build would.
 */
declare const __TRAILGUIDE_DEMO_HOSTS__: boolean | undefined;
export const DEMO_HOSTS_BUILT_IN: boolean = typeof __TRAILGUIDE_DEMO_HOSTS__ === 'boolean' ? __TRAILGUIDE_DEMO_HOSTS__ : true;

/** The built-in hosts of this build. */
export const BUILTIN_HOST_PATTERNS: readonly string[] = builtinHostPatterns(DEMO_HOSTS_BUILT_IN);

/**
 * The build-time switch, read by `wxt.config.ts`: the WXT dev server (`command` "serve")
 * and builds run with `TRAILGUIDE_DEMO_HOSTS=1` keep the demo hosts; every other build —
 * the store's — leaves them out, so forgetting the switch gives the safe build.
 */
export function demoHostsWanted(command: string, env: Record<string, string | undefined>): boolean {
  return command === 'serve' || env.TRAILGUIDE_DEMO_HOSTS === '1';
}

/** A browser match pattern's host lies within `hosts` ("*.okta.com" covers "acme.okta.com"); schemes must agree. */
export function onHosts(matchPattern: string, hosts: readonly string[]): boolean {
  const hostOf = (pattern: string) => /^[a-z*]+:\/\/([^/]+)/i.exec(pattern)?.[1] ?? '';
  const schemeOf = (pattern: string) => pattern.slice(0, pattern.indexOf('://'));
  const host = hostOf(matchPattern);
  return hosts.some((builtin) => {
    if (schemeOf(builtin) !== schemeOf(matchPattern)) return false;
    const allowed = hostOf(builtin);
    if (!allowed.startsWith('*.')) return host === allowed;
    const domain = allowed.slice(2);
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    return bare === domain || bare.endsWith(`.${domain}`);
  });
}

/** What a user may grant later, one site at a time, for self-hosted consoles. */
export const OPTIONAL_HOST_PATTERNS = ['https://*/*', 'http://*/*'] as const;
