// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EscalationBuilder } from '../../components/escalation/EscalationBuilder';
import { HIDDEN_REASON } from '../../components/escalation/visibility';
import { addCapture, listCaptures } from '../../utils/cases/captures';
import { createCase, getCase } from '../../utils/cases/cases';
import { DEFAULT_CASE_SETTINGS, type CaseSettings } from '../../utils/cases/settings';
import type { TrailguideDatabase } from '../../utils/db/database';
import type { CaptureRecord, CaseRecord } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { connectPagesToBackground, sampleCase, sampleRows, tearDownUi, useFreshDatabase, waitFor } from './cases-fixtures';

const pack = loadBuiltinPack();
const runbook = pack.runbooks.find((r) => r.id === 'settings-changed-without-permission')!;
let database: TrailguideDatabase;
let container: HTMLElement;
let record: CaseRecord;
let captures: CaptureRecord[];
let writeText: ReturnType<typeof vi.fn>;

const settings = (patch: Partial<CaseSettings> = {}): CaseSettings => ({ ...DEFAULT_CASE_SETTINGS, githubRepo: 'acme/support', githubBaseUrl: 'http://127.0.0.1:4567', ...patch });
const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
const textarea = () => $<HTMLTextAreaElement>('[data-testid="escalation-text"]');

async function mount(props: Partial<Parameters<typeof EscalationBuilder>[0]> = {}) {
  await act(() => {
    render(
      <EscalationBuilder caseRecord={record} captures={captures} runbook={runbook} templates={pack.escalationTemplates} adapterName="Acme Admin" settings={settings()} onClose={() => undefined} {...props} />,
      container,
    );
  });
}

