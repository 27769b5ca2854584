// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { elementPlusPicker } from '../../utils/engine/strategies/element-plus';
import { fillStep, mount, picked } from './strategy-helpers';

const SINGLE = '<div class="el-input el-date-editor el-date-editor--datetime"><div class="el-input__wrapper"><input class="el-input__inner" role="combobox"></div></div>';
const RANGE = '<div class="el-date-editor el-range-editor"><input class="el-range-input"><input class="el-range-input"></div>';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Element Plus date picker strategy', () => {
  it('is picked for a one-box date editor, not for its range editor (two boxes, not supported yet)', () => {
    expect(picked(mount(SINGLE, 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('element-plus-picker');
    expect(picked(mount(RANGE, 'input'), fillStep({ value: 'x', kind: 'datetime' }))).not.toBe('element-plus-picker');
  });

  it('types, presses Enter, leaves the box; kept only if the date written back is the one asked for', () => {
    const input = mount(SINGLE, 'input') as HTMLInputElement;
    const keys: string[] = [];
    input.addEventListener('keydown', (e) => keys.push(e.key));
    // Like Element Plus: on leaving, the box shows the model's date; unreadable text gives way to it.
    let model = '';
    input.addEventListener('change', () => {
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(input.value)) model = input.value;
    });
    input.addEventListener('blur', () => (input.value = model));
    const step = fillStep({ value: '2026-11-15 06:45', kind: 'datetime' });
    expect(elementPlusPicker.write(document, input, step, {})).toEqual({ expect: ['2026-11-15 06:45'] });
    expect(keys).toEqual(['Enter']);
    expect(elementPlusPicker.verify(document, input, step, ['2026-11-15 06:45'])).toBe('kept');
    const wrong = fillStep({ value: '15.11.2026 06:45', kind: 'datetime' });
    elementPlusPicker.write(document, input, wrong, {});
    expect(elementPlusPicker.verify(document, input, wrong, ['15.11.2026 06:45'])).toBe('not-kept');
  });
});
