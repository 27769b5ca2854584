// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { muiAutocomplete, muiAutocompleteChosen } from '../../utils/engine/strategies/mui-autocomplete';
import { fillStep, mount, picked } from './strategy-helpers';

/** MUI Autocomplete's markup as rendered in the widget lab (chips for a multiple; MUI 9 marks a freeSolo box only by its missing popup button). */
function markup({ value = '', chips = [] as string[], freeSolo = false } = {}): string {
  const chipHtml = chips.map((c) => `<div class="MuiChip-root"><span class="MuiChip-label">${c}</span></div>`).join('');
  return `<div class="MuiAutocomplete-root${freeSolo ? '' : ' MuiAutocomplete-hasPopupIcon'}"><div class="MuiInputBase-root">${chipHtml}<input id="ac" role="combobox" value="${value}"></div></div><button id="elsewhere">x</button>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('MUI Autocomplete strategy', () => {
  it('is picked for its input, freeSolo boxes too', () => {
    expect(picked(mount(markup(), '#ac'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('mui-autocomplete');
    expect(picked(mount(markup({ freeSolo: true }), '#ac'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('mui-autocomplete');
  });

  it('a freeSolo single is never reported kept (its text reads the same taken or not), only not kept when it shows something else', () => {
    const single = mount(markup({ value: 'Omar Haddad', freeSolo: true }), '#ac');
    expect(muiAutocomplete.verify(document, single, fillStep({ value: 'x' }), ['Omar Haddad'])).toBe('unchecked');
    expect(muiAutocomplete.verify(document, single, fillStep({ value: 'x' }), ['Li Chen'])).toBe('not-kept');
    // A freeSolo multiple shows what it took as chips: checked.
    const multi = mount(markup({ chips: ['security', 'urgent'], freeSolo: true }), '#ac');
    expect(muiAutocomplete.verify(document, multi, fillStep({ value: 'x' }), ['security', 'urgent'])).toBe('kept');
    expect(muiAutocomplete.verify(document, multi, fillStep({ value: 'x' }), ['security', 'legal'])).toBe('not-kept');
  });

  it('a multiple is judged by its chips; a single by its input once left', () => {
    expect(muiAutocompleteChosen(mount(markup({ chips: ['Sign-out'] }), '.MuiAutocomplete-root'))).toEqual({ multiple: true, chosen: ['Sign-out'] });
    const multi = mount(markup({ chips: ['API key created'] }), '#ac');
    expect(muiAutocomplete.verify(document, multi, fillStep({ value: 'x' }), ['API key created', 'Sign-out'])).toBe('not-kept');
    const single = mount(markup({ value: 'Omar Haddad' }), '#ac') as HTMLInputElement;
    expect(muiAutocomplete.verify(document, single, fillStep({ value: 'x' }), ['Omar Haddad'])).toBe('kept');
    single.focus();
    expect(muiAutocomplete.verify(document, single, fillStep({ value: 'x' }), ['Omar Haddad'])).toBe('unchecked');
    single.blur();
    single.value = '';
    expect(muiAutocomplete.verify(document, single, fillStep({ value: 'x' }), ['Omar Haddad'])).toBe('not-kept');
  });

  it('clicks the option from the list its input names and leaves the box', async () => {
    const input = mount(markup(), '#ac') as HTMLInputElement;
    let chosen = '';
    input.addEventListener('mousedown', () => {
      document.body.insertAdjacentHTML('beforeend', '<ul id="ac-listbox" role="listbox"><li id="ac-option-0" role="option">Li Chen</li><li id="ac-option-1" role="option">Omar Haddad</li></ul>');
      document.querySelectorAll('[role="option"]').forEach((o) => o.addEventListener('click', () => (chosen = o.textContent!)));
    });
    const written = await muiAutocomplete.write(document, input, fillStep({ value: 'Omar Haddad' }), { popupTimeoutMs: 500 });
    expect(written).toEqual({ expect: ['Omar Haddad'] });
    expect(chosen).toBe('Omar Haddad');
    expect(document.activeElement).not.toBe(input);
  });
});
