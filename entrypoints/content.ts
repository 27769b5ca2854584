import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { candidatesFor, fingerprintMatches, type MatchEntry, type MatchTable } from '../utils/detect';
import { BUILTIN_HOST_PATTERNS } from '../utils/hosts';
import { createPanelHost, showReconnectNotice, type PanelHost } from '../utils/panel-host';
import { MATCH_TABLE_KEY, panelOpenKey } from '../utils/storage-keys';

/**
 * Runs on every page of the built-in consoles' hosts. It must stay tiny: a URL
 * test first, then — only where an adapter's URL fits — a DOM fingerprint check.
 * Everything else (fill, capture) is injected on demand, never here.
 */
export default defineContentScript({
  matches: [...BUILTIN_HOST_PATTERNS],
  runAt: 'document_idle',
  // Otherwise WXT posts "<extension id>:content:wxt:content-script-started" to the
  // page's window: every page would learn that Trailguide is installed, and its id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // WXT stops a content script when a newer copy of it dispatches that event on
    // `document`. A page can dispatch it too (the name is our public id) and tear the
    // panel down. Chrome never re-injects content.js into an open tab, so there is no
    // genuine newer copy: swallow the event before WXT's listener hears it.
    // (WXT names it `${runtime id}:${entrypoint}:wxt:content-script-started`; test/e2e/security-messages.spec.ts fires it.)
    window.addEventListener(`${browser.runtime.id}:content:wxt:content-script-started`, (event) => event.stopImmediatePropagation(), {
      capture: true,
    });
    const FINGERPRINT_WAIT_MS = 15_000;
    let table: MatchTable | undefined;
    let host: PanelHost | undefined;
    let lastUrl = '';
    let stopWaiting: (() => void) | undefined;
    /** The panel was opened by hand on a page no adapter knows, to teach Trailguide this page. */
    let teaching = false;
    const openKey = panelOpenKey(location.origin);

    async function loadTable(): Promise<MatchTable> {
      const stored = (await browser.storage.local.get(MATCH_TABLE_KEY))[MATCH_TABLE_KEY] as MatchTable | undefined;
      return stored ?? ((await browser.runtime.sendMessage({ type: 'detect:table' })) as MatchTable);
    }

    let watchdog: ReturnType<typeof setInterval> | undefined;
    /**
     * After an update or reload the browser cuts this script off from the extension
     * and never injects the new one into open tabs, leaving a dead panel frame. While
     * a panel is shown, notice that, take the frame away and offer a page reload
     * (which brings the new content script) — quietly, without touching dead APIs.
     */
    function watchForDisconnect() {
      watchdog ??= setInterval(() => {
        if (browser.runtime?.id) return;
        clearInterval(watchdog);
        stopWaiting?.();
        const hadPanel = host !== undefined;
        host?.remove();
        host = undefined;
        if (hadPanel) showReconnectNotice();
        void ctx.isInvalid; // lets WXT drop the listeners it holds
      }, 1_000);
    }

    async function show(entry: MatchEntry) {
      if (ctx.isInvalid) return;
      teaching = false;
      if (!host) {
        const open = (await browser.storage.local.get(openKey))[openKey] !== false;
        if (ctx.isInvalid) return;
        host = host ?? createPanelHost(`${browser.runtime.getURL('/panel.html')}#adapter=${encodeURIComponent(entry.id)}`, open);
        watchForDisconnect();
      }
      void browser.runtime
        .sendMessage({ type: 'page:changed', url: location.href, adapterId: entry.id })
        .catch(() => undefined);
    }

    function hide() {
      if (teaching) return; // stays until the person closes it, whatever the address does
      host?.remove();
      host = undefined;
    }

    function check() {
      if (!table || ctx.isInvalid) return;
      const url = location.href;
      if (url === lastUrl) return;
      lastUrl = url;
      stopWaiting?.();
      const candidates = candidatesFor(table, url);
      if (candidates.length === 0) return hide();
      const found = () => candidates.find((entry) => fingerprintMatches(entry, document));
      const immediate = found();
      if (immediate) return void show(immediate);
      // Single-page consoles render after the URL changes: watch briefly, batched.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const observer = new MutationObserver(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          const entry = found();
          if (entry) {
            stopWaiting?.();
            void show(entry);
          }
        }, 50);
      });
      const giveUp = setTimeout(() => {
        stopWaiting?.();
        hide();
      }, FINGERPRINT_WAIT_MS);
      observer.observe(document.documentElement, { childList: true, subtree: true });
      stopWaiting = () => {
        observer.disconnect();
        clearTimeout(giveUp);
        if (timer) clearTimeout(timer);
        stopWaiting = undefined;
      };
    }

    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && openKey in changes && host) host.setOpen(changes[openKey]?.newValue !== false);
      // A new or changed adapter (e.g. just taught with the builder) may recognise this page now.
      if (area === 'local' && MATCH_TABLE_KEY in changes && changes[MATCH_TABLE_KEY]?.newValue) {
        table = changes[MATCH_TABLE_KEY].newValue as MatchTable;
        lastUrl = '';
        check();
      }
    });
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'host:toggle') return;
      if (host) return void browser.storage.local.set({ [openKey]: !host.isOpen() });
      // No adapter knows this page: the shortcut or toolbar button opens the panel to teach it.
      teaching = true;
      host = createPanelHost(`${browser.runtime.getURL('/panel.html')}#teach=1`, true);
      void browser.storage.local.set({ [openKey]: true });
    });
    // In-app navigation: the history API and hash changes do not reload the page.
    ctx.addEventListener(window, 'popstate', check);
    ctx.addEventListener(window, 'hashchange', check);
    // The Navigation API (Chromium) reports pushState at once and costs nothing while
    // idle; only where it is missing (Firefox) does WXT's once-a-second watcher poll.
    const navigation = (window as { navigation?: EventTarget }).navigation;
    if (navigation) {
      navigation.addEventListener('currententrychange', check);
      ctx.onInvalidated(() => navigation.removeEventListener('currententrychange', check));
    } else {
      ctx.addEventListener(window, 'wxt:locationchange', check);
    }
    ctx.onInvalidated(() => {
      stopWaiting?.();
      teaching = false;
      hide();
    });

    void loadTable().then((loaded) => {
      table = loaded;
      check();
    });
  },
});
