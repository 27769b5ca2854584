// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { insertStep } from '../../utils/engine/insert';
import { mountCombobox, step } from '../fixtures/react-vue/helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('insertStep on plain controls', () => {
  it('types into a text box with input and change events, reporting the selector that worked', async () => {
    document.body.innerHTML = '<form><input name="actor"></form>';
    const input = document.querySelector('input')!;
    const seen: string[] = [];
    for (const type of ['focus', 'input', 'change', 'blur']) input.addEventListener(type, () => seen.push(type));
    const outcome = await insertStep(document, step({ selectors: ['#missing', 'input[name="actor"]'], value: 'li.chen@acme.example' }));
    expect(outcome).toMatchObject({ ok: true, selectorUsed: 'input[name="actor"]' });
    expect(input.value).toBe('li.chen@acme.example');
    expect(seen).toEqual(['focus', 'input', 'change', 'blur']);
  });

  it('uses the native setter even when the page wrapped the value property', async () => {
    document.body.innerHTML = '<input name="actor">';
    const input = document.querySelector('input')!;
    let wrapperCalls = 0;
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native.get!.call(input),
      set: (v: string) => {
        wrapperCalls++;
        native.set!.call(input, v);
      },
    });
    await insertStep(document, step({ selectors: ['input'], value: 'x@y.example' }));
    expect(input.value).toBe('x@y.example');
    expect(wrapperCalls).toBe(0);
  });

  it('fills datetime-local inputs and native selects (by value or visible text)', async () => {
    document.body.innerHTML =
      '<input type="datetime-local" name="from"><select name="kind"><option value="">Any</option><option value="login">Sign-ins</option></select>';
    const from = await insertStep(document, step({ fields: ['since'], label: 'From', kind: 'datetime', selectors: ['input[name="from"]'], value: '2026-03-01T08:15' }));
    expect(from.ok).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input')!.value).toBe('2026-03-01T08:15');
    const select = document.querySelector('select')!;
    expect((await insertStep(document, step({ kind: 'select', selectors: ['select'], value: 'sign-ins' }))).ok).toBe(true);
    expect(select.value).toBe('login');
    const bad = await insertStep(document, step({ kind: 'select', label: 'Kind', selectors: ['select'], value: 'logout' }));
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/"logout" isn't one of the choices in Kind/);
  });

  it('ticks and unticks checkboxes by clicking them', async () => {
    document.body.innerHTML = '<input type="checkbox" name="failed">';
    const box = document.querySelector('input')!;
    let changes = 0;
    box.addEventListener('change', () => changes++);
    expect((await insertStep(document, step({ kind: 'checkbox', selectors: ['input'], value: 'yes' }))).ok).toBe(true);
    expect(box.checked).toBe(true);
    expect((await insertStep(document, step({ kind: 'checkbox', selectors: ['input'], value: 'true' }))).ok).toBe(true);
    expect(changes).toBe(1); // already ticked: not clicked again
    await insertStep(document, step({ kind: 'checkbox', selectors: ['input'], value: 'false' }));
    expect(box.checked).toBe(false);
  });

  it('says which box is missing and what to type by hand', async () => {
    const outcome = await insertStep(
      document,
      step({ fields: ['since'], label: 'From', selectors: ['input[name="from"]'], value: '2026-03-01T00:00' }),
      { findTimeoutMs: 50 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe("I couldn't find the From box on this page — type this yourself: 2026-03-01 00:00 UTC");
  });

  it('waits for a box that renders late', async () => {
    setTimeout(() => (document.body.innerHTML = '<input name="actor">'), 60);
    const outcome = await insertStep(document, step({ selectors: ['input[name="actor"]'], value: 'late@acme.example' }), { findTimeoutMs: 1_000 });
    expect(outcome.ok).toBe(true);
    expect(document.querySelector('input')!.value).toBe('late@acme.example');
  });

  it('re-finds a box the page replaced while filling and tries again', async () => {
    document.body.innerHTML = '<div id="wrap"><input name="actor"></div>';
    let replaced = false;
    document.querySelector('input')!.addEventListener('change', () => {
      if (replaced) return;
      replaced = true;
      // A framework re-render that throws the old element away (and its value with it).
      document.getElementById('wrap')!.innerHTML = '<input name="actor">';
    });
    const outcome = await insertStep(document, step({ selectors: ['input[name="actor"]'], value: 'again@acme.example' }));
    expect(replaced).toBe(true);
    expect(outcome.ok).toBe(true);
    expect(document.querySelector('input')!.value).toBe('again@acme.example');
  });

  it('reports a box that refuses the value', async () => {
    document.body.innerHTML = '<input name="actor">';
    const input = document.querySelector('input')!;
    // A controlled input whose app never accepts the change and renders the old state back.
    input.addEventListener('input', () => setTimeout(() => (input.value = '')));
    const outcome = await insertStep(document, step({ selectors: ['input'], value: 'nope@acme.example' }));
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe("The Actor box didn't keep what I entered — type this yourself: nope@acme.example");
  });

  it('writes into a contenteditable code editor through beforeinput when execCommand is missing', async () => {
    document.body.innerHTML = '<div class="cm-editor"><div class="cm-content" contenteditable="true">old query</div></div>';
    const content = document.querySelector('.cm-content')!;
    const types: string[] = [];
    content.addEventListener('beforeinput', (e) => types.push((e as InputEvent).inputType));
    const outcome = await insertStep(document, step({ kind: 'codeEditor', label: 'Query', selectors: ['.cm-editor'], value: 'actor = "li"' }));
    expect(outcome.ok).toBe(true);
    expect(content.textContent).toBe('actor = "li"');
    expect(types).toEqual(['insertText']);
  });
});

describe('insertStep on a custom combobox like the demo console', () => {
  const options = [
    { code: 'user.login', label: 'Signed in' },
    { code: 'user.login_failed', label: 'Sign-in failed' },
    { code: 'account.settings_changed', label: 'Settings changed' },
  ];
  const combo = (value: string) =>
    step({
      fields: ['action'],
      label: 'Event type',
      kind: 'combobox',
      selectors: ['[data-testid="event-type"]'],
      option: ['[role="listbox"] [role="option"]'],
      filterInput: ['[role="listbox"] input', 'div > input'],
      value,
    });

  it('opens it, types into its filter, clicks the option by data-value and confirms', async () => {
    const picker = mountCombobox(document.body, options);
    const outcome = await insertStep(document, combo('user.login'));
    expect(outcome).toMatchObject({ ok: true, selectorUsed: '[data-testid="event-type"]' });
    expect(picker.value()).toBe('user.login');
    expect(document.querySelector('[role="listbox"]')).toBeNull(); // closed again
  });

  it('matches an option by its visible label, ignoring case', async () => {
    const picker = mountCombobox(document.body, options);
    expect((await insertStep(document, combo('settings CHANGED'))).ok).toBe(true);
    expect(picker.value()).toBe('account.settings_changed');
  });

  it('explains when the option does not exist and leaves the list closed', async () => {
    const picker = mountCombobox(document.body, options);
    const outcome = await insertStep(document, combo('user.logout'), { popupTimeoutMs: 100 });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('I couldn\'t find "user.logout" in the Event type list — pick it yourself.');
    expect(picker.value()).toBe('');
  });
});
