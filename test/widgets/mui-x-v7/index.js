// MUI X v7's DateTimePicker and what it needs, resolved from this folder's node_modules
// (@mui/x-date-pickers 7 with @mui/material 7), so the lab's v9 picker keeps @mui/material 9.
export { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
export { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
export { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
