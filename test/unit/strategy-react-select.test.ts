// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { reactSelect } from '../../utils/engine/strategies/react-select';
import { fillStep, mount, picked } from './strategy-helpers';

/** react-select 5's markup (as rendered in the widget lab), with `chosen` rendered the way it renders them. */
function markup({ chosen = [] as string[], multi = false } = {}): string {
  const value = multi
    ? chosen.map((c) => `<div class="css-1p3m7a8-multiValue"><div class="css-9jq23d">${c}</div><div role="button" aria-label="Remove ${c}"></div></div>`).join('')
    : chosen.map((c) => `<div class="css-1dimb5e-singleValue">${c}</div>`).join('');
  return `<div id="w"><div class="css-b62m3t-container"><span id="react-select-7-live-region"></span><span aria-live="polite" role="log"></span>
    <div class="css-13cymwt-control"><div class="css-hlgwow">${value || '<div class="css-1jqq78o-placeholder">Select...</div>'}
    <div class="css-19bb58m" data-value=""><input id="rs" role="combobox" aria-autocomplete="list" type="text" value=""></div></div></div></div></div>`;
}

/**
 * A stand-in for react-select's behaviour: a press opens the list (aria-multiselectable for a
 * multi), typing filters it, clicking an option renders the choice and empties the input.
 */
