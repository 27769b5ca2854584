// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { nativeText, sameValue } from '../../utils/engine/strategies/native-text';
import { fillStep, mount, picked } from './strategy-helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('native text strategy', () => {
  it('takes whatever no other strategy recognised, and refuses what isn’t a box', async () => {
    expect(picked(mount('<input type="datetime-local">', 'input'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('native-text');
    const div = mount('<div>not a box</div>', 'div');
    expect(picked(div, fillStep({ value: 'x' }))).toBe('native-text');
    expect((await nativeText.write(document, div, fillStep({ value: 'x', label: 'Actor', shown: 'x' }), {})).problem).toBe("The Actor control isn't a box I can type into — enter this yourself: x");
  });

  it('a datetime-local box may drop :00 seconds; text must match exactly', () => {
    expect(sameValue('2026-12-01T22:10', '2026-12-01T22:10:00', 'datetime')).toBe(true);
    expect(sameValue('2026-12-01T22:10', '2026-12-01T22:11', 'datetime')).toBe(false);
    expect(sameValue('dana', 'dana ', 'text')).toBe(false);
    const input = mount('<input>', 'input') as HTMLInputElement;
    nativeText.write(document, input, fillStep({ value: 'dana' }), {});
    expect(nativeText.verify(document, input, fillStep({ value: 'dana' }), ['dana'])).toBe('kept');
    input.value = 'someone else';
    expect(nativeText.verify(document, input, fillStep({ value: 'dana' }), ['dana'])).toBe('not-kept');
  });
});
