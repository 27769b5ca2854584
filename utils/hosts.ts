/**
 * Hosts of the consoles Trailguide ships adapters for. These — and only these —
 * become host permissions and content-script matches (DESIGN.md §3.6). Anything
 * else is asked for at run time, per site, through optional permissions.
 */
export const BUILTIN_HOST_PATTERNS = [
  // The bundled demo console and self-hosted development consoles.
  'http://127.0.0.1/*',
  'http://localhost/*',
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

/** What a user may grant later, one site at a time, for self-hosted consoles. */
export const OPTIONAL_HOST_PATTERNS = ['https://*/*', 'http://*/*'] as const;
