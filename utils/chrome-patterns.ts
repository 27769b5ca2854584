/**
 * Adapters' URL patterns say more than the browser's match patterns can: a port,
 * a "*" inside a host name, a query or a "#" route. To have the browser inject the
 * detector only where an adapter could fit, each pattern is widened to a match
 * pattern that covers at least the same addresses; the detector then applies the
 * exact pattern itself. Pure: used by the build (wxt.config.ts) and the background.
 */

/** The smallest browser match pattern that covers every address `pattern` fits; null when none can. */
export function toMatchPattern(pattern: string): string | null {
  const scheme = /^(https?|\*):\/\//i.exec(pattern);
  if (!scheme) return null;
  const rest = pattern.slice(scheme[0].length);
  const hostEnd = rest.search(/[/?#]/);
  const rawHost = (hostEnd < 0 ? rest : rest.slice(0, hostEnd)).replace(/:(\*|\d+)$/, '');
  if (!rawHost || /[:@]/.test(rawHost)) return null;
  const host = widenHost(rawHost);
  let path = hostEnd < 0 ? '/' : rest.slice(hostEnd);
  if (!path.startsWith('/')) path = `/${path}`;
  // Browsers match no "#" route, and queries differ between browsers: cut both off.
  path = path.replace(/[?#].*$/, '');
  if (!path.endsWith('*')) path += '*';
  return `${scheme[1]!.toLowerCase()}://${host}${path.replace(/\*+/g, '*')}`;
}

/** "*-admin.okta.com" → "*.okta.com": browsers allow a "*" only as the whole first label. */
function widenHost(host: string): string {
  const star = host.lastIndexOf('*');
  if (star < 0) return host.toLowerCase();
  const dot = host.indexOf('.', star);
  return dot < 0 ? '*' : `*${host.slice(dot).toLowerCase()}`;
}

/** Every adapter pattern widened, without repeats, in a stable order. */
export function matchPatternsFor(patterns: readonly string[]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const widened = toMatchPattern(pattern);
    if (widened) out.add(widened);
  }
  return [...out].sort();
}
