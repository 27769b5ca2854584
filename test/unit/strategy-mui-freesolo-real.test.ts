// @vitest-environment jsdom
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { createElement } from 'react';
// @ts-expect-error react-dom ships no types in this project (the lab is built by Vite, not type-checked)
import * as reactDomClient from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForElement } from '../../utils/engine/query';
import { muiAutocomplete } from '../../utils/engine/strategies/mui-autocomplete';
import { fillStep } from './strategy-helpers';

/** Real MUI Autocomplete with freeSolo in jsdom; its `value` is reported from onChange — MUI's own state. */
interface Root {
  render(node: unknown): void;
  unmount(): void;
}
const createRoot = (reactDomClient as { createRoot(host: Element): Root }).createRoot;
let root: Root | null = null;
let state: unknown = undefined;

async function mount(multiple: boolean, freeSolo = true): Promise<HTMLInputElement> {
  document.body.innerHTML = '<form id="f"></form>';
  root = createRoot(document.getElementById('f')!);
  root.render(
    createElement(Autocomplete as unknown as (props: Record<string, unknown>) => null, {
      freeSolo,
      multiple,
      options: ['security', 'urgent'],
      onChange: (_e: unknown, v: unknown) => {
        state = v;
      },
      renderInput: (params: object) => createElement(TextField, { ...params, label: 'Labels' }),
    }),
  );
  return (await waitForElement(document, () => document.querySelector<HTMLInputElement>('.MuiAutocomplete-root input'), 2000))!;
}

afterEach(() => {
  root?.unmount();
  root = null;
  state = undefined;
});

describe('MUI Autocomplete freeSolo (real MUI)', () => {
  it('multiple: each value typed and taken (an offered option clicked, a new one by Enter), checked by its chips', async () => {
    const input = await mount(true);
    const step = fillStep({ value: 'security, legal hold', kind: 'combobox', label: 'Labels' });
    const written = await muiAutocomplete.write(document, input, step, { popupTimeoutMs: 1000 });
    expect(written.problem).toBeUndefined();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(state).toEqual(['security', 'legal hold']);
    expect(muiAutocomplete.verify(document, input, step, written.expect)).toBe('kept');
  });

  it('single: MUI takes the text on Enter, but the box can’t show that, so it is reported not checked', async () => {
    const input = await mount(false);
    const step = fillStep({ value: 'legal hold', kind: 'combobox', label: 'Labels' });
    const written = await muiAutocomplete.write(document, input, step, { popupTimeoutMs: 1000 });
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(state).toBe('legal hold');
    expect(muiAutocomplete.verify(document, input, step, written.expect)).toBe('unchecked');
  });

  it('a list that is not freeSolo keeps its popup button, so a chosen option is still checked as kept', async () => {
    const input = await mount(false, false);
    expect(document.querySelector('.MuiAutocomplete-root')!.classList.contains('MuiAutocomplete-hasPopupIcon')).toBe(true);
    const step = fillStep({ value: 'urgent', kind: 'combobox', label: 'Labels' });
    const written = await muiAutocomplete.write(document, input, step, { popupTimeoutMs: 1000 });
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(state).toBe('urgent');
    expect(muiAutocomplete.verify(document, input, step, written.expect)).toBe('kept');
  });
});
