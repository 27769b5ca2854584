/**
 * Page recognition. This module is bundled into the content script that runs on
 * every matched page, so it must stay tiny and import nothing (DESIGN.md §4).
 */

/** What the background publishes for content scripts: only what detection needs. */
export interface MatchEntry {
  id: string;
  include: string[];
  exclude: string[];
  present: string[][];
  absent: string[][];
}
export interface MatchTable {
  version: number;
  adapters: MatchEntry[];
}

const patternCache = new Map<string, RegExp>();

/**
 * "*" matches any run of characters; everything else is literal; the whole URL
 * must match. In the scheme and host part a "*" never crosses "/", "?", "#" or "@" (credentials), so
 * "https://*.okta.com/*" cannot match "https://evil.example/?x.okta.com/".
 */
export function urlPatternToRegExp(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const schemeEnd = pattern.indexOf('://');
    const pathStart = schemeEnd < 0 ? 0 : pattern.indexOf('/', schemeEnd + 3);
    const hostEnd = pathStart < 0 ? pattern.length : pathStart;
    const toSource = (part: string, star: string) =>
      part
        .split('*')
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join(star);
    const source = toSource(pattern.slice(0, hostEnd), '[^/?#@]*') + toSource(pattern.slice(hostEnd), '.*');
    re = new RegExp(`^${source}$`);
    patternCache.set(pattern, re);
  }
  return re;
}

/**
 * A cheap necessary condition for `urlPatternToRegExp(pattern).test(url)`: the URL
 * starts with the text before the first "*", ends with the text after the last one,
 * and holds the pieces in between in order. Most patterns in the table name another
 * host or path, so this rules them out without building (and compiling) a regular
 * expression on every page load of a host we run on.
 */
export function couldMatch(pattern: string, url: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return url === pattern;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (url.length < first.length + last.length || !url.startsWith(first) || !url.endsWith(last)) return false;
  let from = first.length;
  const end = url.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = url.indexOf(piece, from);
    if (at < 0 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}

const fits = (pattern: string, url: string) => couldMatch(pattern, url) && urlPatternToRegExp(pattern).test(url);

export function urlMatches(entry: Pick<MatchEntry, 'include' | 'exclude'>, url: string): boolean {
  return entry.include.some((p) => fits(p, url)) && !entry.exclude.some((p) => fits(p, url));
}

/**
 * Finds an element by the first working alternative. " >>> " steps into an
 * open shadow root or a same-origin iframe.
 */
export function queryDeep(root: ParentNode, selector: string): Element | null {
  const parts = selector.split(' >>> ');
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (const part of parts) {
    if (!scope) return null;
    try {
      found = scope.querySelector(part);
    } catch {
      return null; // an invalid selector from a pack finds nothing rather than throwing
    }
    if (!found) return null;
    scope = found.shadowRoot ?? (found instanceof HTMLIFrameElement ? safeFrameDocument(found) : found);
  }
  return found;
}

function safeFrameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

export function anyPresent(root: ParentNode, alternatives: readonly string[]): boolean {
  return alternatives.some((selector) => queryDeep(root, selector) !== null);
}

export function fingerprintMatches(entry: Pick<MatchEntry, 'present' | 'absent'>, root: ParentNode): boolean {
  return entry.present.every((alts) => anyPresent(root, alts)) && !entry.absent.some((alts) => anyPresent(root, alts));
}

/** Adapters whose URL patterns fit; cheap, done before any DOM work. */
export function candidatesFor(table: MatchTable, url: string): MatchEntry[] {
  return table.adapters.filter((entry) => urlMatches(entry, url));
}
