import { browser } from 'wxt/browser';
import { z } from 'zod';
import { db, type PackRecordWithText } from '../db/database';
import { deletePackRecords, packTextOf, putPackRecords } from '../db/pack-texts';
import { builtinPackStamp } from '../pack/builtin';
import { parsePackText } from '../pack/parse';
import type { Pack } from '../schema/pack';
import { formatPath } from '../schema/safe';
import { fetchPackText, packUrlProblem, type FetchOptions } from './fetch-pack';
import type { PolicyStatus } from './messages';
import { announcePacksChanged, listPackRecords, problemSentence, withPackLock } from './store';
import { DAY_MS } from './subscriptions';
import { SOURCE_WORDS } from './words';
import { lazySchema } from '../schema/lazy';

/**
 * Packs pushed by IT through the browser's managed storage (public/managed-schema.json,
 * docs/managed-policy.md). The whole policy is checked before anything changes: one bad
 * entry and the packs in force stay exactly as they were, with a plain message saying why.
 * Packs from the policy are locked: people cannot switch them off or delete them.
 */
export const POLICY_STATUS_KEY = 'managedPolicyStatus';
export const MAX_POLICY_PACKS = 50;

const policySchema = lazySchema(() => z.object({
  packUrls: z.array(z.string().trim().min(1).max(2_000)).max(MAX_POLICY_PACKS).optional(),
  packs: z.array(z.string()).max(MAX_POLICY_PACKS).optional(),
}));

export type PolicyCheck =
  | { ok: true; urls: string[]; inline: { pack: Pack; raw: string }[] }
  | { ok: false; message: string };

const REJECTED = "Your organisation's Trailguide policy was not applied, and nothing was changed:";

/** Pure: is this policy usable as a whole? */
export function validatePolicy(data: unknown): PolicyCheck {
  const shape = policySchema.safeParse(data ?? {});
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const field = issue ? formatPath(issue.path) : '';
    const what = field.startsWith('packUrls') ? 'a list of pack addresses' : field.startsWith('packs') ? 'a list of packs, each as JSON text' : 'a group of settings';
    return { ok: false, message: `${REJECTED} "${field || 'policy'}" should be ${what}${issue?.code === 'too_big' ? ` (at most ${MAX_POLICY_PACKS})` : ''}.` };
  }
  const urls: string[] = [];
  for (const [index, value] of (shape.data.packUrls ?? []).entries()) {
    const problem = packUrlProblem(value);
    if (problem) return { ok: false, message: `${REJECTED} "packUrls[${index}]" (${value}): ${problem}` };
    const href = new URL(value).href;
    if (!urls.includes(href)) urls.push(href);
  }
  const builtinId = builtinPackStamp().id;
  const inline: { pack: Pack; raw: string }[] = [];
  for (const [index, raw] of (shape.data.packs ?? []).entries()) {
    const parsed = parsePackText(raw);
    if (!parsed.ok) return { ok: false, message: `${REJECTED} the pack in "packs[${index}]" is not valid: ${problemSentence(parsed.problem)}` };
    if (parsed.pack.id === builtinId) {
      return { ok: false, message: `${REJECTED} the pack in "packs[${index}]" uses the id of Trailguide's built-in pack ("${builtinId}").` };
    }
    if (inline.some((p) => p.pack.id === parsed.pack.id)) {
      return { ok: false, message: `${REJECTED} two packs in "packs" share the id "${parsed.pack.id}".` };
    }
    inline.push({ pack: parsed.pack, raw });
  }
  return { ok: true, urls, inline };
}

async function readPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policy file throws; that simply means "no policy".
    return {};
  }
}

async function saveStatus(status: PolicyStatus): Promise<PolicyStatus> {
  await db().settings.put({ key: POLICY_STATUS_KEY, value: status });
  return status;
}

export async function policyStatus(): Promise<PolicyStatus | null> {
  return ((await db().settings.get(POLICY_STATUS_KEY))?.value as PolicyStatus | undefined) ?? null;
}

