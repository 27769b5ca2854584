// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { elementPlusSelect, elementSelectChosen } from '../../utils/engine/strategies/element-plus';
import { fillStep, mount, picked } from './strategy-helpers';

/** Element Plus 2 Select markup (as rendered in the widget lab). */
function markup({ single, tags = [] as string[] }: { single?: string; tags?: string[] } = {}): string {
  const tagHtml = tags.map((t) => `<div class="el-select__selected-item"><span class="el-tag"><span class="el-tag__content">${t}</span></span></div>`).join('');
  const placeholder = `<div class="el-select__selected-item el-select__placeholder${single ? '' : ' is-transparent'}"><span>${single ?? 'Choose a person'}</span></div>`;
  return `<div class="el-select"><div class="el-select__wrapper"><div class="el-select__selection">${tagHtml}<div class="el-select__selected-item el-select__input-wrapper"><input class="el-select__input" role="combobox" aria-controls="list"></div>${tags.length ? '' : placeholder}</div></div></div>
    <div class="el-select-dropdown"><ul id="list" role="listbox"><li role="option" style="display: none;"><span>Dana Whitfield</span></li><li role="option"><span>Dana Whitfield</span></li><li role="option"><span>Li Chen</span></li></ul></div>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Element Plus Select strategy', () => {
  it('is picked for anything inside .el-select', () => {
    expect(picked(mount(markup(), '.el-select'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('element-plus-select');
    expect(picked(mount(markup(), '.el-select input'), fillStep({ value: 'x', kind: 'text' }))).toBe('element-plus-select');
  });

  it('reads the choice it renders, not its placeholder text or emptied input', () => {
    expect(elementSelectChosen(mount(markup(), '.el-select'))).toEqual([]);
    expect(elementSelectChosen(mount(markup({ single: 'Li Chen' }), '.el-select'))).toEqual(['Li Chen']);
    expect(elementSelectChosen(mount(markup({ tags: ['Sign-in', 'Settings changed'] }), '.el-select'))).toEqual(['Sign-in', 'Settings changed']);
    expect(elementPlusSelect.verify(document, mount(markup(), '.el-select'), fillStep({ value: 'x' }), ['Choose a person'])).toBe('not-kept');
  });

  it('clicks a visible option from the list its input names, never a hidden one', async () => {
    const root = mount(markup(), '.el-select');
    const clicked: number[] = [];
    document.querySelectorAll('li').forEach((li, i) => li.addEventListener('click', () => clicked.push(i)));
    expect(await elementPlusSelect.write(document, root, fillStep({ value: 'Dana Whitfield' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Dana Whitfield'] });
    expect(clicked).toEqual([1]);
  });
});
