// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { checkbox } from '../../utils/engine/strategies/checkbox';
import { fillStep, mount, picked } from './strategy-helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('checkbox strategy', () => {
  it('is picked when the adapter says checkbox', () => {
    expect(picked(mount('<input type="checkbox">', 'input'), fillStep({ value: 'true', kind: 'checkbox' }))).toBe('checkbox');
  });

  it('clicks only when the box isn’t already as wanted, and reads checked / aria-checked', () => {
    const box = mount('<input type="checkbox" checked>', 'input') as HTMLInputElement;
    let clicks = 0;
    box.addEventListener('click', () => clicks++);
    expect(checkbox.write(document, box, fillStep({ value: 'yes', kind: 'checkbox' }), {})).toEqual({ expect: ['true'] });
    expect(clicks).toBe(0);
    checkbox.write(document, box, fillStep({ value: 'false', kind: 'checkbox' }), {});
    expect(clicks).toBe(1);
    expect(checkbox.verify(document, box, fillStep({ value: 'false', kind: 'checkbox' }), ['false'])).toBe('kept');
    const aria = mount('<div role="checkbox" aria-checked="false"></div>', 'div');
    expect(checkbox.verify(document, aria, fillStep({ value: 'true', kind: 'checkbox' }), ['true'])).toBe('not-kept');
    expect(checkbox.verify(document, mount('<span></span>', 'span'), fillStep({ value: 'true', kind: 'checkbox' }), ['true'])).toBe('unchecked');
  });
});
