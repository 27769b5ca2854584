import { browser } from 'wxt/browser';
import { siteAddRequest, siteRemoveRequest, sitesListRequest } from '../messages';
import { parseSiteAddress, siteHost, sitePattern } from '../sites';
import { publishMatchTable } from './core-handlers';
import { registerHandler } from './router';
import { reachOpenTabs, readSites, siteAllowed, siteViews, writeSites } from './sites';

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
    await publishMatchTable();
    return { host: parsed.host, tabsReached: await reachOpenTabs(parsed.origin) };
  });

  registerHandler('sites:remove', siteRemoveRequest, 'extension-page', async ({ origin }) => {
    const sites = await readSites();
    if (!sites.some((site) => site.origin === origin)) {
      throw new Error(`${siteHost(origin)} isn't on your list of sites, so there was nothing to remove.`);
    }
    await writeSites(sites.filter((site) => site.origin !== origin));
    await publishMatchTable();
    // Give the browser's permission back too. It may refuse (a permission the
    // extension was installed with, for instance); Trailguide has stopped either way.
    const returned = await browser.permissions.remove({ origins: [sitePattern(origin)] }).catch(() => false);
    return { host: siteHost(origin), permissionReturned: returned };
  });

  // Permissions change outside Trailguide too (the browser's extension settings). At start-up
  // the core handlers publish the table and registrations with the sites in force.
  browser.permissions.onAdded.addListener(() => void publishMatchTable().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void publishMatchTable().catch(() => undefined));
}
