import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onBuiltinHost, PACK_ADAPTERS_SCRIPT_ID, registerNavigationHandler, syncPackAdapterScripts } from '../../utils/background/detector-scripts';
import { dispatch, resetRoutes } from '../../utils/background/router';
import { matchPatternsFor } from '../../utils/chrome-patterns';
import { buildMatchTable } from '../../utils/match';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { Adapter } from '../../utils/schema/adapter';
import type { MatchTable } from '../../utils/detect';
import { MATCH_TABLE_KEY } from '../../utils/storage-keys';

/**
 * The detector runs where an adapter's address fits: the manifest covers the built-in
 * adapters, a run-time registration covers adapters from packs, and a single-page
 * console that moves into its audit log gets the detector brought to it.
 */
const check = { extensionId: 'trailguide-test', extensionOrigin: 'chrome-extension://trailguide-test/' };
const builtin = loadBuiltinPack().adapters;
const acme = builtin.find((a) => a.id === 'acme-demo')!;
/** What wxt.config.ts lists for the detector: every built-in adapter's address. */
const DECLARED = matchPatternsFor(builtin.flatMap((a) => a.match.include));

function withInclude(id: string, include: string[]): Adapter {
  return { ...acme, id, match: { ...acme.match, include } };
}

let registered: { id: string; matches?: string[] }[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  resetRoutes();
  registered = [];
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Trailguide',
    version: '0',
    content_scripts: [
      { matches: DECLARED, js: ['content-scripts/content.js'], run_at: 'document_start' },
      { matches: ['http://127.0.0.1/*'], js: ['navwatch.js'], run_at: 'document_start' },
    ],
  });
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation((async ({ ids }: { ids: string[] }) =>
    registered.filter((r) => ids.includes(r.id))) as never);
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation((async (s: typeof registered) => void registered.push(...s)) as never);
  vi.spyOn(browser.scripting, 'updateContentScripts').mockImplementation((async ([s]: typeof registered) => {
    registered = registered.map((r) => (r.id === s!.id ? s! : r));
  }) as never);
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation((async ({ ids }: { ids: string[] }) => {
    registered = registered.filter((r) => !ids.includes(r.id));
  }) as never);
});

describe('onBuiltinHost', () => {
  it('accepts the built-in hosts and their subdomains, nothing else', () => {
    expect(onBuiltinHost('https://github.com/organizations/*/settings/audit-log*')).toBe(true);
    expect(onBuiltinHost('https://*.okta.com/report/*')).toBe(true);
    expect(onBuiltinHost('https://acme-admin.okta.com/report/*')).toBe(true);
    expect(onBuiltinHost('http://127.0.0.1/admin/activity*')).toBe(true);
    expect(onBuiltinHost('https://127.0.0.1/admin/activity*')).toBe(false); // another scheme
    expect(onBuiltinHost('https://okta.com.evil.example/*')).toBe(false);
    expect(onBuiltinHost('https://gist.github.com/*')).toBe(false);
    expect(onBuiltinHost('https://audit.corp.example/*')).toBe(false);
  });
});

describe('syncPackAdapterScripts', () => {
  it('registers the detector for pack adapters on built-in hosts the manifest does not cover', async () => {
    await syncPackAdapterScripts([
      ...builtin.filter((a) => a.id === 'acme-demo' || a.id === 'github-audit-log'),
      withInclude('helpdesk', ['http://127.0.0.1:*/admin/activity*']),
      withInclude('corp', ['https://audit.corp.example/*']), // no permission there: left to Settings → Sites
    ]);
    expect(registered).toEqual([
      expect.objectContaining({ id: PACK_ADAPTERS_SCRIPT_ID, matches: ['http://127.0.0.1/admin/activity*'], js: ['content-scripts/content.js'], runAt: 'document_start' }),
    ]);
  });

  it("reads Firefox's manifest, whose files are full addresses: the declared addresses are not registered again", async () => {
    vi.mocked(browser.runtime.getManifest).mockReturnValue({
      manifest_version: 2,
      name: 'Trailguide',
      version: '0',
      content_scripts: [
        { matches: DECLARED, js: ['moz-extension://0f2c/content-scripts/content.js'], run_at: 'document_start' },
        { matches: ['http://127.0.0.1/*'], js: ['moz-extension://0f2c/navwatch.js'], run_at: 'document_start' },
      ],
    });
    await syncPackAdapterScripts(builtin);
    expect(registered).toEqual([]);
    await syncPackAdapterScripts([...builtin, withInclude('helpdesk', ['http://127.0.0.1:*/admin/activity*'])]);
    expect(registered).toEqual([expect.objectContaining({ id: PACK_ADAPTERS_SCRIPT_ID, matches: ['http://127.0.0.1/admin/activity*'] })]);
  });

  it('removes the registration once no pack adapter needs it', async () => {
    await syncPackAdapterScripts([withInclude('helpdesk', ['http://127.0.0.1:*/admin/activity*'])]);
    expect(registered).toHaveLength(1);
    await syncPackAdapterScripts([acme]);
    expect(registered).toEqual([]);
  });
});

