import { browser } from 'wxt/browser';
import { matchPatternsFor } from '../chrome-patterns';
import { candidatesFor, type MatchTable } from '../detect';
import { BUILTIN_HOST_PATTERNS, onHosts } from '../hosts';
import { pageNavigated } from '../messages';
import type { Adapter } from '../schema/adapter';
import { registerHandler } from './router';

/**
 * Where the detector (entrypoints/content.ts) runs. The manifest lists it for the
 * built-in adapters' addresses (wxt.config.ts); this module adds, at run time, the
 * addresses of adapters that packs bring on the built-in hosts, and brings it to a
 * tab whose single-page console moved into an audit log (entrypoints/navwatch.ts
 * reports those moves). Allowed self-hosted sites get it on every page (sites.ts).
 */
const DETECTOR_FILE = 'content-scripts/content.js';
/** The id of the registration for adapters that packs add on the built-in hosts. */
export const PACK_ADAPTERS_SCRIPT_ID = 'trailguide-pack-adapters';

type RunAt = 'document_start' | 'document_end' | 'document_idle';

/**
 * The manifest's entry for the detector. Firefox's getManifest() gives the files as
 * full addresses (moz-extension://…/content-scripts/content.js), Chromium's as written.
 */
function declaredDetector() {
  const isDetector = (file: string) => file === DETECTOR_FILE || file.endsWith(`/${DETECTOR_FILE}`);
  return browser.runtime.getManifest().content_scripts?.find((entry) => entry.js?.some(isDetector));
}

/** The detector as the manifest declares it, so every registration runs the very same script. */
function detectorScript(): { js: string[]; runAt: RunAt } {
  const declared = declaredDetector();
  return { js: [DETECTOR_FILE], runAt: (declared?.run_at as RunAt | undefined) ?? 'document_start' };
}

/** The match patterns the manifest already gives the detector. */
function declaredMatches(): Set<string> {
  return new Set(declaredDetector()?.matches ?? []);
}

/**
 * Keeps one registration of the detector on `matches` (removes it when there are
 * none). Registrations persist across browser restarts; the worker wakes often, so
 * it writes only when something changed.
 */
export async function syncDetectorRegistration(id: string, matches: readonly string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
    return;
  }
  const script = { id, matches: [...matches], ...detectorScript(), persistAcrossSessions: true };
  const [current] = existing;
  if (!current) return browser.scripting.registerContentScripts([script]);
  const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(current.matches, script.matches) && same(current.js, script.js) && current.runAt === script.runAt) return;
  await browser.scripting.updateContentScripts([script]);
}

/** A browser match pattern's host lies within Trailguide's built-in hosts ("*.okta.com" covers "acme.okta.com"). */
export function onBuiltinHost(matchPattern: string): boolean {
  return onHosts(matchPattern, BUILTIN_HOST_PATTERNS);
}

/** Registers the detector for the addresses of adapters from packs that the manifest does not cover yet. */
export async function syncPackAdapterScripts(adapters: readonly Adapter[]): Promise<void> {
  const declared = declaredMatches();
  const extra = matchPatternsFor(adapters.flatMap((a) => a.match.include)).filter((p) => onBuiltinHost(p) && !declared.has(p));
  await syncDetectorRegistration(PACK_ADAPTERS_SCRIPT_ID, extra);
}

/**
 * Sends the detector a message; false only when nothing in the tab listens. The
 * detector answers no message, so "the port closed without an answer" means it is there.
 */
export function detectorAnswers(tabId: number, message: { type: string }): Promise<boolean> {
  return browser.tabs.sendMessage(tabId, message).then(
    () => true,
    (error: unknown) => !/receiving end does not exist|could not establish connection/i.test(String((error as Error)?.message ?? error)),
  );
}

/** Runs the detector in a tab's page; false where the browser refuses (no permission, a closed tab). */
export async function reachTab(tabId: number): Promise<boolean> {
  return browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [`/${DETECTOR_FILE}` as '/content-scripts/content.js'] })
    .then(() => true)
    .catch(() => false);
}

/**
 * A single-page console moved within itself (entrypoints/navwatch.ts says so). Where
 * an adapter's address fits now and the tab has no detector yet, bring it. The
 * address comes from the browser (the sender), never from the page's message.
 */
export function registerNavigationHandler(matchTable: () => Promise<MatchTable>): void {
  registerHandler('page:navigated', pageNavigated, 'content-script', async (_message, sender) => {
    const tabId = sender.tab?.id;
    // The tab's address: a sender's own `url` stays at the document's first address
    // after in-app navigations (seen in Chromium 156), the tab's follows them.
    const url = sender.tab?.url ?? sender.url;
    if (tabId === undefined || !url) return { reached: false };
    // Not storage.local's copy: a message that wakes the worker can arrive before
    // start-up has published it (a fresh profile, a busy machine).
    const table = await matchTable();
    if (candidatesFor(table, url).length === 0) {
      // The page's message can arrive before the browser has moved the tab's own
      // address along (a pushState races the tab update): wait for that update once.
      const moved = await nextAddressOf(tabId, url);
      if (!moved || candidatesFor(table, moved).length === 0) return { reached: false };
    }
    if (await detectorAnswers(tabId, { type: 'host:ping' })) return { reached: false };
    return { reached: await reachTab(tabId) };
  });
}

/** How long a tab's address may lag behind the page's own move. */
export const ADDRESS_LAG_MS = 2_000;

/**
 * The tab's address once it differs from `seen` (it may already have), as the
 * browser reports it; null when it does not change within ADDRESS_LAG_MS.
 */
function nextAddressOf(tabId: number, seen: string): Promise<string | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (address: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve(address);
    };
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === tabId && change.url && change.url !== seen) finish(change.url);
    };
    const timer = setTimeout(() => finish(null), ADDRESS_LAG_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.get(tabId).then(
      (tab) => {
        if (tab?.url && tab.url !== seen) finish(tab.url);
      },
      () => finish(null),
    );
  });
}
