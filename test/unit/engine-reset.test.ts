// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeAction } from '../../components/panel/describe-action';
import { createExecutor } from '../../utils/engine/executor-core';
import { executeFill } from '../../utils/engine/fill';
import { execRequest } from '../../utils/engine/messages';
import { planFill } from '../../utils/engine/plan';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';
import { stepAction } from '../../utils/schema/runbook';

/**
 * `reset` (a fresh search): before writing, every filter box the step doesn't set is
 * emptied, a box that can't be emptied is named, and the read-back after the search
 * confirms nothing is left. Without it, an earlier search's box stays and is named.
 */
beforeEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/audit');
});

const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

const lab: Adapter = adapterSchema.parse({
  id: 'reset-lab',
  name: 'Reset lab',
  vendor: 'Test',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: { include: ['http://localhost/*'], present: [['form']] },
  fields: {
    actor: { label: 'Actor', dom: { selectors: ['input[name="actor"]'] } },
    text: { label: 'Search', dom: { selectors: ['input[name="q"]'] } },
    target: { label: 'Target', dom: { selectors: ['input[name="q"]'] } },
    since: { label: 'From', dom: { selectors: ['input[name="from"]'], kind: 'datetime', format: 'datetimeLocal', zone: 'utc' } },
    result: { label: 'Result', dom: { selectors: ['select[name="result"]'], kind: 'select' } },
    action: { label: 'Event type', dom: { selectors: ['#event-type'], kind: 'combobox', option: ['#event-list [role="option"]'] } },
    mfa: { label: 'MFA only', dom: { selectors: ['input[name="mfa"]'], kind: 'checkbox' } },
  },
  submit: { via: 'click', selectors: ['button'] },
  waitFor: { ready: ['#results'], timeoutMs: 2_000 },
  results: { row: ['#results li'], columns: { actor: { selectors: ['span'] } } },
});

/** A small console: the button answers with new rows; `refill` puts the old search back when it runs. */
function mount({ selectOptions = '<option value="">All results</option><option value="failure">Failure</option>', eventAll = true, refill = false } = {}) {
  document.body.innerHTML = `<form>
      <input name="actor"><input name="q" value="old@acme.example"><input name="from" type="datetime-local" value="2026-11-01T00:00">
      <select name="result">${selectOptions}</select>
      <div id="event-type" role="combobox" data-value="user.login">Sign-in</div>
      <ul id="event-list" hidden>${eventAll ? '<li role="option" data-value="">All events</li>' : ''}<li role="option" data-value="user.login">Sign-in</li></ul>
      <input name="mfa" type="checkbox" checked>
      <button type="button">Go</button>
    </form><ul id="results"><li><span>x</span></li></ul>`;
  input('result').value = 'failure';
  const trigger = document.getElementById('event-type')!;
  const list = document.getElementById('event-list')!;
  trigger.addEventListener('click', () => (list.hidden = false));
  list.addEventListener('click', (e) => {
    const option = (e.target as Element).closest('[role="option"]');
    if (!option) return;
    trigger.setAttribute('data-value', option.getAttribute('data-value') ?? '');
    trigger.textContent = option.textContent;
    list.hidden = true;
  });
  document.querySelector('button')!.addEventListener('click', () =>
    setTimeout(() => {
      if (refill) input('q').value = 'old@acme.example';
      document.getElementById('results')!.innerHTML = '<li><span>li@acme.example</span></li>';
    }, 10),
  );
}