async function click(element: Element) {
  await act(async () => {
    (element as HTMLElement).click();
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  database = useFreshDatabase();
  connectPagesToBackground();
  record = await createCase(sampleCase());
  await addCapture(record.id, {
    stepIndex: 1,
    sourceUrl: 'https://acme.example/audit?action=account.settings_changed',
    adapterId: 'acme-demo',
    filters: { action: 'account.settings_changed', target: 'dana.whitfield@northwind.example', since: '2026-03-01', until: '2026-03-31' },
    timeRange: { from: '2026-03-01', to: '2026-03-31' },
    rows: sampleRows(4),
    // Read back from the console: the panel stores what it applied (an unread capture would be "not checked").
    applied: {
      filters: [
        { name: 'action', intended: 'account.settings_changed', shown: 'account.settings_changed', status: 'applied' },
        { name: 'target', intended: 'dana.whitfield@northwind.example', shown: 'dana.whitfield@northwind.example', status: 'applied' },
        { name: 'since', intended: '2026-03-01', shown: '2026-03-01', status: 'applied' },
        { name: 'until', intended: '2026-03-31', shown: null, status: 'not-applied', reason: 'The To box would not take the date.' },
      ],
      timeRange: { from: '2026-03-01', to: null },
      readFrom: 'url',
      checkedAt: Date.UTC(2026, 2, 20),
    },
  });
  captures = await listCaptures(record.id);
  record = (await getCase(record.id))!;
  container = document.createElement('div');
  document.body.append(container);
  writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  tearDownUi(container, database);
  vi.unstubAllGlobals();
});

describe('EscalationBuilder', () => {
  it('shows the escalation in each format with what was searched', async () => {
    await mount();
    expect(textarea().value).toContain('**Event types searched:** `account.settings_changed`');
    expect(textarea().value).toContain('**Time range applied by the console:** 2026-03-01 → now');
    expect(textarea().value).toContain('**Not applied:** `until` (asked for 2026-03-31): The To box would not take the date.');
    expect(textarea().value).toContain(captures[0]!.hash);
    expect($<HTMLInputElement>('[data-testid="escalation-title"]').value).toContain(runbook.title);

    await click($('[data-testid="escalation-format"][data-format="text"]'));
    expect(textarea().value).toContain('- Event types searched: account.settings_changed');
    expect($('[data-format="text"]').getAttribute('aria-pressed')).toBe('true');

    await click($('[data-testid="escalation-format"][data-format="json"]'));
    const json = JSON.parse(textarea().value);
    expect(json.search.eventTypes).toEqual(['account.settings_changed']);
    expect(json.captures[0].rows).toHaveLength(4);
  });

  it('copies with a visible confirmation and records the escalation', async () => {
    await mount();
    await click($('[data-testid="copy-escalation"]'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied.startsWith(`# ${runbook.title}`)).toBe(true);
    expect(copied).toContain('account.settings_changed');
    await waitFor(() => expect($('[role=status]').textContent).toMatch(/Copied/));
    await waitFor(async () => expect(await database.escalations.count()).toBe(1));
    const [saved] = await database.escalations.toArray();
    expect(saved).toMatchObject({ status: 'copied', caseId: record.id, format: 'markdown', templateId: 'engineering-escalation' });
    expect((await getCase(record.id))?.status).toBe('escalated');
  });

  it('tells the user what to do when the clipboard refuses', async () => {
    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await mount();
    await click($('[data-testid="copy-escalation"]'));
    await waitFor(() => expect($('[role=alert]').textContent).toMatch(/Ctrl\+A/));
    expect(await database.escalations.count()).toBe(0);
  });

  it('masks e-mails and IPs when asked, in the text and on the clipboard', async () => {
    await mount();
    await click($('[data-testid="redact-emails"]'));
    await click($('[data-testid="redact-ips"]'));
    expect(textarea().value).not.toContain('dana.whitfield@');
    expect(textarea().value).toContain('d***@northwind.example');
    await act(() => {
      const area = textarea();
      area.value = `${area.value}\nExtra note: call dana.whitfield@northwind.example from 198.51.100.7`;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click($('[data-testid="copy-escalation"]'));
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied).toContain('Extra note: call d***@northwind.example from 198.51.*.*');
    expect(copied).not.toMatch(/dana\.whitfield@|203\.0\.113\.\d/);
  });

  it('opens a prefilled GitHub issue against the configured base URL', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    await mount();
    await click($('[data-testid="open-ticket"][data-target="github"]'));
    expect(open).toHaveBeenCalledTimes(1);
    const [url, target, features] = open.mock.calls[0]!;
    expect(target).toBe('_blank');
    expect(features).toBe('noopener,noreferrer');
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('http://127.0.0.1:4567/acme/support/issues/new');
    expect(parsed.searchParams.get('title')).toBe($<HTMLInputElement>('[data-testid="escalation-title"]').value);
    expect(parsed.searchParams.get('body')).toBe(textarea().value);
    await waitFor(() => expect($('[role=status]').textContent).toMatch(/Opened a new GitHub issue/));
    // Look the record up by target: a save still in flight from the previous test may land in this fresh database.
    await waitFor(async () =>
      expect((await database.escalations.toArray()).find((e) => e.target === 'github')).toMatchObject({ status: 'opened', target: 'github' }),
    );
  });

  it('copies the full text and says so when the link would be too long', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    await addCapture(record.id, { stepIndex: 1, sourceUrl: 'https://acme.example/audit', adapterId: 'acme-demo', rows: sampleRows(400) });
    captures = await listCaptures(record.id);
    await mount({ settings: settings({ escalationRowLimit: 400 }) });
    await click($('[data-testid="open-ticket"][data-target="email"]'));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect((writeText.mock.calls[0]![0] as string).length).toBeGreaterThan(10_000);
    expect((open.mock.calls[0]![0] as string).length).toBeLessThanOrEqual(2_000);
    await waitFor(() => expect($('[role=status]').textContent).toMatch(/too long for a link, so I copied the full text/));
  });

  it('warns when edits remove a capture’s fingerprint, and not before', async () => {
    await mount();
    const edit = async (value: string) =>
      act(() => {
        textarea().value = value;
        textarea().dispatchEvent(new Event('input', { bubbles: true }));
      });
    await edit(`${textarea().value}\nMore words from the agent.`);
    expect(container.querySelector('[data-testid="escalation-evidence-warning"]')).toBeNull();
    await edit(textarea().value.replaceAll(captures[0]!.hash, ''));
    expect($('[data-testid="escalation-evidence-warning"]').textContent).toContain('capture 1');
    await click($('[data-testid="escalation-reset"]'));
    expect(container.querySelector('[data-testid="escalation-evidence-warning"]')).toBeNull();
    expect(textarea().value).toContain(captures[0]!.hash);
  });

  it('explains a target that is not set up', async () => {
    await mount({ settings: settings({ githubRepo: null }), templates: [] });
    await click($('[data-testid="open-ticket"][data-target="github"]'));
    expect($('[role=alert]').textContent).toMatch(/Settings/);
  });

  it('loads captures and settings itself when not given', async () => {
    await mount({ captures: undefined, settings: undefined });
    await waitFor(() => expect(textarea().value).toContain(captures[0]!.hash));
  });

  it('pauses copy and open while the panel is covered (IntersectionObserver v2)', async () => {
    let callback: ((entries: Partial<IntersectionObserverEntry & { isVisible: boolean }>[]) => void) | undefined;
    let options: Record<string, unknown> | undefined;
    class FakeObserver {
      constructor(cb: typeof callback, init: Record<string, unknown>) {
        callback = cb;
        options = init;
      }
      observe() {}
      disconnect() {}
    }
    class FakeEntry {}
    Object.defineProperty(FakeEntry.prototype, 'isVisible', { get: () => true });
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
    await mount();
    expect(options).toMatchObject({ trackVisibility: true, delay: 100 });
    expect($<HTMLButtonElement>('[data-testid="copy-escalation"]').disabled).toBe(true);

    await act(() => callback!([{ isVisible: false, isIntersecting: true }]));
    expect($<HTMLButtonElement>('[data-testid="copy-escalation"]').disabled).toBe(true);
    expect($<HTMLButtonElement>('[data-testid="open-ticket"]').disabled).toBe(true);
    expect($('[data-testid="escalation-guard"]').textContent).toBe(HIDDEN_REASON);

    await act(() => callback!([{ isVisible: true, isIntersecting: true }]));
    expect($<HTMLButtonElement>('[data-testid="copy-escalation"]').disabled).toBe(false);
    expect(container.querySelector('[data-testid="escalation-guard"]')).toBeNull();
  });
  it('keeps what was typed when the builder is closed at once after an edit, and brings it back on reopening', async () => {
    await mount();
    await act(() => {
      textarea().value = `${textarea().value}\nTyped just before closing.`;
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Closed well within the 800 ms the draft timer waits.
    await act(() => render(null, container));
    await waitFor(async () => {
      const saved = await database.escalations.toArray();
      expect(saved.map((e) => [e.status, e.body.includes('Typed just before closing.')])).toEqual([['draft', true]]);
    });
    await mount();
    await waitFor(() => expect(textarea().value).toContain('Typed just before closing.'));
    expect($('[role=status]').textContent).toMatch(/unsent draft .* is back/);
    // Still one escalation: the reopened builder goes on with the same draft.
    await act(() => {
      textarea().value = `${textarea().value}\nAnd more.`;
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => render(null, container));
    await waitFor(async () => expect((await database.escalations.toArray()).map((e) => e.body.endsWith('And more.'))).toEqual([true]));

    // Undoing the edits and closing at once: reopening shows the escalation as built, not the undone text.
    await mount();
    await waitFor(() => expect(textarea().value).toContain('And more.'));
    await click($('[data-testid="escalation-reset"]'));
    expect(textarea().value).not.toContain('Typed just before closing.');
    await act(() => render(null, container));
    await waitFor(async () => expect((await database.escalations.toArray()).map((e) => e.body.includes('Typed just before closing.'))).toEqual([false]));
    await mount();
    await waitFor(() => expect($('[role=status]').textContent).toMatch(/unsent draft .* is back/));
    expect(textarea().value).toContain(captures[0]!.hash);
    expect(textarea().value).not.toContain('Typed just before closing.');
  });
});
