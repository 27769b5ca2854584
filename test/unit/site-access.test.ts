import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishMatchTable, togglePanelIn } from '../../utils/background/core-handlers';
import { dispatch, resetRoutes } from '../../utils/background/router';
import { registerSiteHandlers } from '../../utils/background/site-handlers';
import { SITES_SCRIPT_ID, syncSiteScripts } from '../../utils/background/sites';
import { candidatesFor, type MatchTable } from '../../utils/detect';
import { resetStoreForTests } from '../../utils/packs/store';
import { CONSOLE_SITES_KEY, MATCH_TABLE_KEY } from '../../utils/storage-keys';
import { freshDatabase } from './packs-helpers';

/**
 * Self-hosted consoles (issue 4): the background registers the detector on the
 * sites the person allowed — and only while the browser still grants them.
 */
const check = { extensionId: 'trailguide-test', extensionOrigin: 'chrome-extension://trailguide-test/' };
const optionsPage = { id: check.extensionId, url: `${check.extensionOrigin}options.html#sites` };
const SITE = 'https://audit.acme.example';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

/** The browser as far as this feature uses it: permissions, registered scripts, open tabs. */
function fakeBrowserParts({ granted = [] as string[], tabs = [] as { id: number; url: string }[] } = {}) {
  const grants = new Set(granted);
  // Registrations by id: the sites' one, and the pack adapters' one the match table brings along.
  const scripts = new Map<string, Registered>();
  const calls = { register: 0, update: 0, unregister: 0 };
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Trailguide',
    version: '0.1.0',
    content_scripts: [{ matches: ['https://github.com/organizations/*/settings/audit-log*'], js: ['content-scripts/content.js'], run_at: 'document_start' }],
  });
  vi.spyOn(browser.permissions, 'contains').mockImplementation((async (p: { origins?: string[] }) =>
    (p.origins ?? []).every((o) => grants.has(o))) as never);
  const remove = vi.spyOn(browser.permissions, 'remove').mockImplementation((async (p: { origins?: string[] }) => {
    for (const o of p.origins ?? []) grants.delete(o);
    return true;
  }) as never);
  const counted = (id: string) => id === SITES_SCRIPT_ID;
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation((async ({ ids }: { ids: string[] }) =>
    ids.flatMap((id) => (scripts.has(id) ? [scripts.get(id)!] : []))) as never);
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation((async ([script]: Registered[]) => {
    if (scripts.has(script!.id)) throw new Error(`Duplicate script ID '${script!.id}'`);
    if (counted(script!.id)) calls.register += 1;
    scripts.set(script!.id, script!);
  }) as never);
  vi.spyOn(browser.scripting, 'updateContentScripts').mockImplementation((async ([script]: Registered[]) => {
    if (counted(script!.id)) calls.update += 1;
    scripts.set(script!.id, { ...scripts.get(script!.id), ...script! });
  }) as never);
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation((async ({ ids }: { ids: string[] }) => {
    for (const id of ids) {
      if (counted(id)) calls.unregister += 1;
      scripts.delete(id);
    }
  }) as never);
  const permissionListeners: (() => void)[] = [];
  for (const event of [browser.permissions.onAdded, browser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(((listener: () => void) => void permissionListeners.push(listener)) as never);
  }
  const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
  vi.spyOn(browser.tabs, 'query').mockImplementation((async (q: { url?: string }) =>
    tabs.filter((t) => q.url && t.url.startsWith(q.url.replace(/\*$/, '')))) as never);
  return { grants, registered: () => scripts.get(SITES_SCRIPT_ID), calls, remove, executeScript, permissionsChanged: () => permissionListeners.forEach((l) => l()) };
}

async function storedTable(): Promise<MatchTable> {
  return (await browser.storage.local.get(MATCH_TABLE_KEY))[MATCH_TABLE_KEY] as MatchTable;
}

