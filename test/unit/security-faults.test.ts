import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type SenderCheck } from '../../utils/background/router';
import { canonicalJson, sha256Hex } from '../../utils/cases/canonical';
import { STORAGE_FULL_MESSAGE } from '../../utils/db/errors';
import type { SenderInfo } from '../../utils/messages';
import { sampleCase, sampleRows, useCaseHandlersPerTest } from './cases-fixtures';

/**
 * Issue 7 §6 (storage) — the browser runs out of space while the panel saves a
 * capture or an escalation. Through the real message path the panel gets the
 * plain message (never a DOMException name), and nothing already stored changes.
 * The subscription half of §6 (404/500/HTML/empty/older → last good copy byte
 * for byte) is proven in test/unit/packs-subscriptions.test.ts.
 */
const check: SenderCheck = { extensionId: 'trailguide-id', extensionOrigin: 'chrome-extension://trailguide-id/' };
const panel: SenderInfo = { id: 'trailguide-id', url: 'chrome-extension://trailguide-id/panel.html', tab: { id: 3 } };
const send = (message: unknown) => dispatch(message, panel, check) as Promise<Record<string, unknown>>;

const currentDatabase = useCaseHandlersPerTest();

async function everything(): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of currentDatabase().tables) tables[table.name] = await table.toArray();
  return sha256Hex(canonicalJson(tables));
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const FAILURES: [string, () => unknown][] = [
  ['a bare QuotaExceededError', quota],
  ['a QuotaExceededError wrapped in Dexie’s AbortError', () => new Dexie.AbortError('Transaction aborted', quota())],
  ['a QuotaExceededError as the cause of a plain AbortError', () => Object.assign(new DOMException('aborted', 'AbortError'), { inner: quota() })],
];

describe.each(FAILURES)('storage full (%s)', (_name, failure) => {
  it('a capture: plain message, nothing lost', async () => {
    const created = (await send({ type: 'case:create', case: sampleCase() })) as { id: string };
    expect(await send({ type: 'capture:add', caseId: created.id, capture: { stepIndex: 1, sourceUrl: 'u', adapterId: 'acme-demo', rows: sampleRows(20) } })).not.toHaveProperty('error');
    const before = await everything();
    vi.spyOn(currentDatabase().captures, 'add').mockImplementation(() => Promise.reject(failure()) as never);
    const reply = await send({ type: 'capture:add', caseId: created.id, capture: { stepIndex: 2, sourceUrl: 'u', adapterId: 'acme-demo', rows: sampleRows(5_000) } });
    expect(reply).toEqual({ error: STORAGE_FULL_MESSAGE });
    vi.restoreAllMocks();
    expect(await everything()).toBe(before);
  });

  it('an escalation: plain message, the saved draft kept', async () => {
    const created = (await send({ type: 'case:create', case: sampleCase() })) as { id: string };
    await send({ type: 'escalation:save', escalation: { id: 'esc-1', caseId: created.id, title: 'Draft kept', body: 'Body kept' } });
    const before = await everything();
    vi.spyOn(currentDatabase().escalations, 'put').mockImplementation(() => Promise.reject(failure()) as never);
    const reply = await send({ type: 'escalation:save', escalation: { id: 'esc-1', caseId: created.id, title: 'New words', body: 'New body', status: 'copied' } });
    expect(reply).toEqual({ error: STORAGE_FULL_MESSAGE });
    expect(String(reply.error)).not.toMatch(/QuotaExceeded|AbortError|DOMException/);
    vi.restoreAllMocks();
    expect(await everything()).toBe(before);
    expect((await currentDatabase().escalations.get('esc-1'))?.title).toBe('Draft kept');
  });
});
