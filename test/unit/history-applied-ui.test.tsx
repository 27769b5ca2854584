// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetailView } from '../../components/history/CaseDetailView';
import type { CaseDetail } from '../../utils/cases/cases';
import type { CaptureRecord } from '../../utils/db/records';
import { buildEscalation } from '../../utils/escalation/build';
import { sampleRows } from './cases-fixtures';

const rows = sampleRows(2);
const base: CaptureRecord = {
  id: 'cap-1', caseId: 'case-1', stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo',
  filters: { actor: 'dana@northwind.example', since: '2026-03-01' }, timeRange: { from: '2026-03-01', to: null },
  capturedAt: Date.UTC(2026, 2, 20), rows, rowCount: 2, hash: 'a'.repeat(64),
};
const checked: CaptureRecord = {
  ...base,
  id: 'cap-2',
  hash: 'b'.repeat(64),
  capturedAt: Date.UTC(2026, 2, 21),
  applied: {
    filters: [
      { name: 'actor', intended: 'dana@northwind.example', shown: 'Dana W.', status: 'applied' },
      { name: 'since', intended: '2026-03-01', shown: null, status: 'not-applied', reason: 'The From box would not take a date.' },
    ],
    timeRange: { from: null, to: null },
    readFrom: 'controls',
    checkedAt: Date.UTC(2026, 2, 21),
  },
  observed: { earliest: rows[0]!.time, latest: rows[1]!.time, unreadable: 0 },
};
const detail: CaseDetail = {
  case: {
    id: 'case-1', runbookId: 'r', runbookTitle: 'Settings changed', packId: 'p', adapterId: 'acme-demo', tool: 'Acme Admin', pageUrl: 'https://acme.example/audit',
    inputs: {}, steps: ['done', 'done'], currentStep: 1, notes: '', status: 'open', createdAt: 0, updatedAt: 0,
  },
  captures: [base, checked],
  escalations: [],
};

let container: HTMLElement;
beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<CaseDetailView detail={detail} />, container));
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function statements(captureId: string): Record<string, string> {
  const block = container.querySelector(`[data-capture-id="${captureId}"]`)!;
  return Object.fromEntries(
    [...block.querySelectorAll<HTMLElement>('[data-testid="history-capture-statement"]')].map((el) => [el.querySelector('dt')!.textContent!, el.querySelector('dd')!.textContent!]),
  );
}

describe('History states what the console applied, as the escalation does', () => {
  it('says an old capture’s filters were not checked, and never lists them as applied', () => {
    const lines = statements('cap-1');
    expect(Object.keys(lines)).toEqual(['Time range applied by the console', 'Filters not checked', 'Rows span']);
    expect(lines['Filters not checked']).toContain('The runbook asked for: actor = dana@northwind.example; since = 2026-03-01.');
    expect(container.querySelector('[data-capture-id="cap-1"]')!.textContent).not.toContain('Filters applied');
  });

  it('lists applied and not-applied filters with the console’s values and reasons', () => {
    const lines = statements('cap-2');
    expect(lines['Filters applied']).toBe('actor = Dana W.');
    expect(lines['Not applied']).toBe('since (asked for 2026-03-01): The From box would not take a date.');
    expect(lines['Time range applied by the console']).toBe('not limited (all dates the log keeps)');
    expect(lines['Rows span']).toBe(`earliest ${rows[0]!.time}, latest ${rows[1]!.time}`);
  });

  it('uses the very words of the plain-text escalation', () => {
    const text = buildEscalation({ case: detail.case, captures: detail.captures, now: Date.UTC(2026, 2, 22) }).text;
    for (const id of ['cap-1', 'cap-2']) {
      for (const [label, value] of Object.entries(statements(id))) expect(text, `${id} ${label}`).toContain(`${label}: ${value}`);
    }
  });
});
