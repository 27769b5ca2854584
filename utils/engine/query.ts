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

type RowQuery = (row: Element) => Element | null;

/**
 * Inside a result row: ":scope" means the row itself (for ids kept on the row element).
 *
 * A cell finder for the capture hot path. Chromium answers element-scoped
 * queries with a combinator ("td.col-time time") through a slow generic path —
 * measured at 100× a single compound ("td.col-time") — so simple chains are
 * walked one compound at a time, with the full selector as the fallback when the
 * walk misses (the first "td" might lack the "time" a later one has).
 */
export function compileRowQuery(selectors: readonly string[]): RowQuery {
  const queries = selectors.map(compileOne);
  if (queries.length === 1) return queries[0]!;
  return (row) => {
    for (const query of queries) {
      const found = query(row);
      if (found) return found;
    }
    return null;
  };
}

/** Compounds and combinators only; attributes allowed when their values hold no space, quote or backslash (`td[field="user"] span`). */
const SIMPLE_CHAIN = /^(?:[^\[\]()'",+~\\]|\[[\w-]+(?:="[^"\s\\\]]*")?\])+$/;

function compileOne(selector: string): RowQuery {
  if (selector === ':scope') return (row) => row;
  const full: RowQuery = (row) => {
    try {
      return row.querySelector(selector);
    } catch {
      return null;
    }
  };
  if (!SIMPLE_CHAIN.test(selector)) return full;
  const steps = selector.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  if (steps.length === 1 || steps[0] === '>' || steps[steps.length - 1] === '>') return full;
  const chain: { compound: string; child: boolean }[] = [];
  for (let i = 0; i < steps.length; i++) {
    const child = steps[i] === '>';
    if (child) i++;
    chain.push({ compound: steps[i]!, child });
  }
  return (row) => {
    let scope: Element | null = row;
    try {
      for (const step of chain) {
        const next: Element | null = scope.querySelector(step.compound);
        if (!next || (step.child && next.parentElement !== scope)) return full(row);
        scope = next;
      }
      return scope;
    } catch {
      return null;
    }
  };
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
