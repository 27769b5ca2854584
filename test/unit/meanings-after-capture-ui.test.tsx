// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CapturedRows } from '../../components/panel/CapturedRows';
import { adapterId, packs } from '../../components/panel/state';
import type { MeaningsWhere } from '../../utils/builder/meanings';
import type { CaptureRecord, CapturedRow } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { Adapter } from '../../utils/schema/adapter';
import type { Pack } from '../../utils/schema/pack';
import { waitFor } from './cases-fixtures';

/**
 * The panel's line after a capture (components/panel/TeachMeaningsAfterCapture.tsx), with the
 * background stood in for: on a pack's console it names who can add meanings and offers no form;
 * on a taught console a failed save keeps what was written, and a save the rows don't show is
 * not called saved.
 */
const builtin = loadBuiltinPack();
const base = builtin.adapters.find((a) => a.id === 'acme-demo')!;
const teamAdapter: Adapter = { ...base, id: 'team-helpdesk', name: 'Helpdesk', owner: 'Priya Shah', glossary: [], kinds: {} };
const teamPack = (adapter: Adapter): Pack => ({ ...builtin, id: 'support-team', name: 'Support team', runbooks: [], glossary: [], adapters: [adapter], kinds: [] });

function row(action: string): CapturedRow {
  return { time: '2026-03-31T22:40:00.000Z', actor: 'alice@northwind.example', action, target: '', ip: '', result: '', raw: { action } };
}
const capture = { id: 'c1', capturedAt: Date.parse('2026-04-01T10:00:00Z'), rows: ['Login', 'Export', 'Login', 'Role change'].map(row) } as unknown as CaptureRecord;

let container: HTMLElement;
/** What the stand-in background answers, by message type. */
let answers: Record<string, (message: Record<string, unknown>) => unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as Record<string, unknown>;
    const answer = answers[String(m.type)];
    return answer ? Promise.resolve(answer(m)) : undefined;
  });
});
afterEach(() => {
  render(null, container);
  container.remove();
  packs.value = [];
  adapterId.value = null;
});

const $ = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const $$ = (testId: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

async function show(adapter: Adapter, where: MeaningsWhere) {
  packs.value = [builtin, teamPack(adapter)];
  adapterId.value = adapter.id;
  answers = { 'adapter:meanings-where': () => where };
  await act(() => {
    render(<CapturedRows captures={[capture]} />, container);
  });
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('teaching meanings after a capture, in the panel', () => {
  it('on a pack’s console: names the codes and who can add meanings, and offers no form', async () => {
    await show(teamAdapter, { editable: false, packName: 'Support team', owner: 'Priya Shah', builtin: false });
    await waitFor(() => expect($('teach-after-who')).not.toBeNull());
    expect($('teach-after-missing')?.textContent).toBe('3 event types have no meaning yet: Login, Export, Role change.');
    expect($('teach-after-who')?.textContent).toBe('Meanings for this console come from the pack “Support team” — ask its owner, Priya Shah, to add them.');
    expect($('teach-after-open')).toBeNull();
    expect($$('teach-code')).toHaveLength(0);
  });

  it('on a taught console: a save that fails (a full disk) says so plainly and keeps what was written', async () => {
    await show(teamAdapter, { editable: true, packName: 'My runbooks' });
    await waitFor(() => expect($('teach-after-open')).not.toBeNull());
    await act(() => $('teach-after-open')!.click());
    expect($$('teach-code').map((item) => item.dataset.code)).toEqual(['Login', 'Export', 'Role change']);
    const meaning = $$('teach-code')[0]!.querySelector<HTMLInputElement>('[data-testid="teach-meaning"]')!;
    await act(() => type(meaning, 'A person signed in'));
    const full = 'Your browser is out of space for Trailguide. Nothing was lost, but this was not saved: export and delete old cases in Trailguide → History, then try again.';
    let sent: unknown;
    answers['adapter:teach-meanings'] = (m) => {
      sent = m.meanings;
      return { error: full };
    };
    await act(() => $('teach-after-save')!.click());
    await waitFor(() => expect($('teach-after-error')?.textContent).toBe(full));
    expect(sent).toEqual([
      { code: 'Login', meaning: 'A person signed in', risk: 'routine' },
      { code: 'Export', meaning: '', risk: 'routine' },
      { code: 'Role change', meaning: '', risk: 'routine' },
    ]);
    expect($('teach-after-status')).toBeNull();
    expect($$('teach-code')[0]!.querySelector<HTMLInputElement>('[data-testid="teach-meaning"]')!.value).toBe('A person signed in');
  });

  it('says Saved only once the rows read the meaning; otherwise asks for a reload', async () => {
    await show(teamAdapter, { editable: true, packName: 'My runbooks' });
    await waitFor(() => expect($('teach-after-open')).not.toBeNull());
    await act(() => $('teach-after-open')!.click());
    await act(() => type($$('teach-code')[0]!.querySelector<HTMLInputElement>('[data-testid="teach-meaning"]')!, 'A person signed in'));
    const taught: Adapter = { ...teamAdapter, glossary: [{ term: 'Login', meaning: 'A person signed in', risk: 'routine' }] };
    answers['adapter:teach-meanings'] = () => ({ taught: 1, cleared: 0, glossary: taught.glossary, kinds: {} });
    // The packs the panel gets back don't have it (an older copy in force): not "Saved".
    answers['panel:init'] = () => ({ tabId: 1, pageUrl: null, packs: [builtin, teamPack(teamAdapter)] });
    await act(() => $('teach-after-save')!.click());
    await waitFor(() => expect($('teach-after-error')?.textContent).toContain('Reload the page'));
    expect($('teach-after-status')).toBeNull();

    answers['panel:init'] = () => ({ tabId: 1, pageUrl: null, packs: [builtin, teamPack(taught)] });
    await act(() => $('teach-after-save')!.click());
    await waitFor(() => expect($('teach-after-status')?.textContent).toBe('Saved in “My runbooks”: 1 event type now has a meaning. The rows read it now.'));
    const login = $$('captured-row').find((r) => r.dataset.action === 'Login')!;
    expect(login.querySelector('[data-testid="row-explanation"]')?.textContent).toBe('A person signed in (Login) — by alice@northwind.example.');
    expect($('teach-after-missing')?.textContent).toBe('2 event types have no meaning yet: Export, Role change.');
  });
});
