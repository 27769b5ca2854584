// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { tomSelect } from '../../utils/engine/strategies/tom-select';
import { fillStep, mount, picked } from './strategy-helpers';

/** Tom Select's markup: the page's <select> (hidden) and the wrapper it adds after it. */
const MARKUP = `<select id="p" class="tomselected ts-hidden-accessible"><option value=""></option><option value="dana">Dana Whitfield</option><option value="priya">Priya Natarajan</option></select>
  <div class="ts-wrapper single"><div class="ts-control"><input id="p-ts-control" role="combobox"></div><div class="ts-dropdown single"><div role="listbox" class="ts-dropdown-content"></div></div></div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Tom Select strategy', () => {
  it('is picked for its control input and for the hidden select, not for another select', () => {
    expect(picked(mount(MARKUP, '#p-ts-control'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('tom-select');
    expect(picked(mount(MARKUP, '#p'), fillStep({ value: 'x', kind: 'select' }))).toBe('tom-select');
    expect(picked(mount('<select id="p"></select>', '#p'), fillStep({ value: 'x', kind: 'select' }))).toBe('native-select');
  });

  it('judges by the hidden select Tom Select keeps, what a form would send', () => {
    const input = mount(MARKUP, '#p-ts-control');
    expect(tomSelect.verify(document, input, fillStep({ value: 'Priya Natarajan' }), ['Priya Natarajan'])).toBe('not-kept');
    document.querySelector<HTMLSelectElement>('#p')!.value = 'priya';
    expect(tomSelect.verify(document, input, fillStep({ value: 'Priya Natarajan' }), ['Priya Natarajan'])).toBe('kept');
  });

  it('types, clicks the matching option and expects its label', async () => {
    const input = mount(MARKUP, '#p-ts-control') as HTMLInputElement;
    const select = document.querySelector<HTMLSelectElement>('#p')!;
    const list = document.querySelector('.ts-dropdown-content')!;
    input.addEventListener('input', () => {
      list.innerHTML = Array.from(select.options)
        .filter((o) => o.value && o.text.toLowerCase().includes(input.value.toLowerCase()))
        .map((o) => `<div class="option" data-selectable data-value="${o.value}">${o.text}</div>`)
        .join('');
      list.querySelectorAll('[data-selectable]').forEach((o) => o.addEventListener('click', () => (select.value = o.getAttribute('data-value')!)));
    });
    expect(await tomSelect.write(document, input, fillStep({ value: 'Priya Natarajan' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Priya Natarajan'] });
    expect(select.value).toBe('priya');
  });
});