function send(message: unknown, sender: object = optionsPage) {
  return dispatch(message, sender, check) as Promise<Record<string, unknown>>;
}

beforeEach(() => {
  fakeBrowser.reset();
  resetRoutes();
  resetStoreForTests();
  freshDatabase();
});

describe('adding a site', () => {
  it('registers the detector there, publishes its self-hosted paths and reaches tabs already open', async () => {
    const parts = fakeBrowserParts({
      granted: [`${SITE}/*`],
      tabs: [{ id: 4, url: `${SITE}/audit` }, { id: 6, url: `${SITE}/users` }, { id: 5, url: 'https://other.example/' }],
    });
    // Tab 6 still runs the detector from an earlier visit (the site was removed and is added again).
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId !== 6) throw new Error('Could not establish connection. Receiving end does not exist.');
      throw new Error('The message port closed before a response was received.');
    }) as never);
    registerSiteHandlers();
    const reply = await send({ type: 'sites:add', origin: SITE });
    expect(reply).toEqual({ host: 'audit.acme.example', tabsReached: 2 });
    expect(parts.registered()).toEqual({
      id: SITES_SCRIPT_ID,
      matches: [`${SITE}/*`],
      js: ['content-scripts/content.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
    expect(parts.executeScript).toHaveBeenCalledTimes(1);
    expect(parts.executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [0] }, files: ['/content-scripts/content.js'] });
    const ids = candidatesFor(await storedTable(), `${SITE}/audit?actor=dana`).map((e) => e.id);
    expect(ids).toEqual(['acme-demo']);
    const listed = await send({ type: 'sites:list' });
    expect(listed.sites).toEqual([expect.objectContaining({ origin: SITE, host: 'audit.acme.example', allowed: true })]);
  });

  it('changes nothing when the browser did not grant the site', async () => {
    const parts = fakeBrowserParts();
    registerSiteHandlers();
    const reply = await send({ type: 'sites:add', origin: SITE });
    expect(reply.error).toMatch(/didn't let Trailguide work on audit\.acme\.example, so nothing changed/);
    expect((await browser.storage.local.get(CONSOLE_SITES_KEY))[CONSOLE_SITES_KEY]).toBeUndefined();
    expect(parts.registered()).toBeUndefined();
  });

  it('is idempotent: adding a site twice keeps one entry and one registration', async () => {
    const parts = fakeBrowserParts({ granted: [`${SITE}/*`, 'https://logs.corp.example/*'] });
    registerSiteHandlers();
    await send({ type: 'sites:add', origin: SITE });
    await send({ type: 'sites:add', origin: SITE });
    await send({ type: 'sites:add', origin: 'https://logs.corp.example' });
    expect(((await send({ type: 'sites:list' })).sites as unknown[]).length).toBe(2);
    expect(parts.calls.register).toBe(1);
    expect(parts.registered()?.matches).toEqual([`${SITE}/*`, 'https://logs.corp.example/*']);
  });

  it('refuses built-in hosts and anything a page could send', async () => {
    fakeBrowserParts({ granted: ['https://github.com/*', `${SITE}/*`] });
    registerSiteHandlers();
    expect((await send({ type: 'sites:add', origin: 'https://github.com' })).error).toMatch(/already works on github\.com/);
    expect((await send({ type: 'sites:add', origin: 'https://*.acme.example' })).error).toMatch(/did not understand/);
    // A content script (a web page's tab) is not allowed to add sites at all.
    expect(dispatch({ type: 'sites:add', origin: SITE }, { id: check.extensionId, url: `${SITE}/audit`, tab: { id: 4 } }, check)).toBeUndefined();
  });
});

