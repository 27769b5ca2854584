// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewNotice } from '../../components/panel/ReviewNotice';
import { RunbookView } from '../../components/panel/RunbookView';
import * as session from '../../components/panel/session';
import { adapterId, packs, pageUrl, tabId } from '../../components/panel/state';
import { ReviewDue } from '../../components/options/ReviewDue';
import { getCase } from '../../utils/cases/cases';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { CapturedRow } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { PackSummary } from '../../utils/packs/messages';
import { readAdapterHealth } from '../../utils/review/failures';
import { runbookSchema } from '../../utils/schema/runbook';
import { connectPagesToBackground, tearDownUi, useFreshDatabase, waitFor } from './cases-fixtures';

const builtin = loadBuiltinPack();
const JANE = 'jane@customer.example';

const runbook = runbookSchema.parse({
  id: 'who-changed-it',
  title: 'Who changed it?',
  summary: 'Branches on who the actor is.',
  inputs: [{ name: 'email', label: 'Email', type: 'email' }],
  steps: [
    { title: 'Capture', action: { type: 'capture' } },
    {
      title: 'Who made the change?',
      branch: {
        question: 'Who is the actor?',
        answers: [
          { answer: 'The customer', if: { column: 'actor', equals: '{{email}}' }, outcome: 'own' },
          { answer: 'Someone else', next: 'other' },
        ],
      },
    },
    { id: 'other', title: 'Ask the team' },
  ],
  outcomes: [{ id: 'own', when: 'The customer did it', meaning: 'Tell them.' }],
});
const pack = { ...builtin, id: 'test-pack', runbooks: [runbook] };

let database: TrailguideDatabase;
let container: HTMLElement;
let pageRows: CapturedRow[] = [];

function row(actor: string, target = 'acct'): CapturedRow {
  return { time: '2026-11-29T10:00:00.000Z', actor, action: 'account.settings_changed', target, ip: '', result: '', raw: { actor, action: 'account.settings_changed', target } };
}

const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];

beforeEach(async () => {
  fakeBrowser.reset();
  database = useFreshDatabase();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, request } = message as { type?: string; request?: { type?: string } };
    if (type !== 'exec:run') return undefined;
    if (request?.type === 'exec:capture') return Promise.resolve({ type: 'exec:capture', result: { rows: pageRows, pages: 1, stoppedBecause: 'last-page', warnings: [] } });
    if (request?.type === 'exec:readback') return Promise.resolve({ applied: null });
    return Promise.resolve({ error: 'Not part of this test.' });
  });
  connectPagesToBackground();
  packs.value = [builtin, pack];
  adapterId.value = 'acme-demo';
  tabId.value = 9;
  pageUrl.value = 'https://acme.example/audit';
  container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(<RunbookView runbook={runbook} />, container);
  });
  await waitFor(() => expect(session.stepStates.value).toHaveLength(3));
});

afterEach(() => {
  tearDownUi(container, database);
});

