import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { candidatesFor, fingerprintMatches, type MatchEntry, type MatchTable } from '../utils/detect';
import { betterMatch } from '../utils/detect-rank';
import { BUILTIN_HOST_PATTERNS } from '../utils/hosts';
import { createPanelHost, showReconnectNotice, type PanelHost } from '../utils/panel-host';
import { MATCH_TABLE_KEY, PANEL_PLACE_KEY, panelOpenKey, panelWidthKey } from '../utils/storage-keys';

/** How long a page whose address fits an adapter may take to show the adapter's markup. */
const FINGERPRINT_WAIT_MS = 15_000;
/** How long a frame started early, hidden, waits for the markup before it is taken away again. */
const PRESTART_MS = 3_000;
/** Fingerprint checks while the page changes: at most one per this many ms. */
const CHECK_EVERY_MS = 50;

/**
 * Runs on every page of the built-in consoles' hosts, so it must stay tiny and, on
 * pages no adapter knows, nearly free: one storage read, a URL test, one message
 * listener, three DOM listeners. Everything else — listening for storage changes,
 * the DOM fingerprint, the panel — starts only where an adapter's URL fits (or the
 * person asks for the panel, or the page navigates). Fill and capture are injected
 * on demand, never here.
 *
 * It does not use WXT's ContentScriptContext (`main`'s argument): its watcher and
 * invalidation hooks cost time on every page, and a page can fire the event that
 * invalidates it. The disconnect watchdog below covers what it was used for.
 */
export default defineContentScript({
  // Listed in the manifest by wxt.config.ts (only where a built-in adapter's address fits)
  // and registered at run time for other adapters and allowed sites (utils/background).
  registration: 'runtime',
  matches: [...BUILTIN_HOST_PATTERNS],
  // The table is read while the page loads, and where an adapter's URL fits the panel's
  // frame starts (hidden) long before the page is ready: its own process and first render
  // overlap the page's load. document_idle started it ~0.5 s later (docs/performance.md);
  // document_end was no earlier than idle on the demo console.
  runAt: 'document_start',
  // Otherwise WXT posts "<extension id>:content:wxt:content-script-started" to the
  // page's window: every page would learn that Trailguide is installed, and its id.
  noScriptStartedPostMessage: true,
  main() {
    startDetector();
  },
});

