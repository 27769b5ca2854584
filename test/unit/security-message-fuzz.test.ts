import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBuilderReload } from '../../utils/background/builder-reload';
import { registerCaseHandlers } from '../../utils/background/case-handlers';
import { registerCoreHandlers } from '../../utils/background/core-handlers';
import { registerExecutorHandlers } from '../../utils/background/executor-bridge';
import { registerPackHandlers } from '../../utils/background/pack-handlers';
import { firstAnswerGiven, resetStartup } from '../../utils/background/startup';
import { registerSiteHandlers } from '../../utils/background/site-handlers';
import { dispatch, registeredRoutes, resetRoutes, type SenderCheck, type SenderPolicy } from '../../utils/background/router';
import { addCapture } from '../../utils/cases/captures';
import { canonicalJson, sha256Hex } from '../../utils/cases/canonical';
import { createCase } from '../../utils/cases/cases';
import { saveEscalation } from '../../utils/cases/escalations';
import { setSettings } from '../../utils/cases/settings';
import { setDatabaseForTests, type TrailguideDatabase } from '../../utils/db/database';
import type { SenderInfo } from '../../utils/messages';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { resetStoreForTests } from '../../utils/packs/store';
import { CONSOLE_SITES_KEY } from '../../utils/storage-keys';
import { sampleCase, sampleRows, useFreshDatabase } from './cases-fixtures';
import { packText } from './packs-helpers';

/**
 * Issue 7 §2a — 1,000 random and hostile messages through the background's
 * router with every handler registered: wrong types, missing fields, huge
 * strings, `__proto__` keys, and valid state-changing requests from senders that
 * may not make them (web pages, other extensions, our own content script, no
 * tab). Nothing throws, and the database and storage are byte-identical after.
 */
const ID = 'trailguide-id';
const check: SenderCheck = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` };
const panel: SenderInfo = { id: ID, url: `chrome-extension://${ID}/panel.html`, tab: { id: 3, url: 'http://127.0.0.1:4173/audit' }, frameId: 2 };
const WRONG_SENDERS: Record<string, SenderInfo> = {
  'a web page': { url: 'https://evil.example/', tab: { id: 3 } },
  'another extension': { id: 'evil-extension-id', url: 'chrome-extension://evil-extension-id/page.html' },
  'another extension posing as ours by URL': { id: 'evil-extension-id', url: `chrome-extension://${ID}/panel.html`, tab: { id: 3 } },
  'our content script (a compromised page renderer)': { id: ID, url: 'http://127.0.0.1:4173/audit', tab: { id: 3 } },
  'our id without a tab or URL': { id: ID },
  'nobody': {},
};
/**
 * Every message type the background registers, with who may send it, written out here
 * rather than read from the code: a handler opened to more senders, or a new type
 * nobody added to this list, fails "the registry matches this list" below.
 */
const SENDER_POLICY: Record<string, SenderPolicy> = {
  'detect:table': 'content-script', 'page:navigated': 'content-script',
  'panel:init': 'extension-page', 'exec:run': 'extension-page',
  'case:create': 'extension-page', 'case:update': 'extension-page', 'case:get': 'extension-page', 'case:list': 'extension-page',
  'case:delete': 'extension-page', 'case:restore': 'extension-page', 'capture:add': 'extension-page',
  'escalation:save': 'extension-page', 'escalation:status': 'extension-page', 'history:list': 'extension-page',
  'history:export': 'extension-page', 'retention:preview': 'extension-page', 'retention:apply': 'extension-page',
  'settings:get': 'extension-page', 'settings:set': 'extension-page',
  'packs:list': 'extension-page', 'packs:import': 'extension-page', 'packs:subscribe': 'extension-page', 'packs:refresh': 'extension-page',
  'packs:set-enabled': 'extension-page', 'packs:delete': 'extension-page', 'packs:restore': 'extension-page', 'packs:export': 'extension-page',
  'runbook:source': 'extension-page', 'runbook:save-local': 'extension-page', 'runbook:validate': 'extension-page',
  'adapter:save-local': 'extension-page', 'adapter:meanings-where': 'extension-page', 'adapter:teach-meanings': 'extension-page',
  'sites:list': 'extension-page', 'sites:add': 'extension-page', 'sites:remove': 'extension-page',
  'builder:reload-to-check': 'extension-page',
};
const TYPES = Object.keys(SENDER_POLICY);
/** Types whose bare `{ type }` is a valid request (read-only, or the builder reloading the sender's own tab); everything else needs fields. */
const BARE_IS_VALID = new Set(['detect:table', 'panel:init', 'case:list', 'history:list', 'settings:get', 'packs:list', 'packs:refresh', 'sites:list', 'page:navigated', 'builder:reload-to-check']);
const NOT_UNDERSTOOD = { error: 'Trailguide received a request it did not understand.' };

