// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, h, ref, type App } from 'vue';
// @ts-expect-error Vuetify's one-file build (no CSS imports, which Node can't load) ships its types for the other entry
import { components, createVuetify } from 'vuetify/dist/vuetify-labs.esm.js';
import { waitForElement } from '../../utils/engine/query';
import { vuetifyDateInput } from '../../utils/engine/strategies/vuetify';
import { fillStep, mount, picked } from './strategy-helpers';

/** Real Vuetify 3 VDateInput in jsdom; its `modelValue` (a Date: Vuetify's own state) is what is checked. */
let app: App | null = null;
let state: Date | null = null;
const day = (d: Date | null) => (d ? `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}` : null);
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

async function mountDateInput(): Promise<HTMLInputElement> {
  document.body.innerHTML = '<div id="host"></div>';
  state = null;
  const model = ref<Date | null>(null);
  app = createApp({
    setup: () => () =>
      h(components.VDateInput, {
        modelValue: model.value,
        'onUpdate:modelValue': (v: Date | null) => {
          model.value = v;
          state = v;
        },
        label: 'On',
      }),
  });
  app.use(createVuetify()).mount('#host');
  return (await waitForElement(document, () => document.querySelector<HTMLInputElement>('.v-date-input input'), 2000))!;
}

afterEach(() => {
  app?.unmount();
  app = null;
});

describe('Vuetify VDateInput strategy', () => {
  it('is picked for the VDateInput’s box, not for another Vuetify text field', () => {
    expect(picked(mount('<div class="v-input v-text-field v-date-input"><div class="v-field"><div class="v-field__input"><input></div></div></div>', 'input'), fillStep({ value: 'x', kind: 'date' }))).toBe('vuetify-date-input');
    expect(picked(mount('<div class="v-input v-text-field"><div class="v-field"><div class="v-field__input"><input></div></div></div>', 'input'), fillStep({ value: 'x', kind: 'date' }))).toBe('native-text');
  });

  it('types the date in its display format and leaves the box: Vuetify parses it, and the box once left says kept', async () => {
    const input = await mountDateInput();
    expect(input.placeholder).toBe('mm/dd/yyyy');
    const step = fillStep({ value: '11/20/2026', kind: 'date', label: 'On' });
    const written = await vuetifyDateInput.write(document, input, step, {});
    await tick();
    expect(day(state)).toBe('2026-11-20');
    expect(vuetifyDateInput.verify(document, input, step, written.expect)).toBe('kept');
  });

  it('confirm: enter also works, and the picker menu Enter opened is closed again', async () => {
    const input = await mountDateInput();
    const step = fillStep({ value: '11/21/2026', kind: 'date', label: 'On', confirm: 'enter' });
    const written = await vuetifyDateInput.write(document, input, step, {});
    await tick();
    expect(day(state)).toBe('2026-11-21');
    expect(input.closest('.v-field')?.getAttribute('aria-expanded')).not.toBe('true');
    expect(vuetifyDateInput.verify(document, input, step, written.expect)).toBe('kept');
  });

  it('text Vuetify can’t parse is dropped when the box is left: not kept, and Vuetify holds nothing', async () => {
    const input = await mountDateInput();
    const step = fillStep({ value: '2026-11-45', kind: 'date', label: 'On' });
    const written = await vuetifyDateInput.write(document, input, step, {});
    await tick();
    expect(state).toBeNull();
    expect(vuetifyDateInput.verify(document, input, step, written.expect)).toBe('not-kept');
  });
});
