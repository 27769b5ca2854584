import { browser } from 'wxt/browser';
import { buildMatchTable } from '../match';
import { matchTableRequest, panelInitRequest } from '../messages';
import { loadBuiltinPack } from '../pack/builtin';
import { activePacksFromStore } from '../packs/store';
import type { Adapter } from '../schema/adapter';
import type { Pack } from '../schema/pack';
import { MATCH_TABLE_KEY } from '../storage-keys';
import { registerHandler } from './router';
import { detectorAnswers, reachTab, registerNavigationHandler, syncPackAdapterScripts } from './detector-scripts';
import { siteAllowed, sitesInForce } from './sites';
import { isBuiltinSite, webOrigin } from '../sites';
import type { MatchTable } from '../detect';

/** The packs in force (enabled, shadowed copies removed), the source of truth for every part of the extension. */
export async function activePacks(): Promise<Pack[]> {
  try {
    return await activePacksFromStore();
  } catch {
    // Without a working database the built-in pack still lets agents work.
    return [loadBuiltinPack()];
  }
}

/** Content scripts read this from storage.local, so detection needs no round trip. */
export async function publishMatchTable(): Promise<void> {
  const adapters = (await activePacks()).flatMap((p) => p.adapters);
  await browser.storage.local.set({ [MATCH_TABLE_KEY]: await matchTableFor(adapters) });
  // Adapters from packs on the built-in hosts get the detector on their addresses too. If the
  // browser refuses, in-app navigation and the toolbar button still bring it (detector-scripts.ts).
  await syncPackAdapterScripts(adapters).catch(() => undefined);
}

/** Every adapter in force, with its self-hosted paths on the sites the person allowed. */
async function matchTableFor(adapters: Adapter[]): Promise<MatchTable> {
  return buildMatchTable(adapters, await sitesInForce().catch(() => []));
}

export function registerCoreHandlers(): void {
  const ready = publishMatchTable();
  browser.runtime.onInstalled.addListener(() => void publishMatchTable());

  registerHandler('detect:table', matchTableRequest, 'content-script', async () => {
    await ready;
    return matchTableFor((await activePacks()).flatMap((p) => p.adapters));
  });

  registerToolbarButton();
  registerNavigationHandler();

  registerHandler('panel:init', panelInitRequest, 'extension-page', async (_message, sender) => ({
    tabId: sender.tab?.id ?? null,
    pageUrl: sender.tab?.url ?? null,
    packs: await activePacks(),
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
