import { browser } from 'wxt/browser';
import { siteHost, sitePattern } from '../sites';
import { CONSOLE_SITES_KEY } from '../storage-keys';
import { detectorAnswers, reachTab, syncDetectorRegistration } from './detector-scripts';

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

/**
 * Registers the detector on the sites in force (or removes it when there are
 * none). Registrations persist across browser restarts; this brings them in line
 * after any change of list or permission.
 */
export function syncSiteScripts(origins: readonly string[]): Promise<void> {
  return syncDetectorRegistration(SITES_SCRIPT_ID, origins.map(sitePattern));
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
