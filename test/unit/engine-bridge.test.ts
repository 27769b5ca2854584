// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, resetRoutes } from '../../utils/background/router';
import { plainBridgeError, registerExecutorHandlers, runInTab } from '../../utils/background/executor-bridge';
import { createExecutor } from '../../utils/engine/executor-core';
import { execRequest } from '../../utils/engine/messages';
import { loadBuiltinPack } from '../../utils/pack/builtin';

const adapter = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;
const check = { extensionId: 'trailguide-test', extensionOrigin: 'chrome-extension://trailguide-test/' };

beforeEach(() => {
  fakeBrowser.reset();
  resetRoutes();
  document.body.innerHTML = '<input name="actor">';
});

/** A tab whose page has (or gets) the executor, answering like the real one would. */
function fakeTab({ injected }: { injected: boolean }) {
  const run = createExecutor({ doc: document, sendProgress: () => undefined });
  let present = injected;
  const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: unknown) => {
    if (!present) throw new Error('Could not establish connection. Receiving end does not exist.');
    return run(execRequest.parse(message));
  }) as never);
  const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockImplementation((async () => {
    present = true;
    return [];
  }) as never);
  return { sendMessage, executeScript };
}

describe('runInTab', () => {
  it('injects the executor when the page does not answer, then runs the request in frame 0', async () => {
    const tab = fakeTab({ injected: false });
    const reply = await runInTab(7, { type: 'exec:probe', adapter });
    expect(tab.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/executor.js'] });
    expect(reply).toMatchObject({ type: 'exec:probe' });
    expect(tab.sendMessage).toHaveBeenLastCalledWith(7, expect.objectContaining({ type: 'exec:probe' }), { frameId: 0 });
  });

  it('does not inject twice', async () => {
    const tab = fakeTab({ injected: true });
    await runInTab(7, { type: 'exec:fill', adapter, values: { actor: 'a@b.example' }, submit: false });
    expect(tab.executeScript).not.toHaveBeenCalled();
    expect(document.querySelector('input')!.value).toBe('a@b.example');
  });

  it('turns a refused injection into plain words', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    const reply = await runInTab(7, { type: 'exec:probe', adapter });
    expect(reply).toEqual({ error: expect.stringMatching(/isn't allowed to work on this site yet/) });
  });
});

describe('plainBridgeError', () => {
  it.each([
    ['No tab with id: 12.', /tab was closed/],
    ['Missing host permission for the tab', /isn't allowed to work on this site/],
    ['Could not establish connection. Receiving end does not exist.', /isn't ready for Trailguide yet/],
    ['The message port closed before a response was received.', /page changed or reloaded/],
    ['weird', /could not reach the page/],
  ])('%s', (text, expected) => {
    const message = plainBridgeError(new Error(text));
    expect(message).toMatch(expected);
    expect(message).not.toContain(text);
  });
});

describe('exec:run (background message)', () => {
  const panel = { id: check.extensionId, url: `${check.extensionOrigin}panel.html`, tab: { id: 7 } };

  it('runs a request for an extension page, defaulting to the tab the panel is in', async () => {
    registerExecutorHandlers();
    const tab = fakeTab({ injected: true });
    const reply = await dispatch({ type: 'exec:run', request: { type: 'exec:probe', adapter } }, panel, check);
    expect(reply).toMatchObject({ type: 'exec:probe' });
    expect(tab.sendMessage).toHaveBeenCalledWith(7, expect.anything(), { frameId: 0 });
  });

  it('ignores content scripts and other extensions, and rejects malformed requests', async () => {
    registerExecutorHandlers();
    fakeTab({ injected: true });
    const message = { type: 'exec:run', tabId: 7, request: { type: 'exec:probe', adapter } };
    expect(dispatch(message, { id: check.extensionId, url: 'https://evil.example/', tab: { id: 7 } }, check)).toBeUndefined();
    expect(dispatch(message, { ...panel, id: 'someone-else' }, check)).toBeUndefined();
    const bad = await dispatch({ type: 'exec:run', tabId: 7, request: { type: 'exec:fill', adapter: { id: 'x' } } }, panel, check);
    expect(bad).toEqual({ error: expect.any(String) });
  });
});

describe('the executor itself', () => {
  it('refuses a second job while one runs, and cancels a capture on request', async () => {
    document.body.innerHTML =
      '<table class="audit-table"><tbody><tr data-event-id="1"><td class="col-actor">a</td></tr></tbody></table><button aria-label="Next page">Next</button>';
    const run = createExecutor({ doc: document, sendProgress: () => undefined });
    // Next never loads anything: the capture waits until cancelled.
    const capture = run(execRequest.parse({ type: 'exec:capture', adapter, limit: 100, captureId: 'slow' }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await run(execRequest.parse({ type: 'exec:fill', adapter, values: { actor: 'x' } }));
    expect(second).toEqual({ error: expect.stringMatching(/still working on this page/) });
    expect(await run(execRequest.parse({ type: 'exec:cancel', captureId: 'slow' }))).toEqual({ type: 'exec:cancel', cancelled: true });
    const done = await capture;
    expect(done).toMatchObject({ type: 'exec:capture', result: { stoppedBecause: 'aborted' } });
    expect(await run(execRequest.parse({ type: 'exec:cancel' }))).toEqual({ type: 'exec:cancel', cancelled: false });
  });
});
