import { browser } from 'wxt/browser';
import { buildMatchTable } from '../match';
import { matchTableRequest, panelInitRequest } from '../messages';
import { loadBuiltinPack } from '../pack/builtin';
import { activePacksFromStore } from '../packs/store';
import type { Pack } from '../schema/pack';
import { MATCH_TABLE_KEY } from '../storage-keys';
import { registerHandler } from './router';

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
  const packs = await activePacks();
  await browser.storage.local.set({ [MATCH_TABLE_KEY]: buildMatchTable(packs.flatMap((p) => p.adapters)) });
}

export function registerCoreHandlers(): void {
  const ready = publishMatchTable();
  browser.runtime.onInstalled.addListener(() => void publishMatchTable());

  registerHandler('detect:table', matchTableRequest, 'content-script', async () => {
    await ready;
    return buildMatchTable((await activePacks()).flatMap((p) => p.adapters));
  });

  registerToolbarButton();

  registerHandler('panel:init', panelInitRequest, 'extension-page', async (_message, sender) => ({
    tabId: sender.tab?.id ?? null,
    pageUrl: sender.tab?.url ?? null,
    packs: await activePacks(),
  }));
}

/**
 * The toolbar button does what the keyboard shortcut does: the content script
 * shows or hides the panel, or — on a page no adapter knows — opens it to teach
 * Trailguide the page. Pages outside Trailguide's hosts have no content script,
 * so nothing happens there.
 */
function registerToolbarButton(): void {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  action?.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: 'host:toggle' }).catch(() => undefined);
  });
}
