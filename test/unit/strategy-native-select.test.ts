// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { nativeSelect } from '../../utils/engine/strategies/native-select';
import { fillStep, mount, picked } from './strategy-helpers';

const MARKUP = '<select><option value="">All outcomes</option><option value="success">Success</option><option value="failure">Failure</option></select>';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('native select strategy', () => {
  it('is picked for a <select> unless the adapter says it is something else', () => {
    expect(picked(mount(MARKUP, 'select'), fillStep({ value: 'x', kind: 'select' }))).toBe('native-select');
    expect(picked(mount(MARKUP, 'select'), fillStep({ value: 'x', kind: 'text' }))).toBe('native-select');
    expect(picked(mount(MARKUP, 'select'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('combobox');
  });

  it('chooses by value or by text, and checks the select’s own value', async () => {
    const select = mount(MARKUP, 'select') as HTMLSelectElement;
    expect(nativeSelect.write(document, select, fillStep({ value: 'Failure' }), {})).toEqual({ expect: ['failure'] });
    expect(select.value).toBe('failure');
    expect(nativeSelect.verify(document, select, fillStep({ value: 'Failure' }), ['failure'])).toBe('kept');
    select.value = 'success';
    expect(nativeSelect.verify(document, select, fillStep({ value: 'Failure' }), ['failure'])).toBe('not-kept');
    expect((await nativeSelect.write(document, select, fillStep({ value: 'Maybe', label: 'Outcome' }), {})).problem).toBe('"Maybe" isn\'t one of the choices in Outcome — pick the closest one yourself.');
  });
});
