import { browser } from 'wxt/browser';
import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { detectorAnswers, reachTab } from './detector-scripts';
import { registerHandler } from './router';

/**
 * "Check on a fresh page" (components/builder/recheck-state.ts): the builder's panel asks the
 * worker to reload its tab, because the panel docked in the page goes with the page. On a
 * page no adapter knows yet, nothing would bring the panel back, so the worker does what the
 * toolbar button does once the page has loaded: the detector in, and the panel opened to teach
 * — where the panel (components/builder/recheck-resume.ts) finishes the check.
 */
export const builderReloadRequest = lazySchema(() => z.strictObject({
  type: z.literal('builder:reload-to-check'),
  /** The side panel names its tab; the panel docked in the page is known by its sender. */
  tabId: z.number().int().min(0).optional(),
}));

export interface BuilderReloadReply {
  reloaded: boolean;
}

const LOAD_TIMEOUT_MS = 30_000;

/** Resolves true once the tab has gone through loading to complete, false after the timeout. */
function reloadAndWait(tabId: number): Promise<boolean> {
  return new Promise((resolve) => {
    let loading = false;
    const settle = (done: boolean) => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      clearTimeout(timeout);
      resolve(done);
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId) return;
      if (change.status === 'loading') loading = true;
      if (change.status === 'complete' && loading) settle(true);
    };
    const timeout = setTimeout(() => settle(false), LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    // A browser that refuses at once (a closed tab, an API it lacks) throws before any promise.
    Promise.resolve()
      .then(() => browser.tabs.reload(tabId))
      .catch(() => settle(false));
  });
}

export function registerBuilderReload(): void {
  registerHandler('builder:reload-to-check', builderReloadRequest, 'extension-page', async (message, sender): Promise<BuilderReloadReply> => {
    const tabId = sender.tab?.id ?? message.tabId;
    if (tabId === undefined) return { reloaded: false };
    if (!(await reloadAndWait(tabId))) return { reloaded: false };
    if (!(await detectorAnswers(tabId, { type: 'host:ping' }))) await reachTab(tabId);
    // A page an adapter recognises shows its panel by itself; on one being taught it is opened, as the toolbar button does.
    const which = (await browser.tabs.sendMessage(tabId, { type: 'host:which' }).catch(() => undefined)) as { adapterId?: unknown } | undefined;
    if (typeof which?.adapterId !== 'string') await detectorAnswers(tabId, { type: 'host:toggle' });
    return { reloaded: true };
  });
}
