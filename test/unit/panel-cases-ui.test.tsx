// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { identifiesCase, identityLabel, sameIdentity } from '../../components/panel/case-rules';
import { CaseBanner } from '../../components/panel/CaseBanner';
import * as session from '../../components/panel/session';
import { adapterId, packs, pageUrl, tabId } from '../../components/panel/state';
import { listCaptures } from '../../utils/cases/captures';
import { getCase, listCases } from '../../utils/cases/cases';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { CapturedRow } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { runbookInput, type Runbook } from '../../utils/schema/runbook';
import { connectPagesToBackground, sampleRows, tearDownUi, useFreshDatabase, waitFor } from './cases-fixtures';

const pack = loadBuiltinPack();
const runbook: Runbook = pack.runbooks.find((r) => r.id === 'settings-changed-without-permission')!;
const JANE = 'jane@customer.example';
const BOB = 'bob@other.example';
const CAPTURE_STEP = runbook.steps.findIndex((s) => s.action?.type === 'capture');

let database: TrailguideDatabase;
let container: HTMLElement;
/** What the page "shows" for the next capture. */
let pageRows: CapturedRow[];
/** When set, the page's answer to a capture waits for it. */
let holdCapture: Promise<void> | null = null;

/** Stands in for the executor in the page: answers capture requests with pageRows, refuses the rest. */
function fakeExecutor() {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, request } = message as { type?: string; request?: { type?: string } };
    if (type !== 'exec:run') return undefined;
    if (request?.type === 'exec:capture') {
      const rows = pageRows;
      return (holdCapture ?? Promise.resolve()).then(() => ({ type: 'exec:capture', result: { rows, pages: 1, stoppedBecause: 'end', warnings: [] } }));
    }
    return Promise.resolve({ error: 'Not part of this test.' });
  });
}

const $ = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

async function mountBanner() {
  await act(() => {
    render(<CaseBanner runbook={runbook} />, container);
  });
}

async function capture(rows: CapturedRow[]) {
  pageRows = rows;
  await act(() => session.runStep(runbook, CAPTURE_STEP));
  expect(session.stepStates.value[CAPTURE_STEP]).toBe('done');
}

async function type(name: string, value: string) {
  await act(() => {
    session.setValue(runbook, name, value);
  });
}

beforeEach(async () => {
  holdCapture = null;
  fakeBrowser.reset();
  database = useFreshDatabase();
  fakeExecutor();
  connectPagesToBackground();
  packs.value = [pack];
  adapterId.value = 'acme-demo';
  tabId.value = 7;
  pageUrl.value = 'https://acme.example/audit';
  container = document.createElement('div');
  document.body.append(container);
  await act(() => session.openSession(runbook));
});

afterEach(() => {
  tearDownUi(container, database);
});

describe('which inputs identify a case', () => {
  const input = (raw: Record<string, unknown>) => runbookInput.parse({ name: 'x', label: 'X', ...raw });
  it('required email and user-ID inputs do; optional ones, dates and text do not, unless they say identifies', () => {
    expect(identifiesCase(input({ type: 'email' }))).toBe(true);
    expect(identifiesCase(input({ type: 'userId' }))).toBe(true);
    expect(identifiesCase(input({ type: 'email', required: false }))).toBe(false);
    expect(identifiesCase(input({ type: 'dateRange' }))).toBe(false);
    expect(identifiesCase(input({ type: 'text' }))).toBe(false);
    expect(identifiesCase(input({ type: 'text', identifies: true }))).toBe(true);
    expect(identifiesCase(input({ type: 'email', identifies: false }))).toBe(false);
  });

  it('compares emails without case or spaces, and labels a case by who it is about', () => {
    expect(sameIdentity(runbook.inputs, { email: 'Jane@Customer.example ' }, { email: JANE })).toBe(true);
    expect(sameIdentity(runbook.inputs, { email: JANE, range: '2026-03-01..2026-03-02' }, { email: JANE, range: '' })).toBe(true);
    expect(sameIdentity(runbook.inputs, { email: JANE }, { email: BOB })).toBe(false);
    expect(identityLabel(runbook.inputs, { email: ` ${JANE}`, range: '2026-03-01..2026-03-02' })).toBe(JANE);
  });

  it('the built-in runbook that takes "email or user ID" as text marks it as identifying', () => {
    const cantFind = pack.runbooks.find((r) => r.id === 'cant-find-the-event')!;
    expect(identityLabel(cantFind.inputs, { what: 'settings changed', email: JANE, words: 'settings' })).toBe(JANE);
  });
});

