import { browser } from 'wxt/browser';
import { buildMatchTable } from '../match';
import { matchTableRequest, panelInitRequest } from '../messages';
import { builtinPack } from '../pack/builtin-file';
import { activePacksFromStore } from '../packs/store';
import type { Adapter } from '../schema/adapter';
import type { Pack } from '../schema/pack';
import { MATCH_TABLE_KEY } from '../storage-keys';
import { registerHandler } from './router';
import { afterFirstAnswer } from './startup';
import { detectorAnswers, reachTab, registerNavigationHandler, syncPackAdapterScripts } from './detector-scripts';
import { siteAllowed, sitesInForce, syncSiteScripts } from './sites';
import { isBuiltinSite, webOrigin } from '../sites';
import { openSidePanel, registerSidePanel } from './side-panel';
import { panelPacks, type PanelInitReply } from './panel-init';
import { panelInitPacks } from './panel-init-cache';
import type { MatchTable } from '../detect';

/** The packs in force (enabled, shadowed copies removed), the source of truth for every part of the extension. */
export async function activePacks(): Promise<Pack[]> {
  try {
    return await activePacksFromStore();
  } catch {
    // Without a working database the built-in pack still lets agents work.
    return [await builtinPack()];
  }
}

let publishing: Promise<void> = Promise.resolve();

/**
 * Brings everything detection depends on in line with the packs and sites in force:
 * the match table content scripts read from storage.local (so detection needs no
 * round trip) and the detector's registrations. Calls queue behind each other: a pack
 * change and a site change at once would otherwise race on the same script ids.
 */
export function publishMatchTable(): Promise<void> {
  publishing = publishing.catch(() => undefined).then(publishNow);
  return publishing;
}

async function publishNow(): Promise<void> {
  const { adapters, sites, table } = await tableInForce();
  await browser.storage.local.set({ [MATCH_TABLE_KEY]: table });
  // Adapters from packs on the built-in hosts get the detector on their addresses too. If the
  // browser refuses, in-app navigation and the toolbar button still bring it (detector-scripts.ts).
  await syncPackAdapterScripts(adapters).catch(() => undefined);
  await syncSiteScripts(sites);
}

/** Every adapter in force, with its self-hosted paths on the sites the person allowed. */
async function tableInForce(): Promise<{ adapters: Adapter[]; sites: string[]; table: MatchTable }> {
  const [packs, sites] = await Promise.all([activePacks(), sitesInForce().catch(() => [])]);
  const adapters = packs.flatMap((p) => p.adapters);
  return { adapters, sites, table: buildMatchTable(adapters, sites) };
}

export function registerCoreHandlers(): void {
  // A registration the browser refuses still leaves the table published (publishNow writes it first).
  // On a wake the table and registrations are normally in place already (every pack or site change
  // publishes), so this re-publish waits until the first answer has gone (startup.ts).
  afterFirstAnswer(publishMatchTable);
  browser.runtime.onInstalled.addListener(() => void publishMatchTable().catch(() => undefined));

  // Read from the database, not from the published copy: a message that wakes the worker
  // sees the packs in force (the built-in pack seeded first) without waiting for the publish.
  const tableNow = async () => (await tableInForce()).table;
  registerHandler('detect:table', matchTableRequest, 'content-script', tableNow);

  registerToolbarButton();
  registerSidePanel();
  registerNavigationHandler(tableNow);

  // On a wake, answered from the reply kept in session storage when no pack changed since
  // (panel-init-cache.ts): the database is not opened before the first answer.
  registerHandler('panel:init', panelInitRequest, 'extension-page', async (message, sender): Promise<PanelInitReply> => ({
    tabId: sender.tab?.id ?? null,
    pageUrl: sender.tab?.url ?? null,
    ...(await panelInitPacks(message.adapter, activePacksFromStore).catch(async () => panelPacks([await builtinPack()], message.adapter))),
  }));
}

/**
 * The toolbar button (and Alt+Shift+Y) shows or hides the panel through the
 * content script, or — on a page no adapter knows — opens it to teach Trailguide
 * the page. A tab without the content script gets it first where Trailguide may
 * run (a tab opened before Trailguide was installed or updated); on any other
 * web page the person is offered, in Settings, to allow Trailguide there.
 */
export async function togglePanelIn(tab: { id?: number; url?: string }): Promise<void> {
  if (tab.id === undefined) return;
  // The browser's side panel (a setting): opened before anything is awaited (side-panel.ts);
  // the detector then only needs to be there, to tell the panel which adapter fits.
  if (openSidePanel(tab.id)) {
    const origin = webOrigin(tab.url);
    if (!(await detectorAnswers(tab.id, { type: 'host:ping' })) && origin && (isBuiltinSite(origin) || (await siteAllowed(origin)))) await reachTab(tab.id);
    return;
  }
  const toggle = () => detectorAnswers(tab.id as number, { type: 'host:toggle' });
  if (await toggle()) return;
  const origin = webOrigin(tab.url);
  if (!origin) return;
  if (isBuiltinSite(origin) || (await siteAllowed(origin))) {
    if ((await reachTab(tab.id)) && (await toggle())) return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#sites?add=${encodeURIComponent(origin)}`) });
}

function registerToolbarButton(): void {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  action?.onClicked.addListener((tab) => void togglePanelIn(tab).catch(() => undefined));
}
