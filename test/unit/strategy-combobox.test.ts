// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { combobox } from '../../utils/engine/strategies/combobox';
import { mountCombobox } from '../fixtures/react-vue/helpers';
import { fillStep, picked } from './strategy-helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('generic combobox strategy', () => {
  it('is picked for a combobox no library strategy recognised', () => {
    mountCombobox(document.body, [{ code: 'user.login', label: 'Sign-in' }]);
    expect(picked(document.querySelector('[role="combobox"]')!, fillStep({ value: 'x', kind: 'combobox' }))).toBe('combobox');
  });

  it('opens the list, clicks the option and judges by the trigger’s data-value', async () => {
    const state = mountCombobox(document.body, [
      { code: 'user.login', label: 'Sign-in' },
      { code: 'account.settings_changed', label: 'Settings changed' },
    ]);
    const trigger = document.querySelector('[role="combobox"]')!;
    const step = fillStep({ value: 'account.settings_changed', kind: 'combobox', filterInput: ['input'] });
    const written = await combobox.write(document, trigger, step, { popupTimeoutMs: 500 });
    expect(written.problem).toBeUndefined();
    expect(state.value()).toBe('account.settings_changed');
    expect(combobox.verify(document, document.querySelector('[role="combobox"]')!, step, written.expect)).toBe('kept');
    expect(combobox.verify(document, document.querySelector('[role="combobox"]')!, step, ['user.login'])).toBe('not-kept');
  });
});

describe('generic combobox: the list it opened', () => {
  it('picks from the list its input names (aria-controls), not from another widget’s list left in the page', async () => {
    document.body.innerHTML = `<ul role="listbox" id="other"><li role="option">Priya Natarajan</li></ul>
      <input id="box" role="combobox" aria-controls="mine"><ul role="listbox" id="mine"><li role="option">Priya Natarajan</li></ul>`;
    const clicked: string[] = [];
    document.querySelectorAll('li').forEach((li) => li.addEventListener('click', () => clicked.push(li.parentElement!.id)));
    const input = document.querySelector('#box')!;
    await combobox.write(document, input, fillStep({ value: 'Priya Natarajan', kind: 'combobox', option: ['[role="listbox"] [role="option"]'] }), { popupTimeoutMs: 500 });
    expect(clicked).toEqual(['mine']);
  });
});
