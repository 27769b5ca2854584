// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { muiPicker, muiSectionsText } from '../../utils/engine/strategies/mui-picker';
import { fillStep, mount, picked } from './strategy-helpers';

/** MUI X v9's sectioned field: one spinbutton per section, separators beside them, a hidden input. */
function field(sections: string[] | null): string {
  const names = ['Month', 'Day', 'Year', 'Hours', 'Minutes', 'Meridiem'];
  const seps = ['/', '/', ' ', ':', ' ', ''];
  const spans = names
    .map((n, i) => {
      const text = sections ? sections[i] : ['MM', 'DD', 'YYYY', 'hh', 'mm', 'aa'][i];
      return `<span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="${n}" aria-valuetext="${sections ? text : 'Empty'}" contenteditable="true">\u2066${text}\u2069</span><span>${seps[i]}</span></span>`;
    })
    .join('');
  return `<div role="group" class="MuiPickersInputBase-root"><div class="MuiPickersSectionList-root">${spans}</div><input class="MuiPickersInputBase-input" aria-hidden="true" tabindex="-1" value=""></div>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('MUI X sectioned picker strategy', () => {
  it('is picked for the field group and for its hidden input', () => {
    expect(picked(mount(field(null), '[role="group"]'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('mui-picker');
    expect(picked(mount(field(null), 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('mui-picker');
  });

  it('judges by the sections MUI renders from its state; empty sections are not a value', () => {
    const step = fillStep({ value: '11/30/2026 01:08 PM', kind: 'datetime' });
    expect(muiSectionsText(mount(field(null), '[role="group"]'))).toBe('     ');
    expect(muiPicker.verify(document, mount(field(null), '[role="group"]'), step, ['11/30/2026 01:08 PM'])).toBe('not-kept');
    expect(muiPicker.verify(document, mount(field(['11', '30', '2026', '01', '08', 'PM']), '[role="group"]'), step, ['11/30/2026 01:08 PM'])).toBe('kept');
    expect(muiPicker.verify(document, mount(field(['11', '30', '2026', '01', '08', 'AM']), '[role="group"]'), step, ['11/30/2026 01:08 PM'])).toBe('not-kept');
  });

  it('types the whole value in the display format into the hidden input MUI parses', () => {
    const group = mount(field(null), '[role="group"]');
    const hidden = document.querySelector<HTMLInputElement>('input')!;
    const typed: string[] = [];
    hidden.addEventListener('input', () => typed.push(hidden.value));
    expect(muiPicker.write(document, group, fillStep({ value: '11/30/2026 01:08 PM', kind: 'datetime' }), {})).toEqual({ expect: ['11/30/2026 01:08 PM'] });
    expect(typed).toEqual(['11/30/2026 01:08 PM']);
  });
});