describe('planFill with reset', () => {
  it('lists every other DOM filter box once (a shared box once, checkboxes left alone), none without reset', () => {
    const plan = planFill(lab, { actor: 'li@acme.example' }, { reset: true });
    expect(plan.clear?.map((c) => [c.fields, c.label, c.kind])).toEqual([
      [['text', 'target'], 'Search', 'text'],
      [['since'], 'From', 'datetime'],
      [['result'], 'Result', 'select'],
      [['action'], 'Event type', 'combobox'],
    ]);
    expect(planFill(lab, { actor: 'li@acme.example' }).clear).toBeUndefined();
  });

  it('never clears a box the step writes into, nor anything when a deep link carries the search', () => {
    const plan = planFill(lab, { actor: 'li@acme.example', target: 'dana@acme.example', action: 'user.login' }, { reset: true });
    expect(plan.clear?.flatMap((c) => c.fields)).toEqual(['since', 'result']);
    expect(planFill(lab, { actor: 'li@acme.example' }, { reset: true, deepLink: 'http://localhost/audit?actor=li' }).clear).toBeUndefined();
  });

  it('a fill step resets by default and may opt out; a navigate step accepts reset', () => {
    expect(stepAction.parse({ type: 'fill', filters: { actor: 'x' } })).toMatchObject({ reset: true });
    expect(stepAction.parse({ type: 'fill', filters: { actor: 'x' }, reset: false })).toMatchObject({ reset: false });
    expect(stepAction.parse({ type: 'navigate', filters: { actor: 'x' }, reset: true })).toMatchObject({ type: 'navigate', reset: true });
    expect(() => stepAction.parse({ type: 'fill', filters: { actor: 'x' }, reset: 'yes' })).toThrow();
  });

  it('the step\'s sentence says whether filters already set are cleared or kept', () => {
    expect(describeAction(stepAction.parse({ type: 'fill', filters: { actor: 'x@y.example' } }))).toBe('Fills the log’s search with who did it: x@y.example. Any other filter still set is cleared first.');
    expect(describeAction(stepAction.parse({ type: 'fill', filters: { actor: 'x@y.example' }, reset: false }))).toBe('Fills the log’s search with who did it: x@y.example. Filters already set stay as they are.');
  });

  it('every built-in fill step starts a fresh search, so a later step never inherits an earlier one\'s Search box', () => {
    const pack = loadBuiltinPack();
    const fills = pack.runbooks.flatMap((r) => r.steps.flatMap((s, i) => (s.action?.type === 'fill' ? [{ id: `${r.id} step ${i + 1}`, reset: s.action.reset }] : [])));
    expect(fills.length).toBeGreaterThan(20);
    expect(fills.filter((f) => !f.reset)).toEqual([]);
    const settings = pack.runbooks.find((r) => r.id === 'settings-changed-without-permission')!;
    const step4 = settings.steps[3]!.action!;
    expect(step4).toMatchObject({ type: 'fill', reset: true, filters: { actor: '{{email}}', action: 'kind:sign-in-succeeded' } });
    // The plan for step 4 on the demo console empties the Search box step 1 typed into.
    const demo = pack.adapters.find((a) => a.id === 'acme-demo')!;
    const plan = planFill(demo, { actor: 'dana@acme.example', action: 'user.login', since: '2026-11-01T00:00:00.000Z', until: '2026-11-15T00:00:00.000Z' }, { reset: true });
    expect(plan.clear?.map((c) => [c.label, c.fields])).toEqual([['Search', ['text', 'target']]]);
  });
});

