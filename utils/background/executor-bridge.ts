import { browser } from 'wxt/browser';
import { execRequest, execRunRequest, type ExecReply, type ExecReplyFor, type ExecRequest } from '../engine/messages';
import { registerHandler } from './router';

/**
 * The background's side of the executor: injects entrypoints/executor.ts into a
 * tab's main frame when it is not there yet, forwards a request to it, and turns
 * the browser's errors into words a support agent can act on.
 */
const EXECUTOR_FILE = '/executor.js';

export async function runInTab<R extends ExecRequest>(tabId: number, request: R): Promise<ExecReplyFor<R>>;
export async function runInTab(tabId: number, request: ExecRequest): Promise<ExecReply> {
  const parsed = execRequest.safeParse(request);
  if (!parsed.success) return { error: 'Trailguide built a request the page would not understand. Please report this.' };
  try {
    await ensureExecutor(tabId);
    const reply: unknown = await browser.tabs.sendMessage(tabId, parsed.data, { frameId: 0 });
    if (reply === undefined || reply === null || typeof reply !== 'object') {
      return { error: "The page didn't answer Trailguide. Reload the page and try again." };
    }
    return reply as ExecReply;
  } catch (error) {
    return { error: plainBridgeError(error) };
  }
}

async function ensureExecutor(tabId: number): Promise<void> {
  const ready = await browser.tabs
    .sendMessage(tabId, { type: 'exec:ping' }, { frameId: 0 })
    .then((reply: unknown) => (reply as { ready?: unknown } | undefined)?.ready === true)
    .catch(() => false);
  if (ready) return;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [EXECUTOR_FILE] });
}

/** Browser error texts → what to do about them. */
export function plainBridgeError(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (/no tab with id|tab was closed|invalid tab/i.test(text)) {
    return 'That browser tab was closed. Open the log again and retry.';
  }
  if (/cannot access|missing host permission|permission|cannot be scripted|chrome:\/\/|about:|extensions gallery|webstore/i.test(text)) {
    return "Trailguide isn't allowed to work on this site yet. Allow the site in Trailguide's settings (Sites), then try again.";
  }
  if (/receiving end does not exist|could not establish connection/i.test(text)) {
    return "The page isn't ready for Trailguide yet. Wait for it to finish loading (or reload it), then try again.";
  }
  if (/message channel closed|message port closed|frame .*removed|back\/forward cache|page.*(unloaded|navigated)/i.test(text)) {
    return 'The page changed or reloaded while Trailguide was working. Run the step again once it has loaded.';
  }
  return 'Trailguide could not reach the page. Reload the page and try again.';
}

/** Lets extension pages (the panel, options) run executor requests: `{ type: 'exec:run', tabId?, request }`. */
export function registerExecutorHandlers(): void {
  registerHandler('exec:run', execRunRequest, 'extension-page', async (message, sender) => {
    const tabId = message.tabId ?? sender.tab?.id;
    if (tabId === undefined) return { error: 'Trailguide could not tell which tab to work on. Open the panel on the log page and try again.' };
    return runInTab(tabId, message.request);
  });
}
