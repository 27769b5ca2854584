import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createExecutor } from '../utils/engine/executor-core';
import { execRequest, type ExecReply } from '../utils/engine/messages';

/**
 * The adapter executor: fill, capture, highlight and probe on the page. Injected
 * on demand into the main frame by the background (executor-bridge.ts), never
 * listed in the manifest, so unrecognised pages never pay for it. It runs in the
 * extension's isolated world and answers only messages from this extension.
 */
declare global {
  interface Window {
    __trailguideExecutor?: true;
  }
}

export default defineUnlistedScript(() => {
  // Injection may be repeated (the bridge cannot always tell); one listener is enough.
  if (window.__trailguideExecutor) return;
  window.__trailguideExecutor = true;

  const run = createExecutor({
    doc: document,
    sendProgress: (progress) => void browser.runtime.sendMessage(progress).catch(() => undefined),
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (reply: ExecReply) => void) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('exec:') || type === 'exec:progress') return undefined;
    const parsed = execRequest.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ error: 'Trailguide sent the page a request it did not understand. Reload the page and try again.' });
      return undefined;
    }
    run(parsed.data)
      .catch((): ExecReply => ({ error: 'Something went wrong while Trailguide worked on this page. Nothing was changed; please try again.' }))
      .then(sendResponse);
    return true; // the reply comes later
  });
});
