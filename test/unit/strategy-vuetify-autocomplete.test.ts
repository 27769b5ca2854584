// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, h, ref, type App } from 'vue';
// @ts-expect-error Vuetify's one-file build (no CSS imports, which Node can't load) ships its types for the other entry
import { components, createVuetify } from 'vuetify/dist/vuetify-labs.esm.js';
import { waitForElement } from '../../utils/engine/query';
import { vuetifyAutocomplete, vuetifyChosen } from '../../utils/engine/strategies/vuetify';
import { fillStep, mount, picked } from './strategy-helpers';

/** Real Vuetify 3 v-autocomplete in jsdom; its `modelValue` (Vuetify's own state) is what is checked. */
const PEOPLE = [
  { value: 'dana', label: 'Dana Whitfield' },
  { value: 'li', label: 'Li Chen' },
  { value: 'omar', label: 'Omar Haddad' },
];
let app: App | null = null;
let state: unknown = null;

beforeAll(() => {
  // What Vuetify's overlays ask of the browser and jsdom lacks.
  const stub = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  const viewport = { width: 1024, height: 768, offsetTop: 0, offsetLeft: 0, scale: 1, addEventListener() {}, removeEventListener() {} };
  Object.assign(globalThis, { ResizeObserver: stub, IntersectionObserver: stub, visualViewport: viewport });
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
});

async function mountAutocomplete(multiple: boolean): Promise<HTMLInputElement> {
  document.body.innerHTML = '<div id="host"></div>';
  state = multiple ? [] : null;
  const model = ref<unknown>(state);
  app = createApp({
    setup: () => () =>
      h(components.VAutocomplete, {
        modelValue: model.value,
        'onUpdate:modelValue': (v: unknown) => {
          model.value = v;
          state = v;
        },
        items: PEOPLE,
        itemTitle: 'label',
        itemValue: 'value',
        multiple,
        chips: multiple,
        label: 'Person',
      }),
  });
  app.use(createVuetify()).mount('#host');
  return (await waitForElement(document, () => document.querySelector<HTMLInputElement>('.v-autocomplete input'), 2000))!;
}

afterEach(() => {
  app?.unmount();
  app = null;
});

describe('Vuetify v-autocomplete strategy', () => {
  it('is picked for any part of a v-autocomplete, and not for another Vuetify text field', () => {
    const step = fillStep({ value: 'x', kind: 'combobox' });
    expect(picked(mount('<div class="v-input v-autocomplete"><div class="v-field"><div class="v-field__input"><input role="combobox"></div></div></div>', 'input'), step)).toBe('vuetify-autocomplete');
    expect(picked(mount('<div class="v-input v-text-field"><div class="v-field"><div class="v-field__input"><input></div></div></div>', 'input'), fillStep({ value: 'x', kind: 'text' }))).toBe('native-text');
  });

  it('reads what Vuetify renders as chosen: each chip, or each selection’s text without the comma between them', () => {
    const single = mount('<div class="v-autocomplete"><div class="v-autocomplete__selection"><span class="v-autocomplete__selection-text">Dana Whitfield</span></div><input></div>', '.v-autocomplete');
    expect(vuetifyChosen(single)).toEqual(['Dana Whitfield']);
    const commas = mount(
      '<div class="v-autocomplete"><div class="v-autocomplete__selection"><span class="v-autocomplete__selection-text">Li Chen<span class="v-autocomplete__selection-comma">,</span></span></div><div class="v-autocomplete__selection"><span class="v-autocomplete__selection-text">Omar Haddad</span></div></div>',
      '.v-autocomplete',
    );
    expect(vuetifyChosen(commas)).toEqual(['Li Chen', 'Omar Haddad']);
    // Vue's empty comment placeholders before the text are not the label.
    expect(vuetifyChosen(mount('<div class="v-autocomplete"><div class="v-autocomplete__selection"><span class="v-autocomplete__selection-text"><!----><!---->Dana Whitfield<!----></span></div></div>', '.v-autocomplete'))).toEqual(['Dana Whitfield']);
    expect(vuetifyAutocomplete.verify(document, commas, fillStep({ value: 'x' }), ['Li Chen', 'Omar Haddad'])).toBe('kept');
    expect(vuetifyAutocomplete.verify(document, commas, fillStep({ value: 'x' }), ['Dana Whitfield'])).toBe('not-kept');
  });

  it('single (real Vuetify): types, clicks the option, leaves; Vuetify holds it and the check says kept', async () => {
    const input = await mountAutocomplete(false);
    const step = fillStep({ value: 'Li Chen', kind: 'combobox', label: 'Person' });
    const written = await vuetifyAutocomplete.write(document, input, step, { popupTimeoutMs: 1500 });
    expect(written.problem).toBeUndefined();
    await waitForElement(document, () => document.querySelector('.v-autocomplete__selection'), 1000);
    expect(state).toBe('li');
    expect(vuetifyAutocomplete.verify(document, input, step, written.expect)).toBe('kept');
  });

  it('multiple with chips (real Vuetify): each value picked, checked by its chips', async () => {
    const input = await mountAutocomplete(true);
    const step = fillStep({ value: 'Dana Whitfield, Omar Haddad', kind: 'combobox', label: 'People' });
    const written = await vuetifyAutocomplete.write(document, input, step, { popupTimeoutMs: 1500 });
    expect(written.problem).toBeUndefined();
    await waitForElement(document, () => (document.querySelectorAll('.v-chip').length === 2 ? true : null), 1000);
    expect(state).toEqual(['dana', 'omar']);
    expect(vuetifyAutocomplete.verify(document, input, step, written.expect)).toBe('kept');
  });

  it('a value the list doesn’t offer is named for the person, and nothing is claimed', async () => {
    const input = await mountAutocomplete(false);
    const written = await vuetifyAutocomplete.write(document, input, fillStep({ value: 'Nobody Here', kind: 'combobox', label: 'Person' }), { popupTimeoutMs: 300 });
    expect(written.problem).toContain('Nobody Here');
    expect(state).toBeNull();
  });
});
