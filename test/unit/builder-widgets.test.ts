// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleAdapter } from '../../utils/builder/assemble';
import { describePick } from '../../utils/builder/pick';
import { widgetSentence } from '../../utils/builder/widget-names';
import { patternOf, recogniseWidget } from '../../utils/builder/widgets';

/**
 * "Teach Trailguide this page" on widget libraries: markup shaped like the lab's widgets
 * (test/widgets/), each next to a plain box the builder must not mistake for it.
 */
const LAB = `
<form aria-label="Filters">
  <label>Plain <input id="plain" name="q"></label>
  <div id="rs-multi"><div class="rs__container">
    <span id="react-select-3-live-region"></span>
    <div class="rs__control"><div class="rs__value-container">
      <div class="rs__multi-value"><div class="rs__multi-value__label">Sign-in</div><div class="rs__multi-value__remove" role="button" aria-label="Remove Sign-in"><svg></svg></div></div>
      <div class="rs__input-container"><input id="react-select-3-input" role="combobox" aria-autocomplete="list"></div>
    </div><div class="rs__indicators"><span class="rs__indicator">▾</span></div></div>
    <input type="hidden" name="events" value="user.login">
  </div></div>
  <div id="antd-select"><div class="ant-select ant-select-single"><div class="ant-select-selector">
    <span class="ant-select-selection-search"><input class="ant-select-selection-search-input" role="combobox" id="rc_select_1"></span>
    <span class="ant-select-selection-item" title="Dana Whitfield">Dana Whitfield</span>
  </div><span class="ant-select-arrow">▾</span></div></div>
  <div id="mui-datetime"><div class="MuiPickersInputBase-root"><div class="MuiPickersSectionList-root" role="group" aria-label="Since">
    <span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="Month">MM</span><span>/</span></span>
    <span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="Day">DD</span><span>/</span></span>
    <span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="Year">YYYY</span><span> </span></span>
    <span class="MuiPickersSectionList-section"><span role="spinbutton" contenteditable="true" aria-label="Hours">hh</span><span>:</span></span>
    <span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="Minutes">mm</span><span> </span></span>
    <span class="MuiPickersSectionList-section"><span role="spinbutton" aria-label="Meridiem">aa</span></span>
  </div><input class="MuiPickersInputBase-input" aria-hidden="true" tabindex="-1" value=""></div></div>
  <div id="antd-range"><div class="ant-picker ant-picker-range">
    <div class="ant-picker-input ant-picker-input-start"><input date-range="start" placeholder="Start date" value="2026-11-30 13:08"></div>
    <div class="ant-picker-range-separator"><span class="ant-picker-separator">→</span></div>
    <div class="ant-picker-input ant-picker-input-end"><input date-range="end" placeholder="End date" value=""></div>
  </div></div>
  <div id="flatpickr"><input class="flatpickr-input" placeholder="YYYY-MM-DD HH:mm"></div>
  <div id="headless"><input role="combobox" id="headlessui-combobox-input-1"></div>
</form>`;

beforeEach(() => {
  document.body.innerHTML = LAB;
});

const $ = (selector: string) => document.querySelector(selector)!;

describe('the builder climbs to the widget a library strategy recognises', () => {
  it('a react-select chip or its arrow: the react-select input, as a combobox', () => {
    for (const target of [$('.rs__multi-value__label'), $('.rs__indicator'), $('#rs-multi input[role="combobox"]')]) {
      const found = recogniseWidget(target);
      expect(found?.element).toBe($('#react-select-3-input'));
      expect(found?.field).toEqual({ kind: 'combobox', format: 'plain', family: 'react-select' });
    }
  });

  it('an antd Select’s chosen item: its search input, as a combobox', () => {
    const found = recogniseWidget($('.ant-select-selection-item'));
    expect(found?.element).toBe($('#rc_select_1'));
    expect(found?.field.family).toBe('antd-select');
    expect(found?.field.kind).toBe('combobox');
  });

  it('a section of an MUI sectioned picker: the field’s sections, with MUI’s display pattern read from them', () => {
    const found = recogniseWidget($('[aria-label="Minutes"]'));
    expect(found?.element).toBe($('#mui-datetime [role="group"]'));
    expect(found?.field).toEqual({ kind: 'datetime', format: 'MM/DD/YYYY hh:mm A', family: 'mui-picker' });
  });

  it('one end of an antd RangePicker: that end, its pattern read from the value it shows, confirmed by Enter', () => {
    const found = recogniseWidget($('input[date-range="start"]'));
    expect(found?.element).toBe($('input[date-range="start"]'));
    expect(found?.field).toEqual({ kind: 'datetime', format: 'YYYY-MM-DD HH:mm', confirm: 'enter', family: 'antd-picker' });
    // The arrow between the ends could mean either: not guessed.
    expect(recogniseWidget($('.ant-picker-separator'))).toBeNull();
  });

  it('flatpickr: its pattern from the placeholder', () => {
    expect(recogniseWidget($('#flatpickr input'))?.field).toEqual({ kind: 'datetime', format: 'YYYY-MM-DD HH:mm', family: 'flatpickr' });
  });

  it('a plain box, or a combobox no library claims, is left to the builder’s ordinary rules', () => {
    expect(recogniseWidget($('#plain'))).toBeNull();
    expect(recogniseWidget($('#headless input'))).toBeNull();
    // Climbing from the form's own label must not wander into a neighbouring widget.
    expect(recogniseWidget($('label'))).toBeNull();
  });
});

