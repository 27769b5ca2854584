// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { flatpickrInput } from '../../utils/engine/strategies/flatpickr';
import { fillStep, mount, picked } from './strategy-helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('flatpickr strategy', () => {
  it('is picked for flatpickr’s input only', () => {
    expect(picked(mount('<input class="flatpickr-input">', 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('flatpickr');
    expect(picked(mount('<input>', 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('native-text');
  });

  it('types, presses Enter, leaves the box; kept only if flatpickr left the value in it', () => {
    const input = mount('<input class="flatpickr-input">', 'input') as HTMLInputElement;
    const seen: string[] = [];
    input.addEventListener('keydown', (e) => seen.push(e.key));
    // flatpickr empties the box when it can't read what was typed.
    input.addEventListener('blur', () => {
      seen.push('blur');
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(input.value)) input.value = '';
    });
    const step = fillStep({ value: '2026-10-05 07:30', kind: 'datetime' });
    expect(flatpickrInput.write(document, input, step, {})).toEqual({ expect: ['2026-10-05 07:30'] });
    expect(seen).toEqual(['Enter', 'blur']);
    expect(flatpickrInput.verify(document, input, step, ['2026-10-05 07:30'])).toBe('kept');
    const wrong = fillStep({ value: '05.10.2026', kind: 'datetime' });
    flatpickrInput.write(document, input, wrong, {});
    expect(flatpickrInput.verify(document, input, wrong, ['05.10.2026'])).toBe('not-kept');
  });

  it('a read-only flatpickr (calendar only) is refused with words for a person', () => {
    const input = mount('<input class="flatpickr-input" readonly>', 'input');
    expect(flatpickrInput.write(document, input, fillStep({ value: '2026-10-05 07:30', label: 'From', shown: '5 Oct 2026, 07:30 UTC', kind: 'datetime' }), {})).toEqual({
      expect: [],
      problem: 'The From date box only takes a date picked from its calendar — pick this yourself: 5 Oct 2026, 07:30 UTC',
    });
  });
});