describe('the panel’s case', () => {
  it('before anything is kept, the banner says a new case starts with the first step, and new-case is off', async () => {
    await mountBanner();
    expect($('case-banner')!.dataset.caseId).toBe('');
    expect($('case-banner')!.textContent).toContain('A new case starts when you run a step.');
    await type('email', JANE);
    expect($('case-banner')!.textContent).toContain(`A new case for ${JANE} starts when you run a step.`);
    expect(($('new-case') as HTMLButtonElement).disabled).toBe(true);
  });

  it('resumes the same case on reopen when it is about the same customer', async () => {
    await type('email', JANE);
    await capture(sampleRows(3));
    const id = session.caseId.value!;
    await mountBanner();
    expect($('case-banner')!.dataset.caseId).toBe(id);
    expect($('case-banner')!.textContent).toMatch(new RegExp(`Adding to case for ${JANE}, started .+ · 1 capture`));

    await act(() => session.openSession(runbook)); // the page reloaded
    expect(session.caseId.value).toBe(id);
    expect(session.values.value.email).toBe(JANE);
    expect(session.captures.value).toHaveLength(1);
    // Changing what is not about who (the dates) keeps the same case.
    await type('range', '2026-03-01..2026-03-09');
    expect(session.caseId.value).toBe(id);
    expect(session.leftCase.value).toBeNull();
  });

  it('a different customer after a capture starts a new case; the first keeps its rows; History has both', async () => {
    await type('email', JANE);
    await capture(sampleRows(3));
    const janeCase = session.caseId.value!;
    await mountBanner();

    await type('email', BOB);
    expect(session.caseId.value).toBeNull();
    expect(session.captures.value).toEqual([]);
    expect(session.stepStates.value.every((s) => s === 'todo')).toBe(true);
    expect(session.values.value.email).toBe(BOB);
    expect($('case-banner')!.dataset.caseId).toBe('');
    expect($('case-banner')!.textContent).toContain(`A new case for ${BOB} starts when you run a step.`);
    expect($('case-left')!.textContent).toContain(`The case for ${JANE} (1 capture) stays in History`);
    expect($('case-undo')).not.toBeNull();

    await capture(sampleRows(2, 50));
    const bobCase = session.caseId.value!;
    expect(bobCase).not.toBe(janeCase);
    expect($('case-undo')).toBeNull(); // the new case holds evidence of its own now

    const all = await listCases({ runbookId: runbook.id });
    expect(all.map((c) => c.id).sort()).toEqual([janeCase, bobCase].sort());
    const [jane, bob] = [await getCase(janeCase), await getCase(bobCase)];
    expect(jane!.inputs.email).toBe(JANE);
    expect(jane!.status).toBe('open');
    expect(bob!.inputs.email).toBe(BOB);
    expect((await listCaptures(janeCase)).flatMap((c) => c.rows)).toEqual(sampleRows(3));
    expect((await listCaptures(bobCase)).flatMap((c) => c.rows)).toEqual(sampleRows(2, 50));
  });

  it('typing the first customer back before the new case starts returns to their case', async () => {
    await type('email', JANE);
    await capture(sampleRows(3));
    const janeCase = session.caseId.value!;
    await type('email', 'jane@customer.exampl'); // one character deleted
    expect(session.caseId.value).toBeNull();
    await type('email', JANE);
    const recordBefore = session.caseRecord.value;
    expect(session.caseId.value).toBe(janeCase);
    expect(session.captures.value).toHaveLength(1);
    expect(session.leftCase.value).toBeNull();
    expect(await listCases({ runbookId: runbook.id })).toHaveLength(1);
    // Back in the case, what was typed is saved with it.
    await waitFor(() => expect(session.caseRecord.value).not.toBe(recordBefore));
    expect((await getCase(janeCase))!.inputs.email).toBe(JANE);
  });

  it('a customer changed while a capture runs: the capture stays with the first customer, then the new case starts', async () => {
    await type('email', JANE);
    await capture(sampleRows(3));
    const janeCase = session.caseId.value!;
    let release!: () => void;
    holdCapture = new Promise((resolve) => (release = resolve));
    pageRows = sampleRows(2, 20);
    const running = session.runStep(runbook, CAPTURE_STEP);
    await waitFor(() => expect(session.busyStep.value).toBe(CAPTURE_STEP));
    await type('email', BOB);
    expect(session.caseId.value).toBe(janeCase); // not while the step works for Jane's case
    release();
    await act(() => running);
    expect(session.caseId.value).toBeNull();
    expect(session.values.value.email).toBe(BOB);
    expect(session.leftCase.value).toMatchObject({ reason: 'identity', label: JANE, captureCount: 2 });
    const cases = await listCases({ runbookId: runbook.id });
    expect(cases.map((c) => c.id)).toEqual([janeCase]);
    await waitFor(async () => expect((await getCase(janeCase))!.inputs.email).toBe(JANE));
    expect((await listCaptures(janeCase)).flatMap((c) => c.rows)).toEqual([...sampleRows(3), ...sampleRows(2, 20)]);
  });

  it('changing the customer before anything was captured keeps one case and updates it', async () => {
    await type('email', JANE);
    session.toggleStep(runbook, 2); // creates the case
    await waitFor(() => expect(session.caseId.value).not.toBeNull());
    const id = session.caseId.value;
    await type('email', BOB);
    expect(session.caseId.value).toBe(id);
    await waitFor(async () => expect((await getCase(id!))!.inputs.email).toBe(BOB));
  });

  it('new-case keeps the previous case in History unchanged and resets the panel; Undo goes back', async () => {
    await type('email', JANE);
    await capture(sampleRows(3));
    const janeCase = session.caseId.value!;
    const before = await getCase(janeCase);
    await mountBanner();

    await act(() => {
      $('new-case')!.click();
    });
    expect(session.caseId.value).toBeNull();
    expect(session.values.value.email).toBe('');
    expect(session.values.value.range).toMatch(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/); // back to its default
    expect(session.stepStates.value.every((s) => s === 'todo')).toBe(true);
    expect(session.captures.value).toEqual([]);
    expect($('case-left')!.textContent).toContain(`You started a new case. The previous case for ${JANE} (1 capture) stays in History`);
    const after = await getCase(janeCase);
    expect(after).toEqual(before);

    // A reload now starts afresh rather than resuming the case the agent left.
    await act(() => session.openSession(runbook));
    expect(session.caseId.value).toBeNull();
    expect(session.values.value.email).toBe('');

    // Undo (offered again after leaving once more) brings the case back whole.
    await act(() => session.openSession(runbook));
    await type('email', JANE);
    await capture(sampleRows(1, 9));
    const second = session.caseId.value!;
    await act(() => {
      $('new-case')!.click();
    });
    await act(() => {
      $('case-undo')!.click();
    });
    expect(session.caseId.value).toBe(second);
    expect(session.values.value.email).toBe(JANE);
    expect(session.captures.value).toHaveLength(1);
    expect($('case-banner')!.dataset.caseId).toBe(second);
    expect($('case-left')).toBeNull();
    await act(() => session.openSession(runbook)); // and a reload resumes it
    expect(session.caseId.value).toBe(second);
  });
});
