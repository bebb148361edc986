/**
 * One select over a fixed list of values (statuses, severities, sites …): what is picked is always one of the
 * values, never the text of the option. `none` adds a first option with the empty value ("all", or a prompt);
 * `reset` puts the select back on it after each pick (bulk actions).
 */
export function Choice<T extends string>({
  value,
  options,
  label,
  none,
  aria,
  action,
  reset = false,
  onPick,
}: {
  value: T | '';
  options: readonly T[];
  label: (v: T) => string;
  none?: string;
  aria: string;
  action?: string;
  reset?: boolean;
  onPick: (v: T | '') => void;
}) {
  return (
    <select
      value={value}
      aria-label={aria}
      data-action={action}
      onChange={(e) => {
        const el = e.target as HTMLSelectElement;
        const picked = options.find((o) => o === el.value);
        if (picked !== undefined) onPick(picked);
        else if (none !== undefined && el.value === '') onPick('');
        if (reset) el.value = '';
      }}
    >
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
