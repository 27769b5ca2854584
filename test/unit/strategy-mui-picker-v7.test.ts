// @vitest-environment jsdom
import dayjs from 'dayjs';
import { createElement, useState } from 'react';
// @ts-expect-error react-dom ships no types in this project (the lab is built by Vite, not type-checked)
import * as reactDomClient from 'react-dom/client';
// @ts-expect-error a plain re-export module (test/widgets/mui-x-v7/index.js): MUI X v7 with its own @mui/material 7
import { AdapterDayjs, DateTimePicker, LocalizationProvider } from 'trailguide-lab-mui-x-v7';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForElement } from '../../utils/engine/query';
import { muiPickerV7 } from '../../utils/engine/strategies/mui-picker-v7';
import { fillStep, mount, picked } from './strategy-helpers';

/** Real MUI X v7 DateTimePicker (single-input field) in jsdom; its value is reported from onChange — MUI's own state. */
interface Root {
  render(node: unknown): void;
  unmount(): void;
}
const createRoot = (reactDomClient as { createRoot(host: Element): Root }).createRoot;
let root: Root | null = null;
let state: unknown = undefined;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function mountPicker(): Promise<HTMLInputElement> {
  document.body.innerHTML = '<div id="host"></div>';
  root = createRoot(document.getElementById('host')!);
  // Controlled, as the lab's and most apps' pickers are.
  function Picker() {
    const [value, setValue] = useState<unknown>(null);
    return createElement(
      LocalizationProvider as (props: Record<string, unknown>) => null,
      { dateAdapter: AdapterDayjs },
      createElement(DateTimePicker as (props: Record<string, unknown>) => null, {
        label: 'Until',
        value,
        onChange: (v: { isValid(): boolean; toISOString(): string } | null) => {
          setValue(v);
          state = v && v.isValid() ? dayjs(v.toISOString()).format('YYYY-MM-DD HH:mm') : null;
        },
      }),
    );
  }
  root.render(createElement(Picker));
  return (await waitForElement(document, () => document.querySelector<HTMLInputElement>('.MuiInputBase-root input'), 2000))!;
}

afterEach(() => {
  root?.unmount();
  root = null;
  state = undefined;
});

describe('MUI X v7 single-input picker strategy (real MUI X 7)', () => {
  it('is picked for the v7 field, not for the v9 sectioned field, an MUI Autocomplete or a plain MUI text box', async () => {
    const input = await mountPicker();
    expect(input.placeholder).toBe('MM/DD/YYYY hh:mm aa');
    expect(picked(input, fillStep({ value: 'x', kind: 'combobox' }))).toBe('mui-picker-v7');
    const step = fillStep({ value: 'x', kind: 'text' });
    expect(picked(mount('<div class="MuiAutocomplete-root"><div class="MuiInputBase-root"><input inputmode="text" placeholder="MM/DD/YYYY"></div></div>', 'input'), step)).not.toBe('mui-picker-v7');
    expect(picked(mount('<div class="MuiInputBase-root"><input placeholder="Search"></div>', 'input'), step)).toBe('native-text');
    expect(picked(mount('<div class="MuiInputBase-root"><input inputmode="text" placeholder="Search"><div class="MuiInputAdornment-root"><button></button></div></div>', 'input'), step)).toBe('native-text');
    // A time picker's box (v7's TimePicker) is the same family: its pattern has no year.
    expect(picked(mount('<div class="MuiInputBase-root"><input inputmode="text" placeholder="hh:mm aa"><div class="MuiInputAdornment-root"><button></button></div></div>', 'input'), step)).toBe('mui-picker-v7');
  });

  it('types the whole value in the display format; MUI takes it, and the box once left says so', async () => {
    const input = await mountPicker();
    const step = fillStep({ value: '11/27/2026 04:20 PM', kind: 'datetime', label: 'Until' });
    const written = await muiPickerV7.write(document, input, step, {});
    await frame();
    expect(state).toBe('2026-11-27 16:20');
    expect(document.activeElement).not.toBe(input);
    expect(muiPickerV7.verify(document, input, step, written.expect)).toBe('kept');
    expect(muiPickerV7.shown!(input)).toBe('11/27/2026 04:20 PM');
  });

  it('a value in another shape is not taken: MUI empties the box, and it is reported not kept', async () => {
    const input = await mountPicker();
    const step = fillStep({ value: '2026-11-27 16:20', kind: 'datetime', label: 'Until' });
    const written = await muiPickerV7.write(document, input, step, {});
    await frame();
    expect(state ?? null).toBeNull();
    expect(muiPickerV7.verify(document, input, step, written.expect)).toBe('not-kept');
  });

  it('while the box still has focus it can’t tell, so it is not checked', async () => {
    const input = await mountPicker();
    input.focus();
    expect(muiPickerV7.verify(document, input, fillStep({ value: 'x', kind: 'datetime' }), ['11/27/2026 04:20 PM'])).toBe('unchecked');
  });
});
