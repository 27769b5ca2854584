import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { wallTime } from './state';

/** MUI X v9's DateTimePicker with its sectioned field; reports its own value (a Day.js) as local wall time. */
export function DatePicker({ onChange }: { onChange: (value: string | null) => void }) {
  const [value, setValue] = useState<Dayjs | null>(null);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <DateTimePicker
        label="Since"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange(v && v.isValid() ? wallTime(v.toDate()) : null);
        }}
      />
    </LocalizationProvider>
  );
}