describe('a pick on a widget, and the adapter it makes', () => {
  it('stores the widget’s control, kind, display pattern and confirm, and the adapter keeps them', () => {
    const since = describePick(document, $('[aria-label="Hours"]'), { role: 'since', prompt: 'p', timeoutMs: 5_000 });
    const until = describePick(document, $('input[date-range="end"]'), { role: 'until', prompt: 'p', timeoutMs: 5_000 });
    const actor = describePick(document, $('.ant-select-arrow'), { role: 'actor', prompt: 'p', timeoutMs: 5_000 });
    const action = describePick(document, $('.rs__multi-value__remove svg'), { role: 'action', prompt: 'p', timeoutMs: 5_000 });
    expect(since.picked?.field).toMatchObject({ kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' });
    expect(document.querySelector(since.picked!.selectors[0]!)).toBe($('#mui-datetime [role="group"]'));
    // The end box is empty and its placeholder is words: its pattern is read from the start's value.
    expect(until.picked?.field).toMatchObject({ kind: 'datetime', format: 'YYYY-MM-DD HH:mm', confirm: 'enter', family: 'antd-picker' });
    expect(document.querySelector(actor.picked!.selectors[0]!)).toBe($('#rc_select_1'));
    expect(actor.picked?.field?.kind).toBe('combobox');
    expect(document.querySelector(action.picked!.selectors[0]!)).toBe($('#react-select-3-input'));

    document.body.insertAdjacentHTML('beforeend', '<table><tbody><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody></table>');
    const row = describePick(document, $('td'), { role: 'row', prompt: 'p', timeoutMs: 5_000 });
    const summary = (p: typeof since) => ({ selectors: p.picked!.selectors, ...(p.picked!.field ? { field: p.picked!.field } : {}) });
    const result = assembleAdapter({
      name: 'Lab',
      pageUrl: 'https://lab.example/audit',
      today: '2026-12-01',
      picks: { since: summary(since), until: summary(until), actor: summary(actor), action: summary(action), row: { selectors: row.picked!.selectors }, 'col-time': { selectors: ['td'] }, 'col-actor': { selectors: ['td'] }, 'col-action': { selectors: ['td'] } },
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.adapter.fields.since?.dom).toMatchObject({ kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' });
    expect(result.adapter.fields.until?.dom).toMatchObject({ kind: 'datetime', confirm: 'enter' });
    expect(result.adapter.fields.actor?.dom?.kind).toBe('combobox');
    expect(result.adapter.fields.action?.dom?.kind).toBe('combobox');
  });
});

describe('display patterns read from what a picker shows', () => {
  it.each([
    ['MM/DD/YYYY hh:mm aa', 'MM/DD/YYYY hh:mm A'],
    ['yyyy-MM-dd HH:mm', 'YYYY-MM-DD HH:mm'],
    ['2026-11-30 13:08', 'YYYY-MM-DD HH:mm'],
    ['11/30/2026 01:08 PM', 'MM/DD/YYYY hh:mm A'],
    ['30/11/2026 13:08:05', 'DD/MM/YYYY HH:mm:ss'],
    ['2026-11-30', 'YYYY-MM-DD'],
  ])('%s → %s', (text, pattern) => {
    expect(patternOf(text)).toBe(pattern);
  });
  it('is null for words', () => {
    expect(patternOf('Start date')).toBeNull();
    expect(patternOf('')).toBeNull();
  });
});

describe('what the builder says it recognised', () => {
  it('names the family, and for a picker the pattern it will type; nothing for a plain control', () => {
    expect(widgetSentence({ family: 'mui-picker', kind: 'datetime', format: 'MM/DD/YYYY hh:mm A' })).toBe('an MUI date picker, filled as MM/DD/YYYY hh:mm A');
    expect(widgetSentence({ family: 'react-select', kind: 'combobox', format: 'plain' })).toBe('a react-select list');
    expect(widgetSentence({ kind: 'text', format: 'plain' })).toBeNull();
    expect(widgetSentence(undefined)).toBeNull();
  });
});

describe('the builder and the widget lab’s later families (MUI X v7, Vuetify, Monaco)', () => {
  const MORE = `
  <form aria-label="More filters">
    <label>Plain <input id="plain2" name="q2"></label>
    <div id="mui7"><div class="MuiFormControl-root MuiTextField-root"><label>Until</label><div class="MuiInputBase-root MuiOutlinedInput-root MuiInputBase-adornedEnd">
      <input id="mui7-input" inputmode="text" placeholder="MM/DD/YYYY hh:mm aa" value="">
      <div class="MuiInputAdornment-root"><button type="button" aria-label="Choose date"><svg id="mui7-icon"><path></path></svg></button></div>
    </div></div></div>
    <div id="vdate"><div class="v-input v-text-field v-date-input"><div class="v-input__control"><div class="v-field"><div class="v-field__field"><div class="v-field__input">
      <input id="vdate-input" placeholder="mm/dd/yyyy" type="text">
    </div></div></div></div></div></div>
    <div id="vauto"><div class="v-input v-text-field v-autocomplete v-autocomplete--single"><div class="v-input__control"><div class="v-field" role="combobox" aria-controls="menu-v-4"><div class="v-field__field"><div class="v-field__input">
      <div class="v-autocomplete__selection"><span class="v-autocomplete__selection-text" id="vauto-chosen">Dana Whitfield</span></div>
      <input id="vauto-input" role="combobox" aria-controls="menu-v-4" type="text">
    </div></div></div></div></div></div>
    <div id="monaco"><div class="monaco-editor" role="code"><div class="overflow-guard"><div class="native-edit-context" role="textbox" tabindex="0"></div><textarea class="ime-text-area" readonly aria-hidden="true"></textarea>
      <div class="view-lines"><div class="view-line" style="top:0px"><span><span id="monaco-word">actor:li</span></span></div></div></div></div></div>
  </form>`;

  beforeEach(() => {
    document.body.innerHTML = MORE;
  });

  it('MUI X v7’s single box, or its calendar button: the box, with the pattern its placeholder shows', () => {
    for (const target of [$('#mui7-input'), $('#mui7-icon')]) {
      const found = recogniseWidget(target);
      expect(found?.element).toBe($('#mui7-input'));
      expect(found?.field).toEqual({ kind: 'datetime', format: 'MM/DD/YYYY hh:mm A', family: 'mui-picker-v7' });
    }
  });

  it('Vuetify’s VDateInput: a day, in the lower-case pattern it shows read as Day.js tokens', () => {
    expect(recogniseWidget($('#vdate-input'))?.field).toEqual({ kind: 'date', format: 'MM/DD/YYYY', family: 'vuetify-date-input' });
    expect(patternOf('mm/dd/yyyy')).toBe('MM/DD/YYYY');
    expect(patternOf('dd.mm.yyyy')).toBe('DD.MM.YYYY');
    expect(widgetSentence({ family: 'vuetify-date-input', kind: 'date', format: 'MM/DD/YYYY' })).toBe('a Vuetify date box, filled as MM/DD/YYYY');
  });

  it('Vuetify’s v-autocomplete, from its chosen text or its field: its input, as a combobox', () => {
    for (const target of [$('#vauto-chosen'), $('#vauto .v-field'), $('#vauto-input')]) {
      const found = recogniseWidget(target);
      expect(found?.element).toBe($('#vauto-input'));
      expect(found?.field).toEqual({ kind: 'combobox', format: 'plain', family: 'vuetify-autocomplete' });
    }
  });

  it('a word Monaco draws: the whole editor, as a code editor', () => {
    const found = recogniseWidget($('#monaco-word'));
    expect(found?.element).toBe($('#monaco .monaco-editor'));
    expect(found?.field).toEqual({ kind: 'codeEditor', format: 'plain', family: 'monaco' });
    expect(widgetSentence(found?.field)).toBe('a Monaco editor');
  });

  it('a plain box beside them is still not a widget', () => {
    expect(recogniseWidget($('#plain2'))).toBeNull();
  });
});
