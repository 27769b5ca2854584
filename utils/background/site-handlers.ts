import { browser } from 'wxt/browser';
import { siteAddRequest, siteRemoveRequest, sitesListRequest } from '../messages';
import { parseSiteAddress, siteHost, sitePattern } from '../sites';
import { publishMatchTable } from './core-handlers';
import { registerHandler } from './router';
import { reachOpenTabs, readSites, siteAllowed, sitesInForce, siteViews, syncSiteScripts, writeSites } from './sites';

let applying: Promise<void> = Promise.resolve();

/**
 * Brings the detector's registration and the published match table in line with
 * the sites in force. Calls queue behind each other: two registrations racing
 * would trip over the same script id.
 */
export function applySites(): Promise<void> {
  applying = applying
    .catch(() => undefined)
    .then(async () => {
      await syncSiteScripts(await sitesInForce());
      await publishMatchTable();
    });
  return applying;
}

export function registerSiteHandlers(): void {
  registerHandler('sites:list', sitesListRequest, 'extension-page', async () => ({ sites: await siteViews() }));

  // The options page asks the browser first (only a click there can show the prompt),
  // then tells us; we trust the browser's answer, not the message.
  registerHandler('sites:add', siteAddRequest, 'extension-page', async ({ origin }) => {
    const parsed = parseSiteAddress(origin);
    if (!parsed.ok) throw new Error(parsed.problem);
    if (!(await siteAllowed(parsed.origin))) {
      throw new Error(`Your browser didn't let Trailguide work on ${parsed.host}, so nothing changed. Try again and choose “Allow”.`);
    }
    const sites = await readSites();
    if (!sites.some((site) => site.origin === parsed.origin)) {
      await writeSites([...sites, { origin: parsed.origin, addedAt: Date.now() }]);
    }
    await applySites();
    return { host: parsed.host, tabsReached: await reachOpenTabs(parsed.origin) };
  });

  registerHandler('sites:remove', siteRemoveRequest, 'extension-page', async ({ origin }) => {
    const sites = await readSites();
    if (!sites.some((site) => site.origin === origin)) {
      throw new Error(`${siteHost(origin)} isn't on your list of sites, so there was nothing to remove.`);
    }
    await writeSites(sites.filter((site) => site.origin !== origin));
    await applySites();
    // Give the browser's permission back too. It may refuse (a permission the
    // extension was installed with, for instance); Trailguide has stopped either way.
    const returned = await browser.permissions.remove({ origins: [sitePattern(origin)] }).catch(() => false);
    return { host: siteHost(origin), permissionReturned: returned };
  });

  // Permissions change outside Trailguide too (the browser's extension settings).
  browser.permissions.onAdded.addListener(() => void applySites());
  browser.permissions.onRemoved.addListener(() => void applySites());
  // The match table is published at start-up by the core handlers (with the sites in force).
  void sitesInForce()
    .then(syncSiteScripts)
    .catch(() => undefined);
}
