import type { Dayjs } from 'dayjs';
import { useState } from 'react';
// @ts-expect-error a plain re-export module (test/widgets/mui-x-v7/index.js): MUI X v7 with its own @mui/material 7
import { AdapterDayjs, DateTimePicker, LocalizationProvider } from 'trailguide-lab-mui-x-v7';
import { wallTime } from './state';

/**
 * MUI X v7's DateTimePicker with its single-input field (v7's default: one <input> showing
 * "MM/DD/YYYY hh:mm aa", not v8/v9's sections); reports its own value (a Day.js) as local wall time.
 */
export function DatePickerV7({ onChange }: { onChange: (value: string | null) => void }) {
  const [value, setValue] = useState<Dayjs | null>(null);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <DateTimePicker
        label="Until"
        value={value}
        onChange={(v: Dayjs | null) => {
          setValue(v);
          onChange(v && v.isValid() ? wallTime(v.toDate()) : null);
        }}
      />
    </LocalizationProvider>
  );
}