function startDetector(): void {
  let table: MatchTable | undefined;
  let host: PanelHost | undefined;
  let lastUrl = '';
  let stopWaiting: (() => void) | undefined;
  /** The panel was opened by hand on a page no adapter knows, to teach Trailguide this page. */
  let teaching = false;
  /** Cut off from the extension (updated or reloaded): do nothing more. */
  let dead = false;
  const openKey = panelOpenKey(location.origin);
  /** The docked panel's width on this site, read with the table; kept up to date by the listener. */
  const widthKey = panelWidthKey(location.origin);
  let width: number | undefined;
  /** Widths this tab saved whose change events haven't come back yet: their late echo must not undo a later resize. */
  const saving: number[] = [];
  /** The panel is in the browser's own side panel (a setting): no frame in the page, only which adapter fits. */
  let inSidePanel = false;
  /** The adapter that recognised this page, for a side panel that asks (`host:which`). */
  let recognised: string | null = null;
  /** The open/closed state read together with the table, for a panel the first check starts. */
  let openAtStart: boolean | undefined;

  const frameUrl = (hash: string) => `${browser.runtime.getURL('/panel.html')}#${hash}`;
  /** A panel frame, docked at this site's width; a resize is remembered for the site. */
  const newHost = (hash: string, open: boolean, revealed?: boolean) =>
    createPanelHost(frameUrl(hash), open, revealed, {
      width,
      onResized: (next) => {
        width = next;
        if (!alive()) return;
        saving.push(next);
        browser.storage.local.set({ [widthKey]: next }).catch(() => saving.splice(saving.indexOf(next), 1));
      },
    });
  /**
   * What the last check decided, kept in this script's isolated world (the page's own
   * scripts cannot see it) so end-to-end tests can wait for "the detector has looked at
   * this address" instead of sleeping before they check that no panel appeared.
   */
  const verdict = (outcome: 'not-an-audit-log' | 'waiting' | 'shown' | 'gave-up' | 'disconnected') =>
    ((globalThis as { __trailguideDetector?: unknown }).__trailguideDetector = { url: location.href, outcome });
  const alive = () => !dead && browser.runtime?.id !== undefined;

  async function openState(): Promise<boolean> {
    if (openAtStart !== undefined) {
      const open = openAtStart;
      openAtStart = undefined;
      return open;
    }
    return (await browser.storage.local.get(openKey))[openKey] !== false;
  }

  let listening = false;
  /**
   * Storage changes (a new adapter, the panel opened or closed in another tab) matter
   * only once a panel may appear here; an unrelated page never pays for the listener.
   */
  function listenForChanges() {
    if (listening || !alive()) return;
    listening = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (dead || area !== 'local') return;
      if (openKey in changes && host) host.setOpen(changes[openKey]?.newValue !== false);
      if (widthKey in changes) {
        const saved = changes[widthKey]?.newValue as number | undefined;
        // Changes arrive in the order they were saved: the oldest own save comes back first.
        if (saving.length > 0 && saved === saving[0]) saving.shift();
        else {
          width = saved;
          if (host && typeof width === 'number') host.setWidth(width);
        }
      }
      // A new or changed adapter (e.g. just taught with the builder) may recognise this page now.
      if (MATCH_TABLE_KEY in changes && changes[MATCH_TABLE_KEY]?.newValue) {
        table = changes[MATCH_TABLE_KEY].newValue as MatchTable;
        lastUrl = '';
        check();
      }
    });
  }

  let watchdog: ReturnType<typeof setInterval> | undefined;
  /**
   * After an update or reload the browser cuts this script off from the extension
   * and never injects the new one into open tabs, leaving a dead panel frame. While
   * a panel exists, notice that, take the frame away and offer a page reload
   * (which brings the new content script) — quietly, without touching dead APIs.
   */
  function watchForDisconnect() {
    watchdog ??= setInterval(() => {
      if (browser.runtime?.id) return;
      clearInterval(watchdog);
      const hadPanel = host?.isRevealed() === true;
      shutDown();
      if (hadPanel) showReconnectNotice();
    }, 1_000);
  }

  function shutDown() {
    dead = true;
    verdict('disconnected');
    stopWaiting?.();
    host?.remove();
    host = undefined;
    removeEventListener('popstate', check);
    removeEventListener('hashchange', check);
    navigation?.removeEventListener('currententrychange', check);
    clearInterval(addressPoll);
  }

  /** The page is recognised: show the panel (started early if the URL fitted first). */
  async function show(entry: MatchEntry) {
    teaching = false;
    recognised = entry.id;
    if (inSidePanel) {
      verdict('shown');
      return void browser.runtime.sendMessage({ type: 'page:changed', url: location.href, adapterId: entry.id }).catch(() => undefined);
    }
    if (!host) {
      const open = await openState();
      if (!alive()) return;
      host ??= newHost(`adapter=${encodeURIComponent(entry.id)}`, open);
    }
    host.reveal();
    verdict('shown');
    watchForDisconnect();
    void browser.runtime.sendMessage({ type: 'page:changed', url: location.href, adapterId: entry.id }).catch(() => undefined);
  }

  /**
   * An adapter's URL fits but its markup is not there (yet): start the panel's frame,
   * hidden, so its process starts and it renders while the page is still loading. It
   * is shown if the markup appears, taken away otherwise.
   */
  async function prestart(entry: MatchEntry) {
    if (inSidePanel) return;
    const open = await openState();
    if (host || !alive() || lastUrl !== location.href) return;
    const early = newHost(`adapter=${encodeURIComponent(entry.id)}`, open, false);
    host = early;
    watchForDisconnect();
    setTimeout(() => {
      if (host === early && !early.isRevealed()) {
        early.remove();
        host = undefined;
      }
    }, PRESTART_MS);
  }

  function hide() {
    recognised = null;
    if (teaching) return; // stays until the person closes it, whatever the address does
    host?.remove();
    host = undefined;
  }

  function check() {
    if (!table || dead) return;
    if (!alive()) return shutDown();
    const url = location.href;
    if (url === lastUrl) return;
    // An in-app navigation (not the first check): this tab lives on, so follow changes.
    if (lastUrl) listenForChanges();
    lastUrl = url;
    stopWaiting?.();
    const candidates = candidatesFor(table, url);
    if (candidates.length === 0) {
      hide();
      return void verdict('not-an-audit-log');
    }
    listenForChanges();
    // Candidates come in the order the packs are in force (a page a person taught before the
    // built-in pack): one ranked lower may match first, and is left for a better one that does.
    let shownAt = candidates.length;
    const found = () => betterMatch(candidates, shownAt, (entry) => fingerprintMatches(entry, document));
    const showAt = (index: number) => {
      shownAt = index;
      void show(candidates[index]!);
    };
    const immediate = found();
    if (immediate === 0) return void showAt(0);
    if (immediate > 0) showAt(immediate);
    else {
      const likely = candidates[0];
      if (!host && likely) void prestart(likely);
      verdict('waiting');
    }
    // Single-page consoles render after the URL changes: watch for a while, at most
    // one check per CHECK_EVERY_MS, so a busy page costs little. A check that is due runs
    // in the observer's own callback, right after the page's script that rendered, not
    // in a later task that queues behind the rest of the page's load.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastCheck = -Infinity;
    const checkNow = () => {
      timer = undefined;
      lastCheck = performance.now();
      const index = found();
      if (index === -1) return;
      if (index === 0) stopWaiting?.();
      showAt(index);
    };
    const observer = new MutationObserver(() => {
      if (timer) return;
      const wait = lastCheck + CHECK_EVERY_MS - performance.now();
      if (wait <= 0) checkNow();
      else timer = setTimeout(checkNow, wait);
    });
    const giveUp = setTimeout(() => {
      stopWaiting?.();
      if (shownAt < candidates.length) return; // a better-ranked adapter's markup never came: the one shown stays
      hide();
      verdict('gave-up');
    }, FINGERPRINT_WAIT_MS);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    stopWaiting = () => {
      observer.disconnect();
      clearTimeout(giveUp);
      if (timer) clearTimeout(timer);
      stopWaiting = undefined;
    };
  }

  // The toolbar button and Alt+Shift+Y arrive here on every page of our hosts; the
  // background takes "nobody answered" to mean the script is missing, so it stays.
  browser.runtime.onMessage.addListener((message: unknown, sender, reply) => {
    const type = (message as { type?: unknown })?.type;
    if (dead || sender.id !== browser.runtime.id) return;
    // The side panel of this tab asks which adapter recognised the page (null: none, teach it).
    if (type === 'host:which') return void reply({ adapterId: recognised });
    if (type !== 'host:toggle' || inSidePanel) return;
    if (host?.isRevealed()) return void browser.storage.local.set({ [openKey]: !host.isOpen() });
    // No adapter knows this page (a hidden early frame does not count): open the panel to teach it.
    teaching = true;
    listenForChanges();
    host?.remove(); // a hidden early frame
    host = newHost('teach=1', true);
    watchForDisconnect();
    void browser.storage.local.set({ [openKey]: true });
  });

  // In-app navigation: the history API and hash changes do not reload the page.
  addEventListener('popstate', check);
  addEventListener('hashchange', check);
  // The Navigation API (Chromium) reports pushState at once and costs nothing while
  // idle; only where it is missing (Firefox) is the address polled once a second.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  const addressPoll = navigation ? undefined : setInterval(() => location.href !== lastUrl && check(), 1_000);
  navigation?.addEventListener('currententrychange', check);
  // Someone who leaves the tab may change packs or the panel elsewhere: follow from then on.
  const onLeave = () => {
    if (!document.hidden) return;
    document.removeEventListener('visibilitychange', onLeave);
    listenForChanges();
  };
  document.addEventListener('visibilitychange', onLeave);

  void browser.storage.local.get([MATCH_TABLE_KEY, openKey, widthKey, PANEL_PLACE_KEY]).then(async (stored) => {
    openAtStart = stored[openKey] !== false;
    inSidePanel = stored[PANEL_PLACE_KEY] === 'browser';
    if (typeof stored[widthKey] === 'number') width = stored[widthKey] as number;
    table = (stored[MATCH_TABLE_KEY] as MatchTable | undefined) ?? ((await browser.runtime.sendMessage({ type: 'detect:table' })) as MatchTable);
    check();
    openAtStart = undefined; // later panels read the state afresh
  });
}
