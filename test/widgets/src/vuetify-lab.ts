import { createApp, defineComponent, h, ref } from 'vue';
import { createVuetify } from 'vuetify';
import { VAutocomplete } from 'vuetify/components/VAutocomplete';
import { VDateInput } from 'vuetify/labs/VDateInput';
import { EVENT_TYPES, PEOPLE, stateText } from './state';

/** A Vuetify 3 date as the day it names, "YYYY-MM-DD" (its VDateInput holds a Date at local midnight). */
function localDay(date: unknown): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Vuetify 3 widgets in their own Vue app (Vuetify installs itself as a plugin); each prints its own `ref`. */
const VuetifyLab = defineComponent({
  setup() {
    const day = ref<Date | null>(null);
    const person = ref<string | null>(null);
    const events = ref<string[]>([]);
    const widget = (id: string, title: string, state: () => unknown, control: () => ReturnType<typeof h>) =>
      h('section', { id, 'data-widget': id, style: 'margin: 12px 0; max-width: 520px' }, [h('label', title), h('div', [control()]), h('output', { 'data-state': id }, stateText(state()))]);
    return () =>
      h('div', [
        widget('vuetify-date', 'On (Vuetify VDateInput)', () => localDay(day.value), () =>
          h(VDateInput, { modelValue: day.value, 'onUpdate:modelValue': (v: unknown) => (day.value = v as Date | null), label: 'On', density: 'compact', style: 'width: 300px' }),
        ),
        widget('vuetify-autocomplete', 'Person (Vuetify v-autocomplete)', () => person.value, () =>
          h(VAutocomplete, {
            modelValue: person.value,
            'onUpdate:modelValue': (v: string | null) => (person.value = v),
            items: PEOPLE,
            itemTitle: 'label',
            itemValue: 'value',
            label: 'Person',
            density: 'compact',
            style: 'width: 300px',
          }),
        ),
        widget('vuetify-multi', 'Event types (Vuetify v-autocomplete multiple, chips)', () => events.value, () =>
          h(VAutocomplete, {
            modelValue: events.value,
            'onUpdate:modelValue': (v: string[]) => (events.value = v),
            items: EVENT_TYPES,
            itemTitle: 'label',
            itemValue: 'value',
            multiple: true,
            chips: true,
            label: 'Event types',
            density: 'compact',
            style: 'width: 420px',
          }),
        ),
      ]);
  },
});

export function mountVuetifyLab(root: HTMLElement): void {
  createApp(VuetifyLab).use(createVuetify()).mount(root);
}
