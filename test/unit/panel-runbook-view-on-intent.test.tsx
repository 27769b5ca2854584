// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapterId, packs, query } from '../../components/panel/state';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { pageChanged } from '../../utils/messages';
import { PACKS_CHANGED, packsChangedNotice } from '../../utils/packs/messages';
import { mayBePanelMessage } from '../../components/panel/panel-message-types';

const preload = vi.hoisted(() => vi.fn());
vi.mock('../../components/panel/lazy-runbook-view', () => ({ preloadRunbookView: preload, RunbookView: Object.assign(() => null, { preload }) }));
const { RunbookList } = await import('../../components/panel/RunbookList');

/**
 * A panel that only sits beside a console holds neither the runbook view's code nor zod
 * (docs/performance.md, memory, sixth pass): the code is fetched when the pointer is over
 * the list or focus is in it, and another tab's messages do not load the schemas.
 */
describe('the runbook view is fetched on intent, not when the list paints', () => {
  let container: HTMLElement;
  beforeEach(() => {
    preload.mockClear();
    packs.value = [loadBuiltinPack()];
    adapterId.value = 'acme-demo';
    query.value = '';
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    packs.value = [];
  });

  it('is not fetched by painting the list', async () => {
    await act(() => render(<RunbookList />, container));
    expect(container.querySelectorAll('[data-testid="runbook-item"]').length).toBeGreaterThan(0);
    expect(preload).not.toHaveBeenCalled();
  });

  it('is fetched when the pointer comes over a runbook', async () => {
    await act(() => render(<RunbookList />, container));
    container.querySelector('[data-testid="runbook-item"]')!.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(preload).toHaveBeenCalled();
  });

  it('is fetched when focus comes into the list (the keyboard)', async () => {
    await act(() => render(<RunbookList />, container));
    (container.querySelector('[data-testid="runbook-search"]') as HTMLInputElement).focus();
    expect(preload).toHaveBeenCalled();
  });
});

describe('mayBePanelMessage: only what the panel listens for loads the schemas', () => {
  const OWN_TAB = 7;
  const pageChange = { type: 'page:changed', url: 'https://logs.example/audit', adapterId: 'acme-demo' };

  it('lets a pack notice and its own page’s change through, as the schemas read them', () => {
    expect(mayBePanelMessage({ type: PACKS_CHANGED }, undefined, OWN_TAB)).toBe(true);
    expect(packsChangedNotice.safeParse({ type: PACKS_CHANGED }).success).toBe(true);
    expect(mayBePanelMessage(pageChange, OWN_TAB, OWN_TAB)).toBe(true);
    expect(pageChanged.safeParse(pageChange).success).toBe(true);
  });

  it('stops another tab’s page change, the worker’s other messages and anything not a message', () => {
    expect(mayBePanelMessage(pageChange, OWN_TAB + 1, OWN_TAB)).toBe(false);
    expect(mayBePanelMessage(pageChange, undefined, OWN_TAB)).toBe(false);
    expect(mayBePanelMessage(pageChange, OWN_TAB, null)).toBe(false);
    expect(mayBePanelMessage({ type: 'panel:init', adapter: 'acme-demo' }, OWN_TAB, OWN_TAB)).toBe(false);
    expect(mayBePanelMessage({ type: 'host:which' }, OWN_TAB, OWN_TAB)).toBe(false);
    expect(mayBePanelMessage('packs:changed', undefined, OWN_TAB)).toBe(false);
    expect(mayBePanelMessage(null, OWN_TAB, OWN_TAB)).toBe(false);
  });
});

describe('the panel page, once its list is on screen', () => {
  it('has not fetched the runbook view (nothing pointed at or focused)', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    preload.mockClear();
    // The page's answer to host:which (which adapter it shows): the same one.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ adapterId: 'acme-demo' });
    vi.doMock('../../utils/runtime-client', () => ({
      ask: async () => ({ packs: [loadBuiltinPack()], tabId: 3, pageUrl: 'http://127.0.0.1:4173/audit', adaptersFor: 'acme-demo' }),
    }));
    vi.useFakeTimers();
    try {
      location.hash = '#adapter=acme-demo';
      const { PanelApp, startPanel } = await import('../../components/panel/PanelApp');
      const container = document.createElement('div');
      document.body.append(container);
      await act(async () => {
        render(<PanelApp />, container);
        await startPanel();
      });
      await act(async () => {
        await vi.runAllTimersAsync(); // what the page scheduled after the list (the preload was a setTimeout 0)
      });
      expect(container.querySelectorAll('[data-testid="runbook-item"]').length).toBeGreaterThan(0);
      expect(preload).not.toHaveBeenCalled();
      render(null, container);
      container.remove();
    } finally {
      vi.useRealTimers();
    }
  });
});
