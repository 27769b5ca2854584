// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { antdSelect, antdSelectChosen } from '../../utils/engine/strategies/antd-select';
import { fillStep, mount, picked } from './strategy-helpers';

/** antd 6 Select markup as rendered in the widget lab. */
function single(chosen?: string): string {
  const content = chosen ? `<div class="ant-select-content ant-select-content-has-value" title="${chosen}">${chosen}<input class="ant-select-input" role="combobox" aria-controls="s_list" value=""></div>` : `<div class="ant-select-content"><div class="ant-select-placeholder">Choose</div><input class="ant-select-input" role="combobox" aria-controls="s_list" value=""></div>`;
  return `<div class="ant-select ant-select-single">${content}</div>`;
}
function multiple(chosen: string[], mode = 'ant-select-multiple'): string {
  const tags = chosen.map((c) => `<div class="ant-select-content-item"><span title="${c}" class="ant-select-selection-item"><span class="ant-select-selection-item-content">${c}</span></span></div>`).join('');
  return `<div class="ant-select ${mode}"><div class="ant-select-content">${tags}<div class="ant-select-content-item-suffix"><input class="ant-select-input" role="combobox" aria-controls="s_list" value=""></div></div></div>`;
}

/** antd's list, mounted in a dropdown the input names; clicking an option adds a tag and empties the input. */
function behave(options: string[]): () => string[] {
  const root = document.querySelector('.ant-select')!;
  const input = root.querySelector<HTMLInputElement>('input')!;
  const chosen: string[] = [];
  const open = () => {
    document.querySelector('.ant-select-dropdown')?.remove();
    const typed = input.value.toLowerCase();
    const list = options.filter((o) => o.toLowerCase().includes(typed));
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div class="ant-select-dropdown"><div role="listbox" id="s_list"></div>${list.map((o) => `<div class="ant-select-item ant-select-item-option" title="${o}"><div class="ant-select-item-option-content">${o}</div></div>`).join('')}</div>`,
    );
    document.querySelectorAll('.ant-select-item-option').forEach((o) =>
      o.addEventListener('click', () => {
        chosen.push(o.getAttribute('title')!);
        input.value = '';
        root.querySelector('.ant-select-content')!.insertAdjacentHTML('afterbegin', `<span title="${o.getAttribute('title')}" class="ant-select-selection-item">${o.getAttribute('title')}</span>`);
      }),
    );
  };
  root.addEventListener('mousedown', open);
  input.addEventListener('input', open);
  return () => [...chosen];
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('antd Select strategy', () => {
  it('is picked for anything inside .ant-select', () => {
    expect(picked(mount(single(), '.ant-select'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('antd-select');
    expect(picked(mount(single(), '.ant-select input'), fillStep({ value: 'x', kind: 'text' }))).toBe('antd-select');
  });

  it('reads the single choice from its title and tags from each tag’s title, not from the emptied input', () => {
    expect(antdSelectChosen(mount(single('Omar Haddad'), '.ant-select'))).toEqual(['Omar Haddad']);
    expect(antdSelectChosen(mount(single(), '.ant-select'))).toEqual([]);
    expect(antdSelectChosen(mount(multiple(['Sign-out', 'API key created']), '.ant-select'))).toEqual(['Sign-out', 'API key created']);
    const step = fillStep({ value: 'Sign-out, API key created' });
    expect(antdSelect.verify(document, mount(multiple(['Sign-out']), '.ant-select'), step, ['Sign-out', 'API key created'])).toBe('not-kept');
    expect(antdSelect.verify(document, mount(multiple(['Sign-out', 'API key created']), '.ant-select'), step, ['Sign-out', 'API key created'])).toBe('kept');
  });

  it('picks every value of a multiple select from the list that belongs to it', async () => {
    const root = mount(multiple([]), '.ant-select');
    const chosen = behave(['Sign-in', 'Sign-out', 'API key created']);
    const written = await antdSelect.write(document, root, fillStep({ value: 'Sign-out, API key created' }), { popupTimeoutMs: 500 });
    expect(written).toEqual({ expect: ['Sign-out', 'API key created'] });
    expect(chosen()).toEqual(['Sign-out', 'API key created']);
  });

  it('a single select with no matching option says so', async () => {
    const root = mount(single(), '.ant-select');
    behave(['Omar Haddad']);
    const written = await antdSelect.write(document, root, fillStep({ value: 'Nobody', label: 'Person' }), { popupTimeoutMs: 200 });
    expect(written.problem).toBe('I couldn\'t find "Nobody" in the Person list — pick it yourself.');
  });
});
