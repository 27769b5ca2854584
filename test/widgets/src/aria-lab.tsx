import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';

type Option = { value: string; label: string };

/** React Aria's ComboBox as its docs compose it; reports the selected key. */
export function AriaCombobox({ options, onChange }: { options: Option[]; onChange: (value: string | null) => void }) {
  return (
    <ComboBox onSelectionChange={(key) => onChange(key === null ? null : String(key))}>
      <Label>Team (React Aria)</Label>
      <div>
        <Input />
        <Button>▾</Button>
      </div>
      <Popover>
        <ListBox style={{ background: 'white', border: '1px solid #ccc', padding: 4 }}>
          {options.map((o) => (
            <ListBoxItem key={o.value} id={o.value} textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
