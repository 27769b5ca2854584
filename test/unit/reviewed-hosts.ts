/**
 * The hosts Trailguide may ask for at install, written out by hand (issue 19). The
 * manifest and utils/hosts.ts are checked against these literal lists, never against
 * the lists the manifest is built from, so widening the built-in hosts (say
 * "https://*.io/*") fails a test until someone reviews it and edits this file too.
 *
 * A store build (`npm run build`, `build:firefox`, `zip`) asks for REVIEWED_STORE_HOSTS
 * only. Development, demo and test builds (`TRAILGUIDE_DEMO_HOSTS=1`: `npm start`,
 * `npm test`, `npm run bench`, `npm run build:demo`) add this computer's addresses for
 * the bundled demo console: REVIEWED_BUILTIN_HOSTS (DESIGN.md §3.6).
 */
export const REVIEWED_STORE_HOSTS = [
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
];

/** The demo console's addresses: never in a store build. */
export const REVIEWED_DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Development, demo and test builds (and code no WXT build bundled, such as these unit tests). */
export const REVIEWED_BUILTIN_HOSTS = [...REVIEWED_DEMO_HOSTS, ...REVIEWED_STORE_HOSTS];

/** Asked for one site at a time, never granted at install. */
export const REVIEWED_OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
