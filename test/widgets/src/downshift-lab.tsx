import { useCombobox } from 'downshift';
import { useState } from 'react';

/** Downshift's useCombobox, rendered the way its docs show: an input, a listbox of options. Reports the selected item's value. */
export function DownshiftCombobox({ items, onChange }: { items: { value: string; label: string }[]; onChange: (value: string | null) => void }) {
  const [shown, setShown] = useState(items);
  const box = useCombobox({
    items: shown,
    itemToString: (item) => item?.label ?? '',
    onInputValueChange: ({ inputValue }) => setShown(items.filter((i) => i.label.toLowerCase().includes((inputValue ?? '').toLowerCase()))),
    onSelectedItemChange: ({ selectedItem }) => onChange(selectedItem?.value ?? null),
  });
  return (
    <div>
      <input placeholder="Type a team" {...box.getInputProps()} />
      <ul {...box.getMenuProps()} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {box.isOpen &&
          shown.map((item, index) => (
            <li key={item.value} {...box.getItemProps({ item, index })} style={{ background: box.highlightedIndex === index ? '#def' : undefined }}>
              {item.label}
            </li>
          ))}
      </ul>
    </div>
  );
}
