// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { choicesJs } from '../../utils/engine/strategies/choices';
import { fillStep, mount, picked } from './strategy-helpers';

/** Choices.js markup: the page's <select> kept inside `.choices`, a search box and the dropdown of choices. */
const MARKUP = `<div class="choices" role="combobox"><div class="choices__inner"><select id="e" class="choices__input" hidden><option value=""></option><option value="user.login">Sign-in</option><option value="account.settings_changed">Settings changed</option></select>
  <div class="choices__list choices__list--single"></div></div>
  <div class="choices__list choices__list--dropdown"><input type="search" class="choices__input choices__input--cloned"><div class="choices__list" role="listbox">
  <div class="choices__item choices__item--choice choices__item--selectable" data-value="user.login">Sign-in</div>
  <div class="choices__item choices__item--choice choices__item--selectable" data-value="account.settings_changed">Settings changed</div></div></div></div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Choices.js strategy', () => {
  it('is picked for anything inside .choices that holds its select', () => {
    expect(picked(mount(MARKUP, '.choices'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('choices');
    expect(picked(mount('<div class="choices"><input></div>', '.choices'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('combobox');
  });

  it('clicks the choice and judges by the select Choices keeps', async () => {
    const root = mount(MARKUP, '.choices');
    const select = document.querySelector<HTMLSelectElement>('#e')!;
    root.querySelectorAll('.choices__item--choice').forEach((c) => c.addEventListener('click', () => (select.value = c.getAttribute('data-value')!)));
    expect(choicesJs.verify(document, root, fillStep({ value: 'Settings changed' }), ['Settings changed'])).toBe('not-kept');
    expect(await choicesJs.write(document, root, fillStep({ value: 'Settings changed' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Settings changed'] });
    expect(select.value).toBe('account.settings_changed');
    expect(choicesJs.verify(document, root, fillStep({ value: 'Settings changed' }), ['Settings changed'])).toBe('kept');
  });
});
