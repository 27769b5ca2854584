import { db, type PackRecordWithText } from '../db/database';
import { putPackRecord, withText } from '../db/pack-texts';
import { parsePackText } from '../pack/parse';
import type { ImportReply, PackSummary } from './messages';
import { fetchPackText, packUrlProblem, type FetchOptions, type FetchOutcome } from './fetch-pack';
import { compareVersions } from './semver';
import {
  PackActionError,
  announcePacksChanged,
  conflictFor,
  ensureBuiltinPack,
  getPackRecord,
  listPackRecords,
  problemSentence,
  summarizePack,
  withPackLock,
} from './store';

/**
 * Packs followed by address. A check that fails or brings something unusable
 * keeps the last good copy byte for byte (`raw` untouched), says why in
 * `lastError`, and backs off; a good check resets the schedule to once a day.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
const WEB_PAGE = 'The address returned a web page, not a pack. The address may be wrong, or the server may want you to sign in.';

/** 1 h after the first failure, then 2 h, 4 h, … never more than a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(HOUR_MS * 2 ** Math.max(0, failures - 1), DAY_MS);
}

export interface CheckResult {
  record: PackRecordWithText;
  status: 'updated' | 'unchanged' | 'failed';
  message: string;
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What one check means for a subscribed pack. Pure, so every case is easy to test. */
export function applyCheck(record: PackRecordWithText, outcome: FetchOutcome, now: number): CheckResult {
  const fail = (cause: string): CheckResult => {
    const failures = (record.failures ?? 0) + 1;
    const message = `${cause} Trailguide kept the last good copy (version ${record.pack.version}) and will try again later.`;
    return {
      status: 'failed',
      message,
      record: { ...record, lastCheckedAt: now, failures, nextCheckAt: now + retryDelayMs(failures), lastError: message },
    };
  };
  const healthy = (extra: Partial<PackRecordWithText>): PackRecordWithText =>
    withoutEmpty({ ...record, ...extra, lastCheckedAt: now, nextCheckAt: now + DAY_MS, failures: 0, lastError: undefined });

  if (outcome.kind === 'failed') return fail(outcome.message);
  if (outcome.kind === 'not-modified') {
    return { status: 'unchanged', message: `"${record.pack.name}" is up to date (version ${record.pack.version}).`, record: healthy({}) };
  }
  if (outcome.looksLikeHtml) return fail(WEB_PAGE);
  const parsed = parsePackText(outcome.text);
  if (!parsed.ok) return fail(`The pack at this address is not valid any more: ${problemSentence(parsed.problem)}`);
  const { pack } = parsed;
  if (pack.id !== record.id) {
    return fail(`The address now holds a different pack ("${pack.id}" instead of "${record.id}").`);
  }
  if (compareVersions(pack.version, record.pack.version) < 0) {
    return fail(`The address offers version ${pack.version}, which is older than the installed ${record.pack.version}.`);
  }
  const validators = { etag: outcome.etag, lastModified: outcome.lastModified };
  if (outcome.text === record.raw) {
    return { status: 'unchanged', message: `"${pack.name}" is up to date (version ${pack.version}).`, record: healthy(validators) };
  }
  return {
    status: 'updated',
    message: `Updated "${pack.name}" to version ${pack.version}.`,
    record: healthy({ ...validators, pack, raw: outcome.text, updatedAt: now }),
  };
}

const inFlight = new Map<string, Promise<CheckResult>>();