interface Incoming {
  pack: Pack;
  raw: string;
  url?: string;
  etag?: string;
  lastModified?: string;
}

export async function applyManagedPolicy(options: FetchOptions & { now?: number; read?: () => Promise<unknown> } = {}): Promise<PolicyStatus> {
  const now = options.now ?? Date.now();
  const check = validatePolicy(await (options.read ?? readPolicy)());
  if (!check.ok) return saveStatus({ state: 'rejected', message: check.message, problems: [], checkedAt: now });

  const records = await listPackRecords();
  const builtinId = builtinPackStamp().id;
  const problems: string[] = [];
  const incoming: Incoming[] = check.inline.map((p) => ({ ...p }));

  // New addresses are downloaded and validated first; one that fails is retried later
  // and does not hold back the rest of the policy.
  for (const url of check.urls) {
    if (records.some((r) => r.source === 'managed' && r.url === url)) continue;
    const outcome = await fetchPackText(url, {}, options);
    const retry = 'Trailguide will try again within the hour.';
    if (outcome.kind !== 'ok' || outcome.looksLikeHtml) {
      const cause = outcome.kind === 'failed' ? outcome.message : 'The address returned a web page, not a pack.';
      problems.push(`Couldn't get the pack at ${url} yet: ${cause} ${retry}`);
      continue;
    }
    const parsed = parsePackText(outcome.text);
    if (!parsed.ok) {
      problems.push(`The pack at ${url} is not valid: ${problemSentence(parsed.problem)} ${retry}`);
      continue;
    }
    if (parsed.pack.id === builtinId || incoming.some((p) => p.pack.id === parsed.pack.id)) {
      problems.push(`The pack at ${url} uses the id "${parsed.pack.id}", which another pack already has, so it was left out.`);
      continue;
    }
    incoming.push({ pack: parsed.pack, raw: outcome.text, url, ...(outcome.etag ? { etag: outcome.etag } : {}), ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}) });
  }

  const changed = await withPackLock(async () => {
    const current = await db().packs.toArray();
    const inlineIds = new Set(check.inline.map((p) => p.pack.id));
    const removals = new Set(
      current.filter((r) => r.source === 'managed' && (r.url ? !check.urls.includes(r.url) : !inlineIds.has(r.id))).map((r) => r.id),
    );
    const puts: PackRecordWithText[] = [];
    for (const item of incoming) {
      const existing = current.find((r) => r.id === item.pack.id);
      if (existing?.source === 'managed' && existing.url === item.url && (await packTextOf(existing.id)) === item.raw) continue;
      if (existing && existing.source !== 'managed') {
        problems.push(`Your organisation's pack "${item.pack.name}" replaced the copy you had (${SOURCE_WORDS[existing.source].toLowerCase()}).`);
      }
      const record: PackRecordWithText = {
        id: item.pack.id,
        source: 'managed',
        enabled: true,
        locked: true,
        pack: item.pack,
        raw: item.raw,
        installedAt: existing?.source === 'managed' ? existing.installedAt : now,
        updatedAt: now,
      };
      if (item.url) Object.assign(record, { url: item.url, lastCheckedAt: now, nextCheckAt: now + DAY_MS, failures: 0 });
      if (item.etag) record.etag = item.etag;
      if (item.lastModified) record.lastModified = item.lastModified;
      puts.push(record);
      removals.delete(record.id);
    }
    if (removals.size === 0 && puts.length === 0) return false;
    await deletePackRecords([...removals]);
    await putPackRecords(puts);
    return true;
  });
  if (changed) void announcePacksChanged();

  const total = check.urls.length + check.inline.length;
  const message =
    total === 0
      ? 'Your organisation has not set any Trailguide packs.'
      : `Your organisation's policy is in force: ${total} ${total === 1 ? 'pack' : 'packs'} set by IT.`;
  return saveStatus({ state: total === 0 ? 'none' : 'applied', message, problems, checkedAt: now });
}
