import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildMatchTable } from '../utils/match';
import { backgroundRequest, isFromExtensionPage, isFromOwnContentScript, type SenderInfo } from '../utils/messages';
import { loadBuiltinPack } from '../utils/pack/builtin';
import { MATCH_TABLE_KEY } from '../utils/storage-keys';

export default defineBackground(() => {
  const extensionOrigin = browser.runtime.getURL('/');

  async function publishMatchTable() {
    const pack = loadBuiltinPack();
    await browser.storage.local.set({ [MATCH_TABLE_KEY]: buildMatchTable(pack.adapters) });
  }
  const ready = publishMatchTable();

  browser.runtime.onInstalled.addListener(() => void publishMatchTable());

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    const parsed = backgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined; // not ours, or malformed: ignore
    const message = parsed.data;
    switch (message.type) {
      case 'detect:table': {
        if (!isFromOwnContentScript(sender, browser.runtime.id)) return undefined;
        return ready.then(() => buildMatchTable(loadBuiltinPack().adapters));
      }
      case 'panel:init': {
        if (!isFromExtensionPage(sender, browser.runtime.id, extensionOrigin)) return undefined;
        const pack = loadBuiltinPack();
        return Promise.resolve({
          tabId: sender.tab?.id ?? null,
          pageUrl: sender.tab?.url ?? null,
          packs: [pack],
        });
      }
    }
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'host:toggle' }).catch(() => undefined);
  });
});