describe('in-app navigation (page:navigated)', () => {
  const tab = { id: 7 };
  /** As Chromium reports it: the sender's own url stays at the address the document loaded with. */
  function navigated(url: string) {
    return dispatch({ type: 'page:navigated' }, { id: check.extensionId, url: 'http://127.0.0.1:4173/users', tab: { ...tab, url } }, check) as Promise<{
      reached: boolean;
    }>;
  }
  async function setUp({ detectorThere, table = async () => buildMatchTable(builtin) }: { detectorThere: boolean; table?: () => Promise<MatchTable> }) {
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async () => {
      if (!detectorThere) throw new Error('Could not establish connection. Receiving end does not exist.');
      throw new Error('The message port closed before a response was received.');
    }) as never);
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    registerNavigationHandler(table);
    return executeScript;
  }

  it('waits for the table start-up publishes: a message that wakes the worker can come first', async () => {
    let publish: (table: MatchTable) => void = () => undefined;
    const published = new Promise<MatchTable>((resolve) => (publish = resolve));
    const executeScript = await setUp({ detectorThere: false, table: () => published });
    // Nothing in storage.local yet, as on a fresh profile whose worker is still starting.
    expect(await fakeBrowser.storage.local.get(MATCH_TABLE_KEY)).toEqual({});
    const answer = navigated('http://127.0.0.1:4173/audit');
    publish(buildMatchTable(builtin));
    expect(await answer).toEqual({ reached: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('brings the detector when a single-page console moves into an audit log', async () => {
    const executeScript = await setUp({ detectorThere: false });
    expect(await navigated('http://127.0.0.1:4173/audit?actor=x')).toEqual({ reached: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-scripts/content.js'] });
  });

  it("waits for the tab's own address when the page's message comes before it", async () => {
    const executeScript = await setUp({ detectorThere: false });
    // The tab still shows the page it left; the browser moves it along a moment later.
    const listening = vi.spyOn(browser.tabs.onUpdated, 'addListener');
    const answer = navigated('http://127.0.0.1:4173/users');
    await vi.waitFor(() => expect(listening).toHaveBeenCalled());
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: 'http://127.0.0.1:4173/audit' }, { ...tab, url: 'http://127.0.0.1:4173/audit' } as never);
    expect(await answer).toEqual({ reached: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('does nothing where no adapter fits, or where the detector already runs', async () => {
    const executeScript = await setUp({ detectorThere: false });
    expect(await navigated('http://127.0.0.1:4173/users')).toEqual({ reached: false });
    expect(executeScript).not.toHaveBeenCalled();
    resetRoutes();
    const again = await setUp({ detectorThere: true });
    expect(await navigated('http://127.0.0.1:4173/audit')).toEqual({ reached: false });
    expect(again).not.toHaveBeenCalled();
  });

  it('takes the address from the browser, and refuses the message from extension pages and strangers', async () => {
    const executeScript = await setUp({ detectorThere: false });
    // The page cannot claim another address: only the sender's counts, and the message has no fields.
    expect(await dispatch({ type: 'page:navigated', url: 'http://127.0.0.1:4173/audit' }, { id: check.extensionId, url: 'http://127.0.0.1:4173/users', tab }, check)).toEqual({
      error: expect.stringMatching(/did not understand/),
    });
    expect(dispatch({ type: 'page:navigated' }, { id: check.extensionId, url: `${check.extensionOrigin}panel.html`, tab }, check)).toBeUndefined();
    expect(dispatch({ type: 'page:navigated' }, { id: 'someone-else', url: 'http://127.0.0.1:4173/audit', tab }, check)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });
});