let database: TrailguideDatabase;
let caseId = '';

/** One SHA-256 over every record of every table, plus extension storage. */
async function stateChecksum(): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of database.tables) tables[table.name] = await table.toArray();
  const storage = await fakeBrowser.storage.local.get();
  return sha256Hex(canonicalJson({ tables, storage }));
}

/** The background starts work of its own (built-in pack, match table); wait until it is quiet. */
async function settledChecksum(): Promise<string> {
  let previous = '';
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await stateChecksum();
    if (now === previous) return now;
    previous = now;
  }
  throw new Error('the background never settled');
}

function validStateChanges(): Record<string, unknown>[] {
  return [
    { type: 'case:create', case: sampleCase() },
    { type: 'case:update', id: caseId, patch: { notes: 'overwritten by an attacker' } },
    { type: 'case:delete', id: caseId },
    { type: 'capture:add', caseId, capture: { stepIndex: 0, sourceUrl: 'https://evil.example/', adapterId: 'acme-demo', rows: sampleRows(3) } },
    { type: 'escalation:save', escalation: { caseId, title: 'forged', body: 'forged' } },
    { type: 'settings:set', patch: { redactIps: false, retentionDays: 1 } },
    { type: 'retention:apply', days: 1 },
    { type: 'packs:import', text: packText({ id: 'forged-pack' }), source: 'paste' },
    { type: 'packs:subscribe', url: 'https://evil.example/pack.json' },
    { type: 'packs:delete', id: 'trailguide-essentials' },
    { type: 'packs:set-enabled', id: 'trailguide-essentials', enabled: false },
    { type: 'exec:run', tabId: 3, request: { type: 'exec:cancel' } },
    // The browser says yes to every site here (see beforeEach): only the sender check stands in the way.
    { type: 'sites:add', origin: 'https://evil.example' },
    { type: 'sites:remove', origin: 'https://audit.acme.example' },
    { type: 'adapter:save-local', adapter: { ...structuredClone(loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')), id: 'forged-adapter' } },
    { type: 'adapter:teach-meanings', adapterId: 'acme-demo', meanings: [{ code: 'user.login', meaning: 'forged' }] },
  ];
}

/** A deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const huge = 'A'.repeat(1_000_000);
  const hostileValue = (): unknown =>
    pick([huge, -1, 1e308, NaN, null, true, [], [[[[[]]]]], { $gt: '' }, 'javascript:alert(1)', '<img src=x onerror=alert(1)>', Symbol.for('x').toString()]);
  /** A payload the schema must refuse: wrong types, unknown keys, prototype keys, oversize values. */
  const malformed = (type: string): unknown => {
    const shapes: (() => unknown)[] = [
      () => ({ type, evil: hostileValue() }),
      () => JSON.parse(`{"type":"${type}","__proto__":{"polluted":"yes"}}`),
      () => JSON.parse(`{"type":"${type}","constructor":{"prototype":{"polluted":"yes"}}}`),
      () => ({ type, id: huge, caseId: huge, text: huge, url: huge, patch: huge, days: huge }),
      () => ({ type, id: hostileValue(), case: hostileValue(), escalation: hostileValue(), filter: hostileValue(), extra: 1 }),
      () => ({ type, request: { type: 'exec:fill', adapter: hostileValue(), values: hostileValue() }, tabId: 'all' }),
      () => ({ type, request: { type: 'exec:readback', adapter: hostileValue(), intended: hostileValue() }, tabId: hostileValue() }),
    ];
    return pick(shapes)();
  };
  const junk = (): unknown => pick([null, undefined, 42, 'case:create', [], { type: 42 }, { type: 'unknown:type' }, { type: `${pick(TYPES)} ` }, { type: pick(TYPES).toUpperCase() }]);
  return { random, pick, malformed, junk };
}

beforeEach(async () => {
  fakeBrowser.reset();
  resetStoreForTests();
  database = useFreshDatabase();
  const created = await createCase(sampleCase());
  caseId = created.id;
  await addCapture(caseId, { stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo', rows: sampleRows(25) });
  await saveEscalation({ caseId, title: 'Kept', body: 'Kept body' });
  await setSettings({ redactIps: true });
  // Self-hosted sites: one already allowed, and a browser that would grant any other.
  await fakeBrowser.storage.local.set({ [CONSOLE_SITES_KEY]: [{ origin: 'https://audit.acme.example', addedAt: 1 }] });
  vi.spyOn(browser.permissions, 'contains').mockResolvedValue(true as never);
  vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
  for (const event of [browser.permissions.onAdded, browser.permissions.onRemoved]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Trailguide', version: '0', content_scripts: [{ js: ['content-scripts/content.js'] }] });
  let registered: unknown[] = [];
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation((async () => registered) as never);
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation((async (scripts: unknown[]) => void (registered = scripts)) as never);
  vi.spyOn(browser.scripting, 'updateContentScripts').mockImplementation((async (scripts: unknown[]) => void (registered = scripts)) as never);
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation((async () => void (registered = [])) as never);
  vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
  resetRoutes();
  resetStartup();
  registerCoreHandlers();
  registerPackHandlers();
  registerExecutorHandlers();
  registerCaseHandlers();
  registerSiteHandlers();
  registerBuilderReload();
  // A worker that has answered its first message: start-up upkeep runs now, before the state is read.
  firstAnswerGiven();
});
afterEach(() => {
  resetRoutes();
  database.close();
  setDatabaseForTests(undefined);
});

describe('message fuzzing (background router)', () => {
  it('every message type in the list is registered and answers its own sender', async () => {
    for (const type of TYPES) {
      const fromContentScript = type === 'detect:table' || type === 'page:navigated';
      const sender = fromContentScript ? WRONG_SENDERS['our content script (a compromised page renderer)']! : panel;
      expect(dispatch({ type, evil: 1 }, sender, check), type).toBeInstanceOf(Promise);
    }
  });

  it('the registry matches this list: every registered type is fuzzed here, with the sender policy written here', () => {
    const registered = Object.fromEntries(registeredRoutes().map((route) => [route.type, route.from]));
    expect(registered).toEqual(SENDER_POLICY);
  });

  it('each type answers exactly the senders its policy names and ignores every other sender', async () => {
    const contentScript = WRONG_SENDERS['our content script (a compromised page renderer)']!;
    for (const [type, policy] of Object.entries(SENDER_POLICY)) {
      // A malformed payload: an allowed sender gets "did not understand", so no handler runs.
      const message = { type, evil: 1 };
      expect(await dispatch(message, panel, check), `${type} from the panel`).toEqual(policy === 'content-script' ? undefined : NOT_UNDERSTOOD);
      expect(await dispatch(message, contentScript, check), `${type} from a content script`).toEqual(policy === 'extension-page' ? undefined : NOT_UNDERSTOOD);
      for (const [name, sender] of Object.entries(WRONG_SENDERS)) {
        if (sender === contentScript) continue;
        expect(dispatch(message, sender, check), `${type} from ${name}`).toBeUndefined();
      }
    }
  });

  it('1,000 random and hostile messages change nothing and throw nothing', { timeout: 60_000 }, async () => {
    const before = await settledChecksum();
    const { random, pick, malformed, junk } = generator(20_260_301);
    const senders = Object.values(WRONG_SENDERS);
    const tally = { refused: 0, ignored: 0, read: 0 };
    for (let i = 0; i < 1_000; i++) {
      const roll = random();
      let message: unknown;
      let sender: SenderInfo;
      if (roll < 0.4) {
        message = malformed(pick(TYPES));
        sender = panel;
      } else if (roll < 0.8) {
        message = random() < 0.7 ? pick(validStateChanges()) : malformed(pick(TYPES));
        sender = pick(senders);
      } else {
        message = random() < 0.5 ? junk() : { type: pick(TYPES) };
        sender = random() < 0.5 ? panel : pick(senders);
      }
      let reply: unknown;
      expect(() => (reply = dispatch(message, sender, check))).not.toThrow();
      const answer = await reply;
      const type = (message as { type?: unknown } | null)?.type;
      if (answer === undefined) tally.ignored++;
      else if (typeof type === 'string' && BARE_IS_VALID.has(type) && Object.keys(message as object).length === 1) tally.read++;
      else {
        expect(answer, `message ${i}: ${JSON.stringify(message)?.slice(0, 120)}`).toEqual(NOT_UNDERSTOOD);
        tally.refused++;
      }
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(await settledChecksum()).toBe(before);
    // The mix really exercised both defences.
    expect(tally.refused).toBeGreaterThan(300);
    expect(tally.ignored).toBeGreaterThan(300);
  });

  it('control: the same valid requests from the panel do change state, so the checksum would notice', async () => {
    const before = await settledChecksum();
    for (const message of validStateChanges().slice(0, 2)) {
      const reply = await dispatch(message, panel, check);
      expect(reply).not.toHaveProperty('error');
    }
    expect(await settledChecksum()).not.toBe(before);
  });
});