describe('removing a site', () => {
  it('stops the detector there, takes its paths out of the table and gives the permission back', async () => {
    const parts = fakeBrowserParts({ granted: [`${SITE}/*`] });
    registerSiteHandlers();
    await send({ type: 'sites:add', origin: SITE });
    const reply = await send({ type: 'sites:remove', origin: SITE });
    expect(reply).toEqual({ host: 'audit.acme.example', permissionReturned: true });
    expect(parts.registered()).toBeUndefined();
    expect(parts.remove).toHaveBeenCalledWith({ origins: [`${SITE}/*`] });
    expect(candidatesFor(await storedTable(), `${SITE}/audit`)).toEqual([]);
    expect((await send({ type: 'sites:list' })).sites).toEqual([]);
  });

  it('says so when the site was not on the list', async () => {
    fakeBrowserParts();
    registerSiteHandlers();
    expect((await send({ type: 'sites:remove', origin: SITE })).error).toMatch(/isn't on your list/);
  });
});

describe('permissions changed outside Trailguide', () => {
  it('drops a site whose permission was taken back, and shows it as not allowed', async () => {
    const parts = fakeBrowserParts({ granted: [`${SITE}/*`] });
    registerSiteHandlers();
    await send({ type: 'sites:add', origin: SITE });
    // Taken back in the browser's own extension settings.
    parts.grants.delete(`${SITE}/*`);
    parts.permissionsChanged();
    await vi.waitFor(async () => {
      expect(parts.registered()).toBeUndefined();
      expect(candidatesFor(await storedTable(), `${SITE}/audit`)).toEqual([]);
    });
    expect((await send({ type: 'sites:list' })).sites).toEqual([expect.objectContaining({ origin: SITE, allowed: false })]);
  });

  it('never runs on a site granted for another reason (reading a pack from it)', async () => {
    const parts = fakeBrowserParts({ granted: ['https://packs.acme.example/*'] });
    registerSiteHandlers();
    await publishMatchTable();
    await vi.waitFor(() => expect(browser.scripting.getRegisteredContentScripts).toHaveBeenCalled());
    expect(parts.registered()).toBeUndefined();
    expect(candidatesFor(await storedTable(), 'https://packs.acme.example/audit')).toEqual([]);
  });

  it('writes the registration only when it changes (the worker wakes often)', async () => {
    const parts = fakeBrowserParts({ granted: [`${SITE}/*`] });
    await syncSiteScripts([SITE]);
    await syncSiteScripts([SITE]);
    expect(parts.calls).toEqual({ register: 1, update: 0, unregister: 0 });
    await syncSiteScripts([SITE, 'https://logs.corp.example']);
    expect(parts.calls.update).toBe(1);
  });
});

describe('the toolbar button', () => {
  const missing = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

  it('shows or hides the panel where the detector runs (a toggle with no answer still counts)', async () => {
    const parts = fakeBrowserParts();
    const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('The message port closed before a response was received.'));
    await togglePanelIn({ id: 3, url: 'https://github.com/organizations/acme/settings/audit-log' });
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'host:toggle' });
    expect(parts.executeScript).not.toHaveBeenCalled();
  });

  it('offers to allow a site Trailguide may not run on, in Settings', async () => {
    const parts = fakeBrowserParts();
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(missing as never);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await togglePanelIn({ id: 3, url: `${SITE}:8443/audit?actor=x` });
    expect(parts.executeScript).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/options\.html#sites\?add=https%3A%2F%2Faudit\.acme\.example$/) });
  });

  it('brings the detector to an allowed tab that lacks it, then toggles', async () => {
    const parts = fakeBrowserParts({ granted: [`${SITE}/*`] });
    let present = false;
    const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async () => (present ? undefined : missing())) as never);
    parts.executeScript.mockImplementation((async () => {
      present = true;
      return [];
    }) as never);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await togglePanelIn({ id: 3, url: `${SITE}/audit` });
    expect(parts.executeScript).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(create).not.toHaveBeenCalled();
  });

  it('does nothing on pages that are not web pages', async () => {
    const parts = fakeBrowserParts();
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(missing as never);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await togglePanelIn({ id: 3, url: 'chrome://settings/' });
    await togglePanelIn({ id: 3 });
    expect(parts.executeScript).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});
