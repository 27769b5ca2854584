import { AriaCombobox } from './aria-lab';
import { DownshiftCombobox } from './downshift-lab';
import { HeadlessCombobox } from './headless-lab';
import { MuiFreeSolo, MuiFreeSoloSingle, MuiMulti, MuiSingle } from './mui-autocomplete';
import { DatePicker as MuiDateTimePicker } from './mui-picker';
import { DatePickerV7 as MuiV7DateTimePicker } from './mui-v7-picker';
import { ConfigProvider, DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import ReactDatePicker from 'react-datepicker';
import 'react-datepicker/dist/react-datepicker.css';
import ReactSelect from 'react-select';
import { EVENT_TYPES, PEOPLE, TEAMS, stateText, wallTime } from './state';

function Widget({ id, title, state, children }: { id: string; title: string; state: unknown; children: ReactNode }) {
  return (
    <section id={id} data-widget={id} style={{ margin: '12px 0', maxWidth: 520 }}>
      <label>{title}</label>
      <div>{children}</div>
      <output data-state={id}>{stateText(state)}</output>
    </section>
  );
}

const dj = (d: Dayjs | null | undefined) => (d ? wallTime(d.toDate()) : null);

export function ReactLab() {
  const [antdDate, setAntdDate] = useState<Dayjs | null>(null);
  const [antdRange, setAntdRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rsSingle, setRsSingle] = useState<string | null>(null);
  const [rsMulti, setRsMulti] = useState<string[]>([]);
  const [antdSingle, setAntdSingle] = useState<string | null>(null);
  const [antdMultiple, setAntdMultiple] = useState<string[]>([]);
  const [antdTags, setAntdTags] = useState<string[]>([]);
  const [nativeSelect, setNativeSelect] = useState('');
  const [nativeDate, setNativeDate] = useState('');
  const [checks, setChecks] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [muiDate, setMuiDate] = useState<string | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const [rdp, setRdp] = useState<Date | null>(null);
  const [hlPerson, setHlPerson] = useState<string | null>(null);
  const [ariaTeam, setAriaTeam] = useState<string | null>(null);
  const [muiPerson, setMuiPerson] = useState<string | null>(null);
  const [muiEvents, setMuiEvents] = useState<string[]>([]);
  const [muiV7Date, setMuiV7Date] = useState<string | null>(null);
  const [muiLabels, setMuiLabels] = useState<string[]>([]);
  const [muiKeyword, setMuiKeyword] = useState<string | null>(null);

  return (
    <ConfigProvider theme={{ token: { motion: false } }}>
      <Widget id="antd-date" title="When (antd DatePicker)" state={dj(antdDate)}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={antdDate} onChange={(v) => setAntdDate(v)} />
      </Widget>
      <Widget id="antd-range" title="Between (antd RangePicker)" state={antdRange ? antdRange.map(dj) : null}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={antdRange} onChange={(v) => setAntdRange(v ? [v[0], v[1]] : null)} />
      </Widget>
      <Widget id="mui-datetime" title="Since (MUI X DateTimePicker)" state={muiDate}>
        <MuiDateTimePicker onChange={setMuiDate} />
      </Widget>
      <Widget id="mui7-datetime" title="Until (MUI X v7 DateTimePicker, single input)" state={muiV7Date}>
        <MuiV7DateTimePicker onChange={setMuiV7Date} />
      </Widget>
      <Widget id="react-datepicker" title="Up to (react-datepicker)" state={wallTime(rdp)}>
        <ReactDatePicker selected={rdp} onChange={(d: Date | null) => setRdp(d)} showTimeSelect timeFormat="HH:mm" dateFormat="yyyy-MM-dd HH:mm" placeholderText="yyyy-MM-dd HH:mm" />
      </Widget>
      <Widget id="rs-single" title="Person (react-select)" state={rsSingle}>
        <ReactSelect inputId="rs-single-input" options={PEOPLE} onChange={(o) => setRsSingle(o ? o.value : null)} />
      </Widget>
      <Widget id="rs-multi" title="Event types (react-select multi)" state={rsMulti}>
        <ReactSelect inputId="rs-multi-input" isMulti options={EVENT_TYPES} onChange={(os) => setRsMulti(os.map((o) => o.value))} />
      </Widget>
      <Widget id="antd-select" title="Person (antd Select)" state={antdSingle}>
        <Select style={{ width: 300 }} showSearch={{ optionFilterProp: 'label' }} options={PEOPLE} value={antdSingle} onChange={(v: string) => setAntdSingle(v)} placeholder="Choose a person" />
      </Widget>
      <Widget id="antd-multiple" title="Event types (antd Select multiple)" state={antdMultiple}>
        <Select style={{ width: 400 }} mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={EVENT_TYPES} value={antdMultiple} onChange={(v: string[]) => setAntdMultiple(v)} />
      </Widget>
      <Widget id="antd-tags" title="Labels (antd Select tags)" state={antdTags}>
        <Select style={{ width: 400 }} mode="tags" options={[{ value: 'billing', label: 'billing' }, { value: 'security', label: 'security' }]} value={antdTags} onChange={(v: string[]) => setAntdTags(v)} />
      </Widget>
      <Widget id="mui-ac-single" title="Person (MUI Autocomplete)" state={muiPerson}>
        <MuiSingle options={PEOPLE} onChange={setMuiPerson} />
      </Widget>
      <Widget id="mui-ac-multi" title="Event types (MUI Autocomplete multiple)" state={muiEvents}>
        <MuiMulti options={EVENT_TYPES} onChange={setMuiEvents} />
      </Widget>
      <Widget id="mui-ac-free" title="Labels (MUI Autocomplete freeSolo)" state={muiLabels}>
        <MuiFreeSolo options={['billing', 'security', 'urgent']} onChange={setMuiLabels} />
      </Widget>
      <Widget id="mui-ac-free-single" title="Keyword (MUI Autocomplete freeSolo, single — not in the fill-everything runbook: its text reads the same taken or not)" state={muiKeyword}>
        <MuiFreeSoloSingle options={['refund', 'chargeback']} onChange={setMuiKeyword} />
      </Widget>
      <Widget id="downshift" title="Team (Downshift combobox)" state={team}>
        <DownshiftCombobox items={TEAMS} onChange={setTeam} />
      </Widget>
      <Widget id="headless" title="Person (Headless UI Combobox)" state={hlPerson}>
        <HeadlessCombobox options={PEOPLE} onChange={setHlPerson} />
      </Widget>
      <Widget id="react-aria" title="Team (React Aria ComboBox)" state={ariaTeam}>
        <AriaCombobox options={TEAMS} onChange={setAriaTeam} />
      </Widget>
      <Widget id="native-select" title="Outcome (native select)" state={nativeSelect}>
        <select value={nativeSelect} onChange={(e) => setNativeSelect(e.target.value)}>
          <option value="">All outcomes</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </select>
      </Widget>
      <Widget id="native-datetime" title="Until (datetime-local)" state={nativeDate || null}>
        <input type="datetime-local" value={nativeDate} onChange={(e) => setNativeDate(e.target.value)} />
      </Widget>
      <Widget id="native-checks" title="Sources (checkbox group)" state={checks}>
        {['web', 'api', 'mobile'].map((source) => (
          <label key={source}>
            <input
              type="checkbox"
              name={`source-${source}`}
              checked={checks.includes(source)}
              onChange={(e) => setChecks((now) => (e.target.checked ? [...now, source] : now.filter((s) => s !== source)))}
            />
            {source}
          </label>
        ))}
      </Widget>
      <Widget id="ce-search" title="Search (contenteditable)" state={search}>
        <div contentEditable suppressContentEditableWarning role="searchbox" aria-label="Search" style={{ border: '1px solid #999', minHeight: 24 }} onInput={(e) => setSearch((e.target as HTMLElement).textContent ?? '')} />
      </Widget>
    </ConfigProvider>
  );
}
