import { queryDeep } from '../detect';

/**
 * Selector helpers shared by the engines. Adapter selectors are lists of
 * alternatives tried in order; the one that worked is reported so a pack author
 * can see which of their guesses the page actually matched.
 */
export interface Found<E extends Element = Element> {
  element: E;
  selectorUsed: string;
}

export function findFirst(root: ParentNode, selectors: readonly string[]): Found | null {
  for (const selector of selectors) {
    const element = queryDeep(root, selector);
    if (element) return { element, selectorUsed: selector };
  }
  return null;
}

/**
 * Every element for the first alternative that finds any. " >>> " steps into
 * shadow roots / same-origin iframes for all but the last part, like queryDeep.
 */
export function findAll(root: ParentNode, selectors: readonly string[]): { elements: Element[]; selectorUsed: string | null } {
  for (const selector of selectors) {
    const elements = queryAllDeep(root, selector);
    if (elements.length > 0) return { elements, selectorUsed: selector };
  }
  return { elements: [], selectorUsed: null };
}

export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const parts = selector.split(' >>> ');
  const last = parts.pop()!;
  let scope: ParentNode | null = root;
  if (parts.length > 0) {
    const host = queryDeep(root, parts.join(' >>> '));
    scope = host ? (host.shadowRoot ?? frameDocument(host) ?? host) : null;
  }
  if (!scope) return [];
  try {
    return Array.from(scope.querySelectorAll(last));
  } catch {
    return []; // an invalid selector from a pack finds nothing rather than throwing
  }
}

function frameDocument(element: Element): Document | null {
  if (element.tagName !== 'IFRAME') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** Inside a result row: ":scope" means the row itself (for ids kept on the row element). */
export function findInRow(row: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    if (selector === ':scope') return row;
    try {
      const found = row.querySelector(selector);
      if (found) return found;
    } catch {
      // invalid selector: try the next alternative
    }
  }
  return null;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** The window an element lives in (an iframe's element has its own prototypes). */
export function windowOf(element: Element): Window & typeof globalThis {
  return (element.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

/**
 * Waits until `find()` returns something, re-checking on DOM changes (batched)
 * and on a slow poll as a safety net; null after `timeoutMs`.
 */
export function waitForElement<T>(
  doc: Document,
  find: () => T | null,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T | null> {
  const immediate = find();
  if (immediate !== null || timeoutMs <= 0) return Promise.resolve(immediate);
  return new Promise((resolve) => {
    let scheduled = false;
    const check = () => {
      scheduled = false;
      const found = find();
      if (found !== null) finish(found);
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(check);
    });
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, attributes: true });
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => finish(null), timeoutMs);
    const onAbort = () => finish(null);
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(value: T | null) {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    }
  });
}
