import { EditorView, basicSetup } from 'codemirror';
import Choices from 'choices.js';
import 'choices.js/public/assets/styles/choices.min.css';
import flatpickr from 'flatpickr';
import 'flatpickr/dist/flatpickr.min.css';
import $ from 'jquery';
import select2 from 'select2';
import 'select2/dist/css/select2.min.css';
import TomSelect from 'tom-select';
import 'tom-select/dist/css/tom-select.css';
import { EVENT_TYPES, PEOPLE, stateText, wallTime } from './state';

/** Widgets without a framework: their state is the library instance's own (selectedDates, getValue, the editor state). */
function section(root: HTMLElement, id: string, title: string): { body: HTMLElement; show: (value: unknown) => void } {
  const el = document.createElement('section');
  el.id = id;
  el.dataset.widget = id;
  el.style.margin = '12px 0';
  el.style.maxWidth = '520px';
  const label = document.createElement('label');
  label.textContent = title;
  const body = document.createElement('div');
  const out = document.createElement('output');
  out.dataset.state = id;
  el.append(label, body, out);
  root.append(el);
  const show = (value: unknown) => (out.textContent = stateText(value));
  show(null);
  return { body, show };
}

function options(select: HTMLSelectElement, choices: { value: string; label: string }[]): void {
  select.append(new Option('', ''));
  for (const c of choices) select.append(new Option(c.label, c.value));
}

export function mountVanillaLab(root: HTMLElement): void {
  {
    const { body, show } = section(root, 'flatpickr', 'From (flatpickr)');
    const input = document.createElement('input');
    input.placeholder = 'YYYY-MM-DD HH:mm';
    body.append(input);
    flatpickr(input, { enableTime: true, time_24hr: true, allowInput: true, dateFormat: 'Y-m-d H:i', onChange: (dates) => show(wallTime(dates[0])) });
  }
  {
    const { body, show } = section(root, 'tom-select', 'Person (Tom Select)');
    const select = document.createElement('select');
    select.id = 'tom-person';
    options(select, PEOPLE);
    body.append(select);
    const tom = new TomSelect(select, { create: false });
    tom.on('change', () => show(tom.getValue() || null));
  }
  {
    const { body, show } = section(root, 'choices', 'Event type (Choices.js)');
    const select = document.createElement('select');
    select.id = 'choices-event';
    options(select, EVENT_TYPES);
    body.append(select);
    const choices = new Choices(select, { searchEnabled: true, shouldSort: false, itemSelectText: '' });
    select.addEventListener('change', () => show(choices.getValue(true) || null));
  }
  {
    // Select2 is a jQuery plugin: its own change event carries the chosen value ($(select).val()).
    const { body, show } = section(root, 'select2', 'Event type (Select2)');
    const select = document.createElement('select');
    select.id = 'select2-event';
    select.style.width = '300px';
    options(select, EVENT_TYPES);
    body.append(select);
    select2($);
    const widget = ($(select) as unknown as { select2: (o: object) => JQuery<HTMLElement> }).select2({ placeholder: 'Choose an event type' });
    widget.on('change', () => show(($(select).val() as string) || null));
  }
  {
    const { body, show } = section(root, 'codemirror', 'Query (CodeMirror 6)');
    const view = new EditorView({
      parent: body,
      extensions: [basicSetup, EditorView.updateListener.of((update) => update.docChanged && show(update.state.doc.toString()))],
    });
    show(view.state.doc.toString());
  }
}
