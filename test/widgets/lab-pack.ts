/**
 * The test pack for the widget lab: an adapter that knows every widget on the lab page and a
 * runbook whose one fill step fills them all. Used by test/e2e/widgets.spec.ts (imported into
 * the built extension) and by the strategy convention test (every strategy has a widget here).
 */

/** Instants the runbook fills; what each picker must then hold depends on the browser's zone. */
export const INSTANTS = {
  antdDate: '2026-11-30T13:08:00.000Z',
  since: '2026-11-02T09:15:00.000Z',
  until: '2026-11-29T18:45:00.000Z',
  muiSince: '2026-11-30T13:08:00.000Z',
  flatFrom: '2026-10-05T07:30:00.000Z',
  nativeUntil: '2026-12-01T22:10:00.000Z',
  upTo: '2026-11-30T23:59:00.000Z',
  elWhen: '2026-11-15T06:45:00.000Z',
  muiUntil: '2026-11-27T16:20:00.000Z',
  vuetifyOn: '2026-11-20T15:00:00.000Z',
} as const;

export const FILTERS: Record<string, string> = {
  ...INSTANTS,
  person: 'Li Chen',
  events: 'Sign-in, Settings changed',
  antdPerson: 'Omar Haddad',
  antdEvents: 'Sign-out, API key created',
  antdTags: 'security, urgent',
  tomPerson: 'Priya Natarajan',
  choicesEvent: 'Settings changed',
  outcome: 'failure',
  sourceWeb: 'true',
  sourceApi: 'true',
  search: 'refund request',
  query: 'actor:dana action:login',
  team: 'Platform',
  muiPerson: 'Omar Haddad',
  muiEvents: 'API key created, Sign-out',
  hlPerson: 'Priya Natarajan',
  select2Event: 'API key created',
  elPerson: 'Dana Whitfield',
  elEvents: 'Settings changed, Sign-in',
  ariaTeam: 'Customer support',
  muiLabels: 'security, legal hold',
  vuetifyPerson: 'Dana Whitfield',
  vuetifyEvents: 'Sign-out, Settings changed',
  monacoQuery: 'actor:li AND action:"apikey.created"',
};