/** Checks one subscribed pack now (the "Check now" button, the daily alarm). */
export function refreshPack(id: string, options: FetchOptions & { now?: number } = {}): Promise<CheckResult> {
  const running = inFlight.get(id);
  if (running) return running;
  const work = (async () => {
    await ensureBuiltinPack();
    const record = await getPackRecord(id);
    if (!record.url) throw new PackActionError('This pack was not installed from an address, so there is nothing to check.');
    // The download happens outside the write queue: a slow server must not block the page.
    const outcome = await fetchPackText(record.url, { etag: record.etag, lastModified: record.lastModified }, options);
    return withPackLock(async () => {
      const current = await db().packs.get(id);
      if (!current || current.url !== record.url) throw new PackActionError('This pack was removed while Trailguide was checking it.');
      const result = applyCheck(await withText(current), outcome, options.now ?? Date.now());
      await putPackRecord(result.record);
      void announcePacksChanged();
      return result;
    });
  })();
  inFlight.set(id, work);
  void work.finally(() => inFlight.delete(id)).catch(() => undefined);
  return work;
}

/** Checks every pack followed by address, or only those whose time has come. */
export async function refreshSubscriptions(options: FetchOptions & { now?: number; dueOnly?: boolean } = {}): Promise<CheckResult[]> {
  const now = options.now ?? Date.now();
  const records = (await listPackRecords()).filter((r) => r.url && (!options.dueOnly || (r.nextCheckAt ?? 0) <= now));
  const results: CheckResult[] = [];
  for (const record of records) {
    try {
      results.push(await refreshPack(record.id, options));
    } catch {
      // Removed meanwhile: nothing to report.
    }
  }
  return results;
}

export function summarizeCheck(result: CheckResult): { pack: PackSummary; message: string; ok: boolean } {
  return { pack: summarizePack(result.record), message: result.message, ok: result.status !== 'failed' };
}

/** Subscribes to a pack by address: downloaded and validated before anything is stored. */
export async function subscribe(url: string, options: FetchOptions & { replace?: boolean; now?: number } = {}): Promise<ImportReply> {
  const problem = packUrlProblem(url);
  if (problem) throw new PackActionError(problem);
  const href = new URL(url).href;
  const following = (await listPackRecords()).find((r) => r.url === href && r.source === 'url');
  if (following) {
    const result = await refreshPack(following.id, options);
    return { status: 'replaced', pack: summarizePack(result.record), message: `You already follow this address. ${result.message}` };
  }
  const outcome = await fetchPackText(href, {}, options);
  if (outcome.kind !== 'ok') {
    const cause = outcome.kind === 'failed' ? outcome.message : 'The server did not send the pack.';
    throw new PackActionError(`Trailguide couldn't subscribe: ${cause} Nothing was added.`);
  }
  if (outcome.looksLikeHtml) throw new PackActionError(`Trailguide couldn't subscribe: ${WEB_PAGE} Nothing was added.`);
  const parsed = parsePackText(outcome.text);
  if (!parsed.ok) throw new PackActionError(`The pack at this address can't be used: ${problemSentence(parsed.problem)} Nothing was added.`);
  const { pack } = parsed;
  await ensureBuiltinPack();
  return withPackLock(async () => {
    const now = options.now ?? Date.now();
    const existing = await db().packs.get(pack.id);
    const conflict = conflictFor(existing, pack, 'url', existing?.url === href, options.replace ?? false);
    if (conflict?.kind === 'refuse') throw new PackActionError(conflict.message);
    if (conflict?.kind === 'confirm') return { status: 'confirm', message: conflict.message };
    const record: PackRecordWithText = withoutEmpty({
      id: pack.id,
      source: 'url' as const,
      enabled: true,
      locked: false,
      pack,
      raw: outcome.text,
      installedAt: now,
      updatedAt: now,
      url: href,
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      lastCheckedAt: now,
      nextCheckAt: now + DAY_MS,
      failures: 0,
    });
    await putPackRecord(record);
    void announcePacksChanged();
    const count = pack.runbooks.length;
    return {
      status: existing ? 'replaced' : 'installed',
      pack: summarizePack(record),
      message: `Subscribed to "${pack.name}" version ${pack.version} (${count} ${count === 1 ? 'runbook' : 'runbooks'}). Trailguide checks it for updates every day.`,
    };
  });
}
