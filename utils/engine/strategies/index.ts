import type { FillStep } from '../plan';
import { antdPicker } from './antd-picker';
import { antdSelect } from './antd-select';
import { checkbox } from './checkbox';
import { choicesJs } from './choices';
import { codeEditor } from './code-editor';
import { combobox } from './combobox';
import { downshift } from './downshift';
import { elementPlusPicker, elementPlusSelect } from './element-plus';
import { flatpickrInput } from './flatpickr';
import { list } from './list';
import { muiAutocomplete } from './mui-autocomplete';
import { muiPicker } from './mui-picker';
import { muiPickerV7 } from './mui-picker-v7';
import { monaco } from './monaco';
import { nativeSelect } from './native-select';
import { nativeText } from './native-text';
import { reactDatepicker } from './react-datepicker';
import { reactSelect } from './react-select';
import { select2 } from './select2';
import { tomSelect } from './tom-select';
import { vuetifyAutocomplete, vuetifyDateInput } from './vuetify';
import type { WidgetStrategy } from './types';

export type { ClearDone, FieldStatus, InsertOptions, WidgetStrategy, Written } from './types';

/**
 * Every widget family, most specific first: the first whose recognises() says yes writes
 * and verifies the field. Library strategies (by fingerprint) come before the generic
 * ones; native-text is last and takes everything else. Adding a library: one file here,
 * its unit test (test/unit/strategy-<id>.test.ts) and a widget in the lab (test/widgets/).
 */
export const STRATEGIES: readonly WidgetStrategy[] = [
  // Libraries, recognised by their own markup.
  antdPicker,
  muiPicker,
  muiPickerV7,
  vuetifyDateInput,
  flatpickrInput,
  reactDatepicker,
  elementPlusPicker,
  reactSelect,
  antdSelect,
  muiAutocomplete,
  tomSelect,
  choicesJs,
  select2,
  elementPlusSelect,
  vuetifyAutocomplete,
  downshift,
  monaco,
  // Generic families, by the adapter's kind and the element.
  list,
  combobox,
  checkbox,
  codeEditor,
  nativeSelect,
  nativeText,
];

export function strategyFor(element: Element, step: FillStep): WidgetStrategy {
  return STRATEGIES.find((s) => s.recognises(element, step)) ?? nativeText;
}
