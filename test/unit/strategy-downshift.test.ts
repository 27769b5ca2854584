// @vitest-environment jsdom
import { useCombobox } from 'downshift';
import { createElement, useState } from 'react';
// @ts-expect-error react-dom ships no types in this project (the lab is built by Vite, not type-checked)
import * as reactDomClient from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import { clearControl } from '../../utils/engine/insert';
import type { ClearStep } from '../../utils/engine/plan';
import { waitForElement } from '../../utils/engine/query';
import { downshift } from '../../utils/engine/strategies/downshift';
import { fillStep, picked } from './strategy-helpers';

/**
 * Real Downshift (useCombobox, as its docs render it) in jsdom; its selected item is reported
 * from onSelectedItemChange — Downshift's own state, never read back from the DOM.
 */
const TEAMS = [
  { value: 'billing', label: 'Billing' },
  { value: 'platform', label: 'Platform' },
  { value: 'support', label: 'Customer support' },
];

interface Root {
  render(node: unknown): void;
  unmount(): void;
}
const createRoot = (reactDomClient as { createRoot(host: Element): Root }).createRoot;
let root: Root | null = null;
let selected: string | null = null;

function Teams() {
  const [shown, setShown] = useState(TEAMS);
  const box = useCombobox({
    items: shown,
    itemToString: (item) => item?.label ?? '',
    onInputValueChange: ({ inputValue }) => setShown(TEAMS.filter((t) => t.label.toLowerCase().includes((inputValue ?? '').toLowerCase()))),
    onSelectedItemChange: ({ selectedItem }) => {
      selected = selectedItem?.value ?? null;
    },
  });
  return createElement(
    'div',
    null,
    createElement('input', { placeholder: 'Type a team', ...box.getInputProps() }),
    createElement('ul', box.getMenuProps(), ...(box.isOpen ? shown.map((item, index) => createElement('li', { key: item.value, ...box.getItemProps({ item, index }) }, item.label)) : [])),
  );
}

const input = () => document.querySelector('input')!;
const step: ClearStep = { fields: ['team'], label: 'Team', kind: 'combobox', selectors: ['input'], option: ['[role="option"]'] };

async function mountTeams(): Promise<void> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(createElement(Teams));
  await waitForElement(document, () => document.querySelector('input'), 1000);
}

async function choosePlatform(): Promise<void> {
  const written = await downshift.write(document, input(), fillStep({ value: 'Platform', kind: 'combobox', fields: ['team'], label: 'Team', option: ['[role="option"]'] }), { popupTimeoutMs: 1000 });
  expect(written.problem).toBeUndefined();
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  expect(selected).toBe('platform');
  expect(input().value).toBe('Platform');
}

beforeEach(async () => {
  selected = null;
  document.body.innerHTML = '';
  await mountTeams();
});
afterEach(() => {
  root?.unmount();
  root = null;
});

describe('Downshift combobox', () => {
  it('is recognised by the ids Downshift gives its input (not by the generic combobox)', () => {
    expect(input().id).toMatch(/^downshift-.+-input$/);
    expect(picked(input(), fillStep({ value: 'x', kind: 'combobox' }))).toBe('downshift');
    expect(picked(input(), fillStep({ value: 'x', kind: 'text' }))).not.toBe('downshift');
  });

  it('emptying only the text leaves Downshift’s choice in place — which is why clearing goes through the strategy', async () => {
    await choosePlatform();
    const box = input();
    box.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.blur();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(box.value).toBe('');
    expect(selected).toBe('platform');
  });

  it('a fresh search clears the choice Downshift’s own way and reports cleared only once its list shows nothing chosen', async () => {
    await choosePlatform();
    const outcome = await clearControl(document, step, { popupTimeoutMs: 1000 });
    expect(outcome.status).toBe('cleared');
    expect(selected).toBeNull();
    expect(input().value).toBe('');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('reports not cleared, naming the choice, when Downshift keeps it', async () => {
    await choosePlatform();
    // A Downshift that ignores Escape (a page that stops the key): the choice stays.
    input().addEventListener('keydown', (e) => e.key === 'Escape' && e.stopPropagation(), { capture: true });
    const outcome = await clearControl(document, step, { popupTimeoutMs: 1000 });
    expect(outcome.status).toBe('not-cleared');
    expect(outcome.message).toMatch(/^Could not clear the Team list \(it still shows Platform\)/);
    expect(selected).toBe('platform');
  });

  it('in a reset fill, the Team list chosen by an earlier search is reported cleared and Downshift holds nothing', async () => {
    await choosePlatform();
    const report = await executeFill(
      document,
      { steps: [], clear: [step], unfillable: [], submit: { via: 'none' }, wait: { busy: [], ready: [], rows: [], timeoutMs: 1000 } } as never,
      { popupTimeoutMs: 1000 },
    );
    expect(report.cleared).toEqual([{ fields: ['team'], label: 'Team', status: 'cleared', was: 'Platform' }]);
    expect(selected).toBeNull();
  });
});
