import { describe, expect, it } from 'vitest';
import { dispatch, type SenderCheck } from '../../utils/background/router';
import { hashRows } from '../../utils/cases/canonical';
import type { CaptureSummary, CaseRecord } from '../../utils/db/records';
import type { SenderInfo } from '../../utils/messages';
import { sampleCase, sampleRows, useCaseHandlersPerTest } from './cases-fixtures';

const check: SenderCheck = { extensionId: 'trailguide-id', extensionOrigin: 'chrome-extension://trailguide-id/' };
const panel: SenderInfo = { id: 'trailguide-id', url: 'chrome-extension://trailguide-id/panel.html', tab: { id: 3 } };
const contentScript: SenderInfo = { id: 'trailguide-id', url: 'https://acme.example/audit', tab: { id: 3 } };
const otherExtension: SenderInfo = { id: 'evil-id', url: 'chrome-extension://evil-id/page.html' };

const currentDatabase = useCaseHandlersPerTest();

const send = <T>(message: unknown, sender: SenderInfo = panel) => dispatch(message, sender, check) as Promise<T> | undefined;

describe('case message handlers', () => {
  it('runs a whole case: create, capture, escalate, history, export', async () => {
    const created = await send<CaseRecord>({ type: 'case:create', case: sampleCase() });
    expect(created?.status).toBe('open');
    const rows = sampleRows(12);
    const capture = await send<CaptureSummary>({
      type: 'capture:add',
      caseId: created!.id,
      capture: { id: 'cap-1', stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo', filters: { action: 'user.login' }, rows },
    });
    expect(capture?.hash).toBe(await hashRows(rows));
    const escalation = await send<{ id: string }>({ type: 'escalation:save', escalation: { caseId: created!.id, title: 'T', body: 'B', status: 'copied' } });
    expect(await send({ type: 'escalation:status', id: escalation!.id, status: 'opened', target: 'github' })).toMatchObject({ status: 'opened', target: 'github' });

    const history = await send<{ case: CaseRecord; escalations: unknown[] }[]>({ type: 'history:list', filter: { status: 'escalated' } });
    expect(history?.map((h) => h.case.id)).toEqual([created!.id]);
    const exported = await send<{ filename: string; text: string }>({ type: 'history:export', caseId: created!.id, format: 'json' });
    expect(JSON.parse(exported!.text).captures[0].hash).toBe(capture!.hash);
    const csv = await send<{ text: string }>({ type: 'history:export', caseId: created!.id, format: 'csv' });
    expect(csv!.text).toContain(capture!.hash);
  });

  it('delete, restore, retention and settings round-trip', async () => {
    const created = await send<CaseRecord>({ type: 'case:create', case: sampleCase() });
    await send({ type: 'case:delete', id: created!.id });
    expect(await send({ type: 'case:get', id: created!.id })).toBeNull();
    expect(await send({ type: 'case:list' })).toEqual([]);
    await send({ type: 'case:restore', id: created!.id });
    expect(await send({ type: 'case:get', id: created!.id })).toMatchObject({ case: { id: created!.id } });
    expect(await send({ type: 'retention:preview', days: 30 })).toMatchObject({ cases: [] });
    expect(await send({ type: 'retention:apply', days: 30 })).toEqual({ cases: 0, captures: 0, escalations: 0 });
    expect(await send({ type: 'settings:set', patch: { redactIps: true } })).toMatchObject({ redactIps: true });
    expect(await send({ type: 'settings:get' })).toMatchObject({ redactIps: true });
  });

  it('ignores every message from content scripts and other extensions', async () => {
    for (const sender of [contentScript, otherExtension, { ...panel, id: undefined }]) {
      expect(send({ type: 'case:create', case: sampleCase() }, sender)).toBeUndefined();
      expect(send({ type: 'settings:set', patch: { redactIps: true } }, sender)).toBeUndefined();
      expect(send({ type: 'retention:apply', days: 1 }, sender)).toBeUndefined();
    }
    expect(await currentDatabase().cases.count()).toBe(0);
  });

  it('rejects bad payloads plainly and stores nothing', async () => {
    const bad = [
      { type: 'case:create', case: { ...sampleCase(), extra: 1 } },
      { type: 'case:create', case: { ...sampleCase(), pageUrl: 'x'.repeat(8_001) } },
      { type: 'case:create' },
      { type: 'case:update', id: 'x', patch: { status: 'hacked' } },
      { type: 'capture:add', caseId: 'x', capture: { stepIndex: 0, sourceUrl: '', adapterId: 'a', rows: new Array(10_001).fill(sampleRows(1)[0]) } },
      { type: 'capture:add', caseId: 'x', capture: { stepIndex: 0, sourceUrl: '', adapterId: 'a', rows: [{ ...sampleRows(1)[0], actor: 'x'.repeat(4_001) }] } },
      { type: 'capture:add', caseId: 'x', capture: { stepIndex: 0, sourceUrl: '', adapterId: 'a', rows: [{ ...sampleRows(1)[0], raw: JSON.parse('{"prototype":"x"}') }] } },
      { type: 'escalation:status', id: 'x', status: 'sent' },
      { type: 'retention:apply', days: 0 },
      { type: 'retention:apply', days: '30' },
      { type: 'settings:set', patch: { githubBaseUrl: 'javascript:alert(1)' } },
      { type: 'settings:set', patch: { unknown: true } },
      { type: 'history:export', caseId: 'x', format: 'xlsx' },
    ];
    for (const message of bad) {
      expect(await send(message), JSON.stringify(message).slice(0, 80)).toEqual({ error: 'Trailguide received a request it did not understand.' });
    }
    expect(await currentDatabase().cases.count()).toBe(0);
    expect(await currentDatabase().settings.count()).toBe(0);
  });

  it('turns failures into plain errors', async () => {
    expect(await send({ type: 'case:update', id: 'gone', patch: { notes: 'x' } })).toEqual({ error: expect.stringMatching(/no longer exists/) });
    expect(await send({ type: 'history:export', caseId: 'gone', format: 'csv' })).toEqual({ error: expect.stringMatching(/nothing to export/) });
  });
});