describe('a branching runbook in the panel', () => {
  it('shows only the path, decides from the captured rows, and keeps the path in the case', async () => {
    expect($$('[data-testid="step"]').map((s) => s.dataset.stepIndex)).toEqual(['0', '1']);
    await act(() => session.setValue(runbook, 'email', JANE));
    pageRows = [row('li@acme.example'), row('Jane@Customer.example ')];
    await act(() => session.runStep(runbook, 0));
    await waitFor(() => expect(session.pathAnswers.value).toHaveLength(1));
    expect(session.pathAnswers.value[0]).toMatchObject({ step: 1, answer: 0, decidedBy: 'rows', because: `a captured row whose Actor is ${JANE}` });
    await waitFor(() => expect(container.querySelector('[data-testid="path-outcome"]')?.textContent).toContain('Where this led: The customer did it'));
    // The other arm never shows.
    expect($$('[data-testid="step"]').map((s) => s.dataset.stepIndex)).toEqual(['0', '1']);
    const id = session.caseId.value!;
    await waitFor(async () => expect((await getCase(id))?.path).toMatchObject({ steps: [0, 1], outcome: 'The customer did it', answers: [{ decidedBy: 'rows', answerText: 'The customer' }] }));

    // The agent overrides: the other arm appears, the case follows.
    await act(() => $$('[data-testid="branch-answer"]')[1]!.click());
    expect($$('[data-testid="step"]').map((s) => s.dataset.stepIndex)).toEqual(['0', '1', '2']);
    expect(container.querySelector('[data-testid="path-outcome"]')).toBeNull();
    await waitFor(async () => expect((await getCase(id))?.path).toMatchObject({ steps: [0, 1, 2], outcome: null, answers: [{ decidedBy: 'agent', answerText: 'Someone else' }] }));

    // Reopening the runbook resumes the case with its answers.
    await act(() => session.openSession(runbook));
    await waitFor(() => expect(session.pathAnswers.value.map((a) => a.answerText)).toEqual(['Someone else']));
  });

  it('leaves the question to the agent while nothing was captured, and counts the capture per adapter part', async () => {
    await act(() => session.setValue(runbook, 'email', JANE));
    expect(container.querySelector('[data-testid="branch"]')?.getAttribute('data-answered')).toBe('false');
    expect(container.querySelector('[data-testid="branch"]')?.textContent).toContain('once step 1 has captured them');
    pageRows = [row('li@acme.example', ''), row('sam@acme.example', '')];
    await act(() => session.runStep(runbook, 0));
    await waitFor(() => expect(container.querySelector('[data-testid="branch"]')?.textContent).toContain("The captured rows don't settle it"));
    expect(session.pathAnswers.value).toEqual([]);
    await waitFor(async () => expect((await readAdapterHealth())['acme-demo']?.['column:target']?.tries).toEqual(["couldn't be read"]));
    expect((await readAdapterHealth())['acme-demo']?.['column:actor']?.tries).toEqual(['ok']);
  });
});

describe('review dates on screen', () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');

  it('the panel notice is quiet while fresh and plain once due', async () => {
    await act(() => {
      render(<ReviewNotice item={{ owner: 'Support leads', reviewed: '2026-11-19', reviewEvery: '90d' }} now={NOW} />, container);
    });
    expect(container.querySelector('[data-testid="review-notice"]')?.getAttribute('data-state')).toBe('fresh');
    expect(container.textContent).toBe('Reviewed 12 days ago by Support leads');
    await act(() => {
      render(<ReviewNotice item={{ owner: 'Support leads', reviewed: '2026-08-01', reviewEvery: '90d' }} now={NOW} />, container);
    });
    expect(container.querySelector('[data-testid="review-notice"]')?.getAttribute('data-state')).toBe('due');
    expect(container.textContent).toContain('Due for review — tell Support leads if something is wrong');
  });

  it('the options page lists what is due across the packs in use, not switched-off ones', async () => {
    const summary = (id: string, enabled: boolean): PackSummary =>
      ({
        id,
        name: `Pack ${id}`,
        enabled,
        runbooks: [
          { id: 'old', title: 'Old runbook', reviewed: '2026-01-01', reviewEvery: '90d', owner: 'Support leads', shadowed: false },
          { id: 'new', title: 'New runbook', reviewed: '2026-11-30', reviewEvery: '90d', shadowed: false },
        ],
        adapters: [{ id: 'tool', name: 'Old tool', reviewEvery: '30d' }],
      }) as unknown as PackSummary;
    await act(() => {
      render(<ReviewDue packs={[summary('on', true), summary('off', false)]} now={NOW} />, container);
    });
    const items = $$('[data-testid="review-due-item"]');
    expect(items.map((i) => [i.dataset.kind, i.querySelector('strong')?.textContent])).toEqual([
      ['runbook', 'Old runbook'],
      ['adapter', 'Old tool'],
    ]);
    expect(items[0]!.textContent).toContain('looked after by Support leads');
    expect(items[1]!.textContent).toContain('It has no review date');
  });
});
