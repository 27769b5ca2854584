// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { reactDatepicker } from '../../utils/engine/strategies/react-datepicker';
import { fillStep, mount, picked } from './strategy-helpers';

const MARKUP = '<div class="react-datepicker-wrapper"><div class="react-datepicker__input-container"><input type="text" value=""></div></div>';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('react-datepicker strategy', () => {
  it('is picked for the input inside its input container', () => {
    expect(picked(mount(MARKUP, 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('react-datepicker');
  });

  it('types, presses Enter, leaves the box; kept only if the picker wrote that date back', () => {
    const input = mount(MARKUP, 'input') as HTMLInputElement;
    const keys: string[] = [];
    input.addEventListener('keydown', (e) => keys.push(e.key));
    // Like react-datepicker: on blur the box shows the selected date, which only a readable text sets.
    let selected = '';
    input.addEventListener('input', () => {
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(input.value)) selected = input.value;
    });
    input.addEventListener('blur', () => (input.value = selected));
    const step = fillStep({ value: '2026-11-30 13:08', kind: 'datetime' });
    expect(reactDatepicker.write(document, input, step, {})).toEqual({ expect: ['2026-11-30 13:08'] });
    expect(keys).toEqual(['Enter']);
    expect(reactDatepicker.verify(document, input, step, ['2026-11-30 13:08'])).toBe('kept');
    const wrong = fillStep({ value: '30.11.2026', kind: 'datetime' });
    reactDatepicker.write(document, input, wrong, {});
    expect(reactDatepicker.verify(document, input, wrong, ['30.11.2026'])).toBe('not-kept');
    input.focus();
    expect(reactDatepicker.verify(document, input, step, ['2026-11-30 13:08'])).toBe('unchecked');
  });
});