describe('executeFill with reset', () => {
  it('empties text, date, select and list boxes before writing, says what each held, and is ok', async () => {
    mount();
    const report = await executeFill(document, planFill(lab, { actor: 'li@acme.example' }, { reset: true }));
    expect(input('q').value).toBe('');
    expect(input('from').value).toBe('');
    expect(input('result').value).toBe('');
    expect(document.getElementById('event-type')!.getAttribute('data-value')).toBe('');
    expect(input('mfa').checked).toBe(true);
    expect(input('actor').value).toBe('li@acme.example');
    expect(report.cleared?.map((c) => [c.label, c.status, c.was])).toEqual([
      ['Search', 'cleared', 'old@acme.example'],
      ['From', 'cleared', '2026-11-01T00:00'],
      ['Result', 'cleared', 'Failure'],
      ['Event type', 'cleared', 'user.login'],
    ]);
    expect(report.messages).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names a list it could not clear (no "all" choice) and a select without one, and is not ok', async () => {
    mount({ eventAll: false, selectOptions: '<option value="failure">Failure</option><option value="success">Success</option>' });
    const report = await executeFill(document, planFill(lab, { actor: 'li@acme.example' }, { reset: true }), { popupTimeoutMs: 200 });
    expect(input('q').value).toBe('');
    const notCleared = report.cleared?.filter((c) => c.status === 'not-cleared').map((c) => c.label);
    expect(notCleared).toEqual(['Result', 'Event type']);
    expect(report.messages).toContain('Could not clear the Event type list (it still shows user.login): its list has no "all" choice I could pick — clear it yourself so only this step\'s filters apply.');
    expect(report.messages.some((m) => m.startsWith('Could not clear the Result list (it still shows Failure)'))).toBe(true);
    expect(report.fields.every((f) => f.status === 'kept')).toBe(true);
    expect(report.ok).toBe(false);
  });

  it('a box the console fills again when the search runs is not cleared, and says so', async () => {
    mount({ refill: true });
    const report = await executeFill(document, planFill(lab, { actor: 'li@acme.example' }, { reset: true }));
    expect(report.cleared?.find((c) => c.label === 'Search')).toMatchObject({ status: 'not-cleared' });
    expect(report.messages).toContain("The Search box filled itself again (old@acme.example) when the search ran — clear it yourself so only this step's filters apply.");
    expect(report.ok).toBe(false);
  });

  it('already-empty boxes are not listed', async () => {
    mount();
    input('q').value = '';
    input('from').value = '';
    input('result').value = '';
    const report = await executeFill(document, planFill(lab, { actor: 'li@acme.example', action: 'user.login' }, { reset: true }));
    expect(report.cleared).toBeUndefined();
    expect(report.ok).toBe(true);
  });
});

describe('exec:fill on the demo adapter: reset, then the read-back is clean', () => {
  const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;

  /** The demo console's search form: Apply writes the boxes into the address, as the real one does. */
  function mountDemo() {
    document.body.innerHTML =
      '<form role="search"><input name="q" value="dana@acme.example"><input name="actor"><button type="submit">Apply</button></form><div data-testid="result-count">3 events</div>';
    history.replaceState(null, '', '/audit?q=dana%40acme.example');
    document.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const params = new URLSearchParams();
      for (const name of ['q', 'actor']) if (input(name).value) params.set(name, input(name).value);
      setTimeout(() => {
        history.replaceState(null, '', `/audit?${params}`);
        document.querySelector('[data-testid="result-count"]')!.textContent = '1 event';
      }, 10);
    });
  }

  it('with reset the Search box is emptied and nothing is left over', async () => {
    mountDemo();
    const run = createExecutor({ doc: document, sendProgress: () => undefined });
    const reply = await run(execRequest.parse({ type: 'exec:fill', adapter: demo, values: { actor: 'li@acme.example' }, reset: true }));
    const report = (reply as { report: { ok: boolean; leftOver?: unknown; cleared?: unknown } }).report;
    expect(input('q').value).toBe('');
    expect(location.search).toBe('?actor=li%40acme.example');
    expect(report.leftOver).toBeUndefined();
    expect(report.cleared).toEqual([{ fields: ['text', 'target'], label: 'Search', status: 'cleared', was: 'dana@acme.example' }]);
    expect(report.ok).toBe(true);
  });

  it('without reset the Search box keeps the earlier search and the read-back names it', async () => {
    mountDemo();
    const run = createExecutor({ doc: document, sendProgress: () => undefined });
    const reply = await run(execRequest.parse({ type: 'exec:fill', adapter: demo, values: { actor: 'li@acme.example' } }));
    const report = (reply as { report: { leftOver?: unknown; cleared?: unknown } }).report;
    expect(input('q').value).toBe('dana@acme.example');
    expect(report.cleared).toBeUndefined();
    expect(report.leftOver).toEqual([{ field: 'text', shown: 'dana@acme.example' }]);
  });
});