function behave(options: string[], multi: boolean, { keepOpen = false } = {}): () => string[] {
  const chosen: string[] = [];
  const input = document.querySelector<HTMLInputElement>('#rs')!;
  const container = document.querySelector('.css-b62m3t-container')!;
  const render = () => {
    const valueBox = container.querySelector('.css-hlgwow')!;
    valueBox.querySelectorAll('[class*="singleValue"], [class*="multiValue"], [class*="placeholder"]').forEach((e) => e.remove());
    const html = multi
      ? chosen.map((c) => `<div class="css-1p3m7a8-multiValue"><div class="css-9jq23d">${c}</div></div>`).join('')
      : chosen.slice(-1).map((c) => `<div class="css-1dimb5e-singleValue">${c}</div>`).join('');
    valueBox.insertAdjacentHTML('afterbegin', html);
  };
  const menu = () => {
    container.querySelector('.menu')?.remove();
    const typed = input.value.toLowerCase();
    const list = options.filter((o) => o.toLowerCase().includes(typed));
    container.insertAdjacentHTML(
      'beforeend',
      `<div class="menu"><div role="listbox" id="react-select-7-listbox" aria-multiselectable="${multi}">${list.map((o, i) => `<div role="option" id="react-select-7-option-${i}">${o}</div>`).join('')}</div></div>`,
    );
    container.querySelectorAll('[role="option"]').forEach((o) =>
      o.addEventListener('click', () => {
        chosen.push(o.textContent!);
        input.value = '';
        if (!keepOpen) container.querySelector('.menu')?.remove();
        render();
      }),
    );
  };
  input.addEventListener('mousedown', menu);
  input.addEventListener('input', menu);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') container.querySelector('.menu')?.remove();
  });
  return () => [...chosen];
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('react-select strategy', () => {
  it('is picked for react-select’s input, whatever kind the adapter says, and not for a plain input', () => {
    expect(picked(mount(markup(), '#rs'), fillStep({ value: 'x', kind: 'combobox' }))).toBe('react-select');
    expect(picked(mount(markup(), '#rs'), fillStep({ value: 'x', kind: 'text' }))).toBe('react-select');
    expect(picked(mount('<input id="rs">', '#rs'), fillStep({ value: 'x', kind: 'combobox' }))).not.toBe('react-select');
  });

  it('judges by the chosen value react-select renders, not by its input, which it empties', () => {
    const step = fillStep({ value: 'Li Chen' });
    expect(reactSelect.verify(document, mount(markup({ chosen: ['Li Chen'] }), '#rs'), step, ['Li Chen'])).toBe('kept');
    expect(reactSelect.verify(document, mount(markup(), '#rs'), step, ['Li Chen'])).toBe('not-kept');
    const typedOnly = mount(markup(), '#rs') as HTMLInputElement;
    typedOnly.value = 'Li Chen';
    expect(reactSelect.verify(document, typedOnly, step, ['Li Chen'])).toBe('not-kept');
    expect(reactSelect.verify(document, mount(markup({ chosen: ['Omar Haddad'] }), '#rs'), step, ['Li Chen'])).toBe('not-kept');
  });

  it('a multi is kept only when every wanted chip is there', () => {
    const step = fillStep({ value: 'Sign-in, Settings changed' });
    expect(reactSelect.verify(document, mount(markup({ multi: true, chosen: ['Sign-in', 'Settings changed'] }), '#rs'), step, ['Sign-in', 'Settings changed'])).toBe('kept');
    expect(reactSelect.verify(document, mount(markup({ multi: true, chosen: ['Sign-in'] }), '#rs'), step, ['Sign-in', 'Settings changed'])).toBe('not-kept');
  });

  it('writes each comma-separated value into a multi by typing and clicking its option', async () => {
    const input = mount(markup(), '#rs');
    const chosen = behave(['Sign-in', 'Sign-out', 'Settings changed'], true);
    const written = await reactSelect.write(document, input, fillStep({ value: 'Sign-in, Settings changed' }), { popupTimeoutMs: 500 });
    expect(written).toEqual({ expect: ['Sign-in', 'Settings changed'] });
    expect(chosen()).toEqual(['Sign-in', 'Settings changed']);
  });

  it('keeps a comma in a single select’s value and says so when no option matches', async () => {
    const input = mount(markup(), '#rs');
    const chosen = behave(['Chen, Li', 'Haddad, Omar'], false);
    expect(await reactSelect.write(document, input, fillStep({ value: 'Chen, Li' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Chen, Li'] });
    expect(chosen()).toEqual(['Chen, Li']);
    const missing = await reactSelect.write(document, input, fillStep({ value: 'Nobody', label: 'Person' }), { popupTimeoutMs: 200 });
    expect(missing.problem).toBe('I couldn\'t find "Nobody" in the Person list — pick it yourself.');
  });
});

describe('react-select: Escape only while its list is open', () => {
  /** Counts the Escape presses that reach the page (Ghost closes its History dialog on any). */
  function escapesReachingThePage(): () => number {
    let count = 0;
    const listener = (event: KeyboardEvent) => {
      if (event.type === 'keydown' && event.key === 'Escape') count += 1;
    };
    document.addEventListener('keydown', listener);
    return () => count;
  }

  it('presses no Escape when the pick has already closed the list', async () => {
    const input = mount(markup(), '#rs');
    const chosen = behave(['Alice Nguyen', 'Bruno Costa'], false);
    const escapes = escapesReachingThePage();
    expect(await reactSelect.write(document, input, fillStep({ value: 'Alice Nguyen' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Alice Nguyen'] });
    expect(chosen()).toEqual(['Alice Nguyen']);
    expect(escapes()).toBe(0);
  });

  it('closes a list the library left open with one Escape', async () => {
    const input = mount(markup(), '#rs');
    behave(['Sign-in', 'Sign-out', 'Settings changed'], true, { keepOpen: true });
    const escapes = escapesReachingThePage();
    expect(await reactSelect.write(document, input, fillStep({ value: 'Sign-in, Settings changed' }), { popupTimeoutMs: 500 })).toEqual({ expect: ['Sign-in', 'Settings changed'] });
    expect(escapes()).toBe(1);
    expect(document.getElementById('react-select-7-listbox')).toBeNull();
  });
});

describe('react-select: what a fresh search sees (reset)', () => {
  it('reads the chosen value even though the input is empty', async () => {
    const { filterShown } = await import('../../utils/engine/insert');
    expect(filterShown(mount(markup({ chosen: ['Li Chen'] }), '#rs'), 'combobox')).toBe('Li Chen');
    expect(filterShown(mount(markup({ multi: true, chosen: ['Sign-in', 'Sign-out'] }), '#rs'), 'combobox')).toBe('Sign-in, Sign-out');
    expect(filterShown(mount(markup(), '#rs'), 'combobox')).toBe('');
  });
});
