import { Combobox, ComboboxInput, ComboboxOption, ComboboxOptions } from '@headlessui/react';
import { useState } from 'react';

type Option = { value: string; label: string };

/** Headless UI's Combobox as its docs build it; reports the selected option's value. */
export function HeadlessCombobox({ options, onChange }: { options: Option[]; onChange: (value: string | null) => void }) {
  const [selected, setSelected] = useState<Option | null>(null);
  const [query, setQuery] = useState('');
  const shown = options.filter((o) => o.label.toLowerCase().includes(query.toLowerCase()));
  return (
    <Combobox
      value={selected}
      onChange={(o: Option | null) => {
        setSelected(o);
        onChange(o ? o.value : null);
      }}
      onClose={() => setQuery('')}
    >
      <ComboboxInput aria-label="Person" displayValue={(o: Option | null) => o?.label ?? ''} onChange={(e) => setQuery(e.target.value)} />
      <ComboboxOptions anchor="bottom start" style={{ background: 'white', border: '1px solid #ccc' }}>
        {shown.map((o) => (
          <ComboboxOption key={o.value} value={o}>
            {o.label}
          </ComboboxOption>
        ))}
      </ComboboxOptions>
    </Combobox>
  );
}
