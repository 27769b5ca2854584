/** What the builder calls a widget family it recognised, for the person teaching a page (strategy ids in utils/engine/strategies/). */
const NAMES: Record<string, string> = {
  'antd-picker': 'an Ant Design date picker',
  'mui-picker': 'an MUI date picker',
  'mui-picker-v7': 'an MUI date picker (single box)',
  'vuetify-date-input': 'a Vuetify date box',
  flatpickr: 'a flatpickr date picker',
  'react-datepicker': 'a react-datepicker date picker',
  'element-plus-picker': 'an Element Plus date picker',
  'react-select': 'a react-select list',
  'antd-select': 'an Ant Design list',
  'mui-autocomplete': 'an MUI list',
  'tom-select': 'a Tom Select list',
  choices: 'a Choices list',
  select2: 'a Select2 list',
  'element-plus-select': 'an Element Plus list',
  downshift: 'a Downshift list',
  'vuetify-autocomplete': 'a Vuetify list',
  monaco: 'a Monaco editor',
};

/** "an MUI date picker, filled as MM/DD/YYYY hh:mm A" — or null for a control no widget strategy claimed. */
export function widgetSentence(field: { family?: string; kind: string; format: string } | undefined): string | null {
  if (!field?.family) return null;
  const name = NAMES[field.family] ?? `a ${field.family} widget`;
  return field.kind === 'datetime' || field.kind === 'date' ? `${name}, filled as ${field.format}` : name;
}
