// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reopenableUrl } from '../../components/history/values';
import { HistoryView } from '../../components/history/HistoryView';
import { addCapture } from '../../utils/cases/captures';
import { createCase, updateCase } from '../../utils/cases/cases';
import { saveEscalation } from '../../utils/cases/escalations';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { CaseRecord } from '../../utils/db/records';
import { connectPagesToBackground, sampleCase, sampleRows, tearDownUi, useFreshDatabase, waitFor } from './cases-fixtures';

const DAY = 86_400_000;
let database: TrailguideDatabase;
let container: HTMLElement;
let recent: CaseRecord;
let old: CaseRecord;
let hash: string;

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
/** jsdom's Blob has no text(); FileReader it is. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
const caseItems = () => $$('[data-testid="history-item"][data-kind="case"]');

async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
  });
}

async function change(selector: string, value: string, event = 'change') {
  await act(() => {
    const field = $<HTMLInputElement | HTMLSelectElement>(selector);
    field.value = value;
    field.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  database = useFreshDatabase();
  connectPagesToBackground();
  const now = Date.now();
  old = await createCase(sampleCase({ runbookId: 'compliance-access-history', runbookTitle: 'Access history for an audit', tool: 'Okta', adapterId: 'okta', inputs: { range: '2025-01-01..2025-01-31' } }), now - 400 * DAY);
  recent = await createCase(sampleCase({ notes: 'urgent customer' }), now - DAY);
  hash = (
    await addCapture(recent.id, {
      stepIndex: 1,
      sourceUrl: 'https://acme.example/audit?action=account.settings_changed&since=2026-03-01',
      adapterId: 'acme-demo',
      filters: { action: 'account.settings_changed', since: '2026-03-01' },
      timeRange: { from: '2026-03-01', to: null },
      rows: sampleRows(7),
    }, now - DAY)
  ).hash;
  await saveEscalation({ caseId: recent.id, title: 'Settings changed for Dana', body: 'b', status: 'copied' }, now - DAY);
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<HistoryView />, container));
  await waitFor(() => expect(caseItems()).toHaveLength(2));
});

afterEach(() => {
  tearDownUi(container, database);
  vi.unstubAllGlobals();
});

describe('HistoryView', () => {
  it('lists cases newest first with their escalations', () => {
    expect(caseItems().map((el) => el.dataset.caseId)).toEqual([recent.id, old.id]);
    const escalation = $('[data-testid="history-item"][data-kind="escalation"]');
    expect(escalation.textContent).toContain('Settings changed for Dana');
    expect(escalation.dataset.status).toBe('copied');
    expect(caseItems()[0]!.dataset.status).toBe('escalated');
  });

  it('searches and filters by tool, runbook, status and date', async () => {
    await change('[data-testid="history-search"]', 'URGENT', 'input');
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([recent.id]));
    await change('[data-testid="history-search"]', '', 'input');
    await change('[data-testid="history-tool"]', 'Okta');
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([old.id]));
    await change('[data-testid="history-tool"]', '');
    await change('[data-testid="history-status"]', 'escalated');
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([recent.id]));
    await change('[data-testid="history-status"]', '');
    await change('[data-testid="history-runbook"]', 'compliance-access-history');
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([old.id]));
    await change('[data-testid="history-runbook"]', '');
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    const iso = `${twoDaysAgo.getFullYear()}-${String(twoDaysAgo.getMonth() + 1).padStart(2, '0')}-${String(twoDaysAgo.getDate()).padStart(2, '0')}`;
    await change('[data-testid="history-from"]', iso);
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([recent.id]));
  });

  it('shows a case’s captures and exports the audit report as files', async () => {
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:fake'), revokeObjectURL: () => undefined }));
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await click(caseItems()[0]!.querySelector('button')!);
    await waitFor(() => expect($$('[data-testid="history-row"]')).toHaveLength(7));
    expect($('[data-testid="history-capture"]').dataset.hash).toBe(hash);

    await click($('[data-testid="export-csv"]'));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]).toMatch(/^trailguide-audit-settings-changed-without-permission-.*\.csv$/);
    const csv = await readBlob(created[0]!);
    expect(csv).toContain(`SHA-256,${hash}`);
    expect(csv.trim().split('\r\n').slice(-7)).toHaveLength(7);

    await click($('[data-testid="export-json"]'));
    await waitFor(() => expect(clicks).toHaveLength(2));
    const report = JSON.parse(await readBlob(created[1]!));
    expect(report.captures[0].hash).toBe(hash);
    expect(report.captures[0].rows).toEqual(sampleRows(7));
  });

  it('reopens the case at its last filtered address', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    await click(caseItems()[0]!.querySelector('button')!);
    await waitFor(() => expect($('[data-testid="history-reopen"]')).toBeTruthy());
    await click($('[data-testid="history-reopen"]'));
    expect(open).toHaveBeenCalledWith('https://acme.example/audit?action=account.settings_changed&since=2026-03-01', '_blank', 'noopener,noreferrer');
    expect(reopenableUrl('javascript:alert(1)')).toBeNull();
  });

  it('deletes with an Undo bar that brings the case back', async () => {
    await click(caseItems()[0]!.querySelector('button')!);
    await waitFor(() => expect($('[data-testid="history-delete"]')).toBeTruthy());
    await click($('[data-testid="history-delete"]'));
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([old.id]));
    expect($('[data-testid="undo-bar"]').textContent).toContain('Deleted');
    await click($('[data-testid="undo-delete"]'));
    await waitFor(() => expect(caseItems()).toHaveLength(2));
    expect(await database.captures.count()).toBe(1);
  });

  it('previews retention, then applies it', async () => {
    await change('[data-testid="retention-days"]', '365', 'input');
    await click($('[data-testid="retention-preview"]'));
    await waitFor(() => expect($$('[data-testid="retention-case"]')).toHaveLength(1));
    expect($('[data-testid="retention-case"]').textContent).toContain('Access history for an audit');
    expect(await database.cases.count()).toBe(2);
    await click($('[data-testid="retention-apply"]'));
    await waitFor(() => expect(caseItems().map((el) => el.dataset.caseId)).toEqual([recent.id]));
    expect((await database.settings.get('retentionDays'))?.value).toBe(365);
    expect($('[data-testid="retention"] [role=status]').textContent).toMatch(/kept for 365 days. 1 old case was deleted/);
  });

  it('says plainly when storage fails', async () => {
    await updateCase(recent.id, { notes: 'x' });
    vi.spyOn(database.cases, 'put').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
    await click(caseItems()[0]!.querySelector('button')!);
    await waitFor(() => expect($('[data-testid="history-delete"]')).toBeTruthy());
    await click($('[data-testid="history-delete"]'));
    await waitFor(() => expect($('[role=alert]').textContent).toMatch(/out of space/));
    expect(caseItems()).toHaveLength(2);
  });
});
