import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerCaseHandlers } from '../utils/background/case-handlers';
import { registerCoreHandlers, togglePanelIn } from '../utils/background/core-handlers';
import { registerPackHandlers } from '../utils/background/pack-handlers';
import { registerExecutorHandlers } from '../utils/background/executor-bridge';
import { registerSiteHandlers } from '../utils/background/site-handlers';
import { registerTabSessionCleanup } from '../utils/background/tab-sessions';
import { registerBuilderReload } from '../utils/background/builder-reload';
import { dispatch, type SenderCheck } from '../utils/background/router';
import { firstAnswerGiven } from '../utils/background/startup';
import type { SenderInfo } from '../utils/messages';

/**
 * The service worker: the only owner of persistent data. Features register their
 * message handlers here; each validates its payload and sender (DESIGN.md §3.5).
 * Nothing is kept only in memory — the worker may stop at any time (MV3).
 */
export default defineBackground(() => {
  const check: SenderCheck = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };

  registerCoreHandlers();
  registerPackHandlers();
  registerExecutorHandlers();
  registerCaseHandlers();
  registerSiteHandlers();
  registerTabSessionCleanup();
  registerBuilderReload();

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    const reply = dispatch(raw, sender, check);
    // Start-up upkeep waits for the answer to the message that woke the worker (startup.ts).
    void reply?.finally(firstAnswerGiven);
    return reply;
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-panel') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target) await togglePanelIn(target).catch(() => undefined);
  });
});
