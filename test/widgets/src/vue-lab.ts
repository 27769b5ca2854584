import { ElDatePicker, ElOption, ElSelect } from 'element-plus';
import 'element-plus/dist/index.css';
import { createApp, defineComponent, h, ref } from 'vue';
import { EVENT_TYPES, PEOPLE, stateText, wallTime } from './state';

/** Element Plus widgets in a Vue app; each prints its own `ref` (never read back from the DOM). */
const VueLab = defineComponent({
  setup() {
    const when = ref<Date | null>(null);
    const person = ref<string>('');
    const events = ref<string[]>([]);
    const widget = (id: string, title: string, state: () => unknown, control: () => ReturnType<typeof h>) =>
      h('section', { id, 'data-widget': id, style: 'margin: 12px 0; max-width: 520px' }, [h('label', title), h('div', [control()]), h('output', { 'data-state': id }, stateText(state()))]);
    return () =>
      h('div', [
        widget('el-datetime', 'When (Element Plus DatePicker)', () => wallTime(when.value), () =>
          h(ElDatePicker, { modelValue: when.value, 'onUpdate:modelValue': (v: Date | null) => (when.value = v), type: 'datetime', format: 'YYYY-MM-DD HH:mm', placeholder: 'Pick a time' }),
        ),
        widget('el-select', 'Person (Element Plus Select)', () => person.value || null, () =>
          h(ElSelect, { modelValue: person.value, 'onUpdate:modelValue': (v: string) => (person.value = v), filterable: true, placeholder: 'Choose a person', style: 'width: 300px' }, () =>
            PEOPLE.map((p) => h(ElOption, { key: p.value, value: p.value, label: p.label })),
          ),
        ),
        widget('el-multi', 'Event types (Element Plus Select multiple)', () => events.value, () =>
          h(ElSelect, { modelValue: events.value, 'onUpdate:modelValue': (v: string[]) => (events.value = v), multiple: true, filterable: true, placeholder: 'Event types', style: 'width: 400px' }, () =>
            EVENT_TYPES.map((p) => h(ElOption, { key: p.value, value: p.value, label: p.label })),
          ),
        ),
      ]);
  },
});

export function mountVueLab(root: HTMLElement): void {
  createApp(VueLab).mount(root);
}
