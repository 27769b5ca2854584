import { browser } from 'wxt/browser';
import {
  PACKS_CHANGED,
  packsDeleteRequest,
  packsExportRequest,
  packsImportRequest,
  packsListRequest,
  packsRefreshRequest,
  packsRestoreRequest,
  packsSetEnabledRequest,
  packsSubscribeRequest,
  runbookSaveLocalRequest,
  runbookSourceRequest,
  runbookValidateRequest,
  type PacksListReply,
} from '../packs/messages';
import { applyManagedPolicy, policyStatus } from '../packs/managed';
import { parseRunbookSource } from '../packs/runbook-source';
import {
  deletePack,
  ensureBuiltinPack,
  exportPack,
  importPackText,
  listPackSummaries,
  onPacksChanged,
  restorePack,
  runbookSource,
  saveLocalRunbook,
  setPackEnabled,
} from '../packs/store';
import { refreshPack, refreshSubscriptions, subscribe, summarizeCheck } from '../packs/subscriptions';
import { adapterSaveLocalRequest } from '../builder/messages';
import { saveLocalAdapter } from '../builder/save-local';
import { adapterMeaningsWhereRequest, adapterTeachMeaningsRequest } from '../builder/meanings';
import { meaningsWhere, teachLocalMeanings } from '../builder/meanings-local';
import { publishMatchTable } from './core-handlers';
import { registerHandler } from './router';
import { afterFirstAnswer } from './startup';

/** Checked hourly; each subscription decides by itself whether it is due (daily, or later after failures). */
export const PACK_ALARM = 'trailguide-pack-refresh';
const ALARM_PERIOD_MINUTES = 60;

/** Content scripts read the match table; panels and the options page hear `packs:changed`. */
async function spreadPackChange(): Promise<void> {
  await publishMatchTable();
  // Rejects when no extension page is open to hear it; that is fine.
  await browser.runtime.sendMessage({ type: PACKS_CHANGED }).catch(() => undefined);
}

async function maintainPacks(): Promise<void> {
  await ensureBuiltinPack();
  await applyManagedPolicy();
  await refreshSubscriptions({ dueOnly: true });
}

export function registerPackHandlers(): void {
  onPacksChanged(spreadPackChange);

  registerHandler('packs:list', packsListRequest, 'extension-page', async (): Promise<PacksListReply> => ({
    ...(await listPackSummaries()),
    policy: await policyStatus(),
  }));
  registerHandler('packs:import', packsImportRequest, 'extension-page', (m) => importPackText(m.text, { replace: m.replace }));
  registerHandler('packs:subscribe', packsSubscribeRequest, 'extension-page', (m) => subscribe(m.url, { replace: m.replace }));
  registerHandler('packs:refresh', packsRefreshRequest, 'extension-page', async (m) => {
    if (m.id) return summarizeCheck(await refreshPack(m.id));
    const results = (await refreshSubscriptions()).map(summarizeCheck);
    return { results };
  });
  registerHandler('packs:set-enabled', packsSetEnabledRequest, 'extension-page', (m) => setPackEnabled(m.id, m.enabled));
  registerHandler('packs:delete', packsDeleteRequest, 'extension-page', (m) => deletePack(m.id));
  registerHandler('packs:restore', packsRestoreRequest, 'extension-page', (m) => restorePack(m.id));
  registerHandler('packs:export', packsExportRequest, 'extension-page', (m) => exportPack(m.id));
  registerHandler('runbook:source', runbookSourceRequest, 'extension-page', async (m) => ({ source: await runbookSource(m.packId, m.runbookId) }));
  registerHandler('runbook:save-local', runbookSaveLocalRequest, 'extension-page', (m) => saveLocalRunbook(m.runbook));
  registerHandler('runbook:validate', runbookValidateRequest, 'extension-page', (m) => parseRunbookSource(m.source));
  registerHandler('adapter:save-local', adapterSaveLocalRequest, 'extension-page', (m) => saveLocalAdapter(m.adapter));
  registerHandler('adapter:meanings-where', adapterMeaningsWhereRequest, 'extension-page', (m) => meaningsWhere(m.adapterId));
  registerHandler('adapter:teach-meanings', adapterTeachMeaningsRequest, 'extension-page', (m) => teachLocalMeanings(m.adapterId, m.meanings));

  // Listeners are added synchronously so an alarm or policy change can wake the worker.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_ALARM) void maintainPacks().catch(() => undefined);
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyManagedPolicy().catch(() => undefined);
  });
  // After the first answer (startup.ts): a panel's packs come from the database, seeded on demand.
  afterFirstAnswer(async () => {
    // Re-creating an existing alarm would restart its clock each time the worker wakes.
    if (!(await browser.alarms.get(PACK_ALARM))) {
      await browser.alarms.create(PACK_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: 1 });
    }
    await maintainPacks();
  });
}