/** A local wall time "YYYY-MM-DDTHH:mm" of an instant in an IANA zone. */
export function wallTimeIn(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Each widget's framework state once the fill step ran, in a browser whose zone is `timeZone`. */
export function expectedStates(timeZone: string): Record<string, unknown> {
  const at = (iso: string) => wallTimeIn(iso, timeZone);
  return {
    'antd-date': at(INSTANTS.antdDate),
    'antd-range': [at(INSTANTS.since), at(INSTANTS.until)],
    'mui-datetime': at(INSTANTS.muiSince),
    'rs-single': 'li',
    'rs-multi': ['user.login', 'account.settings_changed'],
    'antd-select': 'omar',
    'antd-multiple': ['user.logout', 'apikey.created'],
    'antd-tags': ['security', 'urgent'],
    'native-select': 'failure',
    'native-datetime': at(INSTANTS.nativeUntil),
    'native-checks': ['web', 'api'],
    'ce-search': 'refund request',
    flatpickr: at(INSTANTS.flatFrom),
    'tom-select': 'priya',
    choices: 'account.settings_changed',
    codemirror: 'actor:dana action:login',
    downshift: 'platform',
    'react-datepicker': at(INSTANTS.upTo),
    headless: 'priya',
    select2: 'apikey.created',
    'el-datetime': at(INSTANTS.elWhen),
    'el-select': 'dana',
    'el-multi': ['account.settings_changed', 'user.login'],
    'react-aria': 'support',
    'mui-ac-single': 'omar',
    'mui-ac-multi': ['apikey.created', 'user.logout'],
    'mui7-datetime': at(INSTANTS.muiUntil),
    'mui-ac-free': ['security', 'legal hold'],
    'vuetify-date': at(INSTANTS.vuetifyOn).slice(0, 10),
    'vuetify-autocomplete': 'dana',
    'vuetify-multi': ['user.logout', 'account.settings_changed'],
    monaco: 'actor:li AND action:"apikey.created"',
    // Filled only by its own e2e (a freeSolo single can only be reported "couldn't check"), never by the fill-everything runbook.
    'mui-ac-free-single': null,
  };
}

/** Which widget each filter lands in, and the strategy expected to fill it. */
export const FIELD_WIDGET: Record<string, { widget: string; strategy: string }> = {
  antdDate: { widget: 'antd-date', strategy: 'antd-picker' },
  since: { widget: 'antd-range', strategy: 'antd-picker' },
  until: { widget: 'antd-range', strategy: 'antd-picker' },
  muiSince: { widget: 'mui-datetime', strategy: 'mui-picker' },
  flatFrom: { widget: 'flatpickr', strategy: 'flatpickr' },
  nativeUntil: { widget: 'native-datetime', strategy: 'native-text' },
  person: { widget: 'rs-single', strategy: 'react-select' },
  events: { widget: 'rs-multi', strategy: 'react-select' },
  antdPerson: { widget: 'antd-select', strategy: 'antd-select' },
  antdEvents: { widget: 'antd-multiple', strategy: 'antd-select' },
  antdTags: { widget: 'antd-tags', strategy: 'antd-select' },
  tomPerson: { widget: 'tom-select', strategy: 'tom-select' },
  choicesEvent: { widget: 'choices', strategy: 'choices' },
  outcome: { widget: 'native-select', strategy: 'native-select' },
  sourceWeb: { widget: 'native-checks', strategy: 'checkbox' },
  sourceApi: { widget: 'native-checks', strategy: 'checkbox' },
  search: { widget: 'ce-search', strategy: 'code-editor' },
  query: { widget: 'codemirror', strategy: 'code-editor' },
  team: { widget: 'downshift', strategy: 'downshift' },
  upTo: { widget: 'react-datepicker', strategy: 'react-datepicker' },
  hlPerson: { widget: 'headless', strategy: 'combobox' },
  select2Event: { widget: 'select2', strategy: 'select2' },
  elWhen: { widget: 'el-datetime', strategy: 'element-plus-picker' },
  elPerson: { widget: 'el-select', strategy: 'element-plus-select' },
  elEvents: { widget: 'el-multi', strategy: 'element-plus-select' },
  ariaTeam: { widget: 'react-aria', strategy: 'combobox' },
  muiPerson: { widget: 'mui-ac-single', strategy: 'mui-autocomplete' },
  muiEvents: { widget: 'mui-ac-multi', strategy: 'mui-autocomplete' },
  muiUntil: { widget: 'mui7-datetime', strategy: 'mui-picker-v7' },
  muiLabels: { widget: 'mui-ac-free', strategy: 'mui-autocomplete' },
  vuetifyOn: { widget: 'vuetify-date', strategy: 'vuetify-date-input' },
  vuetifyPerson: { widget: 'vuetify-autocomplete', strategy: 'vuetify-autocomplete' },
  vuetifyEvents: { widget: 'vuetify-multi', strategy: 'vuetify-autocomplete' },
  monacoQuery: { widget: 'monaco', strategy: 'monaco' },
};

export const LAB_ADAPTER = {
  id: 'widget-lab',
  name: 'Widget lab',
  vendor: 'Trailguide tests',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: {
    include: ['http://127.0.0.1:*/lab/*'],
    present: [['[data-widget="antd-range"]']],
  },
  fields: {
    antdDate: { label: 'When', dom: { selectors: ['#antd-date input'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm' } },
    since: { label: 'Between (start)', dom: { selectors: ['#antd-range input[date-range="start"]'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm', confirm: 'enter' } },
    until: { label: 'Between (end)', dom: { selectors: ['#antd-range input[date-range="end"]'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm', confirm: 'enter' } },
    muiSince: { label: 'Since', dom: { selectors: ['#mui-datetime [role="group"]'], kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' } },
    flatFrom: { label: 'From', dom: { selectors: ['#flatpickr input.flatpickr-input'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm' } },
    nativeUntil: { label: 'Until', dom: { selectors: ['#native-datetime input'], kind: 'datetime', format: 'datetimeLocal' } },
    person: { label: 'Person', dom: { selectors: ['#rs-single input'], kind: 'combobox' } },
    events: { label: 'Event types', dom: { selectors: ['#rs-multi input'], kind: 'combobox' } },
    antdPerson: { label: 'Person (antd)', dom: { selectors: ['#antd-select .ant-select'], kind: 'combobox' } },
    antdEvents: { label: 'Event types (antd)', dom: { selectors: ['#antd-multiple .ant-select'], kind: 'combobox' } },
    antdTags: { label: 'Labels', dom: { selectors: ['#antd-tags .ant-select'], kind: 'combobox' } },
    tomPerson: { label: 'Person (Tom Select)', dom: { selectors: ['#tom-select .ts-control input'], kind: 'combobox' } },
    choicesEvent: { label: 'Event type (Choices)', dom: { selectors: ['#choices .choices'], kind: 'combobox' } },
    outcome: { label: 'Outcome', dom: { selectors: ['#native-select select'], kind: 'select' } },
    sourceWeb: { label: 'Web', dom: { selectors: ['#native-checks input[name="source-web"]'], kind: 'checkbox' } },
    sourceApi: { label: 'API', dom: { selectors: ['#native-checks input[name="source-api"]'], kind: 'checkbox' } },
    search: { label: 'Search', dom: { selectors: ['#ce-search [contenteditable]'], kind: 'text' } },
    query: { label: 'Query', dom: { selectors: ['#codemirror .cm-content'], kind: 'codeEditor' } },
    team: { label: 'Team', dom: { selectors: ['#downshift input'], kind: 'combobox', option: ['#downshift [role="option"]'] } },
    upTo: { label: 'Up to', dom: { selectors: ['#react-datepicker input'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm' } },
    hlPerson: { label: 'Person (Headless UI)', dom: { selectors: ['#headless input'], kind: 'combobox', option: ['[role="listbox"] [role="option"]'] } },
    select2Event: { label: 'Event type (Select2)', dom: { selectors: ['#select2 .select2-selection'], kind: 'combobox' } },
    elWhen: { label: 'When (Element Plus)', dom: { selectors: ['#el-datetime input'], kind: 'datetime', format: 'YYYY-MM-DD HH:mm' } },
    elPerson: { label: 'Person (Element Plus)', dom: { selectors: ['#el-select .el-select'], kind: 'combobox' } },
    elEvents: { label: 'Event types (Element Plus)', dom: { selectors: ['#el-multi .el-select'], kind: 'combobox' } },
    ariaTeam: { label: 'Team (React Aria)', dom: { selectors: ['#react-aria input'], kind: 'combobox', option: ['[role="listbox"] [role="option"]'] } },
    muiPerson: { label: 'Person (MUI)', dom: { selectors: ['#mui-ac-single input'], kind: 'combobox' } },
    muiEvents: { label: 'Event types (MUI)', dom: { selectors: ['#mui-ac-multi input'], kind: 'combobox' } },
    muiUntil: { label: 'Until (MUI X v7)', dom: { selectors: ['#mui7-datetime input'], kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' } },
    muiLabels: { label: 'Labels (MUI)', dom: { selectors: ['#mui-ac-free input'], kind: 'combobox' } },
    vuetifyOn: { label: 'On (Vuetify)', dom: { selectors: ['#vuetify-date input'], kind: 'date', format: 'MM/DD/YYYY' } },
    vuetifyPerson: { label: 'Person (Vuetify)', dom: { selectors: ['#vuetify-autocomplete input'], kind: 'combobox' } },
    vuetifyEvents: { label: 'Event types (Vuetify)', dom: { selectors: ['#vuetify-multi input'], kind: 'combobox' } },
    monacoQuery: { label: 'Query (Monaco)', dom: { selectors: ['#monaco .monaco-editor'], kind: 'codeEditor' } },
  },
  submit: { via: 'none' },
} as const;

export const LAB_PACK = {
  format: 'trailguide-pack',
  formatVersion: 1,
  id: 'widget-lab-pack',
  name: 'Widget lab pack',
  version: '1.0.0',
  adapters: [LAB_ADAPTER],
  runbooks: [
    {
      id: 'fill-the-lab',
      title: 'Fill every widget in the lab',
      summary: 'One fill step that sets every widget on the lab page.',
      tools: ['widget-lab'],
      steps: [{ title: 'Fill every widget', action: { type: 'fill', filters: FILTERS } }],
    },
  ],
};
