// One filter of a list page (History, Audit): a labelled select whose first option means "any".
export interface FilterSelectProps {
  label: string;
  /** The chosen value; undefined or '' = any. */
  value: string | undefined;
  /** The "any" option's words, e.g. "All projects". */
  anyLabel: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  onChange: (value: string) => void;
}

export function FilterSelect({ label, value, anyLabel, options, onChange }: FilterSelectProps) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
