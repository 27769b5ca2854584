import { browser } from 'wxt/browser';
import { siteHost, sitePattern } from '../sites';
import { CONSOLE_SITES_KEY } from '../storage-keys';

/**
 * Self-hosted consoles (DESIGN.md §3.6: anything beyond the built-in hosts only
 * through a permission the person grants, one site at a time). The list of sites
 * the person added lives in storage.local; a site is *in force* while it is on
 * that list and the browser still grants its permission (people can take it back
 * in the browser's own settings). The detector is registered on exactly the sites
 * in force, so a permission granted for another reason (reading a pack from a
 * site) never makes Trailguide run on that site's pages.
 */

export interface SiteRecord {
  origin: string;
  addedAt: number;
}

export interface SiteView extends SiteRecord {
  host: string;
  /** False when the browser's permission was taken back since. */
  allowed: boolean;
}

/** The id of our one dynamically registered content script. */
export const SITES_SCRIPT_ID = 'trailguide-sites';

function isSiteRecord(value: unknown): value is SiteRecord {
  const record = value as SiteRecord | null;
  return typeof record?.origin === 'string' && typeof record.addedAt === 'number';
}

export async function readSites(): Promise<SiteRecord[]> {
  const stored: unknown = (await browser.storage.local.get(CONSOLE_SITES_KEY))[CONSOLE_SITES_KEY];
  return Array.isArray(stored) ? stored.filter(isSiteRecord) : [];
}

export async function writeSites(sites: readonly SiteRecord[]): Promise<void> {
  await browser.storage.local.set({ [CONSOLE_SITES_KEY]: sites });
}

export async function siteAllowed(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [sitePattern(origin)] });
  } catch {
    return false;
  }
}

export async function siteViews(): Promise<SiteView[]> {
  const sites = await readSites();
  return Promise.all(sites.map(async (site) => ({ ...site, host: siteHost(site.origin), allowed: await siteAllowed(site.origin) })));
}

/** Origins of the sites in force: on the list, and still granted. */
export async function sitesInForce(): Promise<string[]> {
  return (await siteViews()).filter((site) => site.allowed).map((site) => site.origin);
}

/** The detector as the manifest declares it, so the sites get the very same script. */
function detectorScript(): { js: string[]; runAt: 'document_start' | 'document_end' | 'document_idle' } {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  return { js: declared?.js ?? ['content-scripts/content.js'], runAt: (declared?.run_at as 'document_idle' | undefined) ?? 'document_idle' };
}

/**
 * Registers the detector on the sites in force (or removes it when there are
 * none). Registrations persist across browser restarts; this brings them in line
 * after any change of list or permission.
 */
export async function syncSiteScripts(origins: readonly string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (origins.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
    return;
  }
  const script = { id: SITES_SCRIPT_ID, matches: origins.map(sitePattern), ...detectorScript(), persistAcrossSessions: true };
  const [current] = existing;
  if (!current) return browser.scripting.registerContentScripts([script]);
  const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);
  // The worker wakes often; only write when something changed.
  if (same(current.matches, script.matches) && same(current.js, script.js) && current.runAt === script.runAt) return;
  await browser.scripting.updateContentScripts([script]);
}

/**
 * A site just allowed may already be open in tabs: give them the detector now
 * rather than asking the person to reload. Returns how many tabs got it.
 */
export async function reachOpenTabs(origin: string): Promise<number> {
  const tabs = await browser.tabs.query({ url: sitePattern(origin) }).catch(() => []);
  let reached = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    // A tab may still run the detector from before the site was removed: never run two.
    if ((await detectorAnswers(tab.id, { type: 'host:ping' })) || (await reachTab(tab.id))) reached += 1;
  }
  return reached;
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
  // The manifest names the file as WXT built it; executeScript wants the same path from the root.
  const files = detectorScript().js.map((file) => `/${file.replace(/^\//, '')}`) as ['/content-scripts/content.js'];
  return browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files })
    .then(() => true)
    .catch(() => false);
}
