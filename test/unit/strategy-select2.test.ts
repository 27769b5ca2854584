// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { select2 } from '../../utils/engine/strategies/select2';
import { fillStep, mount, picked } from './strategy-helpers';

/** Select2's markup: the page's <select> (hidden) and the container Select2 adds after it. */
const MARKUP = `<select id="ev" class="select2-hidden-accessible"><option value=""></option><option value="user.login">Sign-in</option><option value="apikey.created">API key created</option></select>
  <span class="select2 select2-container"><span class="selection"><span class="select2-selection select2-selection--single" role="combobox"><span class="select2-selection__rendered"></span></span></span></span>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Select2 strategy', () => {
  it('is picked for its selection and for the hidden select', () => {
    expect(picked(mount(MARKUP, '.select2-selection'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('select2');
    expect(picked(mount(MARKUP, '#ev'), fillStep({ value: 'x', kind: 'select' }))).toBe('select2');
  });

  it('opens, searches, clicks the result and judges by the hidden select', async () => {
    const selection = mount(MARKUP, '.select2-selection');
    const select = document.querySelector<HTMLSelectElement>('#ev')!;
    // Like Select2: a press opens a dropdown (appended to body) with a search field and results.
    selection.addEventListener('mousedown', () => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<span class="select2-container select2-container--open"><span class="select2-dropdown"><input class="select2-search__field" type="search"><ul id="select2-ev-results" class="select2-results__options" role="listbox"></ul></span></span>',
      );
      const search = document.querySelector<HTMLInputElement>('.select2-search__field')!;
      search.addEventListener('input', () => {
        const list = document.getElementById('select2-ev-results')!;
        list.innerHTML = Array.from(select.options)
          .filter((o) => o.value && o.text.toLowerCase().includes(search.value.toLowerCase()))
          .map((o) => `<li class="select2-results__option select2-results__option--selectable" role="option" data-v="${o.value}">${o.text}</li>`)
          .join('');
        list.querySelectorAll('li').forEach((li) => li.addEventListener('mouseup', () => (select.value = li.getAttribute('data-v')!)));
      });
    });
    const step = fillStep({ value: 'API key created' });
    expect(select2.verify(document, selection, step, ['API key created'])).toBe('not-kept');
    expect(await select2.write(document, selection, step, { popupTimeoutMs: 500 })).toEqual({ expect: ['API key created'] });
    expect(select.value).toBe('apikey.created');
    expect(select2.verify(document, selection, step, ['API key created'])).toBe('kept');
    expect(select2.shown!(selection)).toBe('API key created');
  });
});
