import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

type Option = { value: string; label: string };

/** MUI Autocomplete: single and multiple, each reporting its own `value` (never the input's text). */
export function MuiSingle({ options, onChange }: { options: Option[]; onChange: (value: string | null) => void }) {
  return <Autocomplete options={options} onChange={(_e, v) => onChange(v ? v.value : null)} renderInput={(params) => <TextField {...params} label="Person" />} sx={{ width: 320 }} />;
}

export function MuiMulti({ options, onChange }: { options: Option[]; onChange: (value: string[]) => void }) {
  return <Autocomplete multiple options={options} onChange={(_e, v) => onChange(v.map((o) => o.value))} renderInput={(params) => <TextField {...params} label="Event types" />} sx={{ width: 420 }} />;
}

/** MUI Autocomplete freeSolo multiple (labels): offered options or new text taken with Enter; reports its own `value`. */
export function MuiFreeSolo({ options, onChange }: { options: string[]; onChange: (value: string[]) => void }) {
  return <Autocomplete multiple freeSolo options={options} onChange={(_e, v) => onChange(v.map(String))} renderInput={(params) => <TextField {...params} label="Labels" />} sx={{ width: 420 }} />;
}

/** MUI Autocomplete freeSolo single (a keyword): MUI takes typed text with Enter; reports its own `value`. */
export function MuiFreeSoloSingle({ options, onChange }: { options: string[]; onChange: (value: string | null) => void }) {
  return <Autocomplete freeSolo options={options} onChange={(_e, v) => onChange(v === null ? null : String(v))} renderInput={(params) => <TextField {...params} label="Keyword" />} sx={{ width: 320 }} />;
}
