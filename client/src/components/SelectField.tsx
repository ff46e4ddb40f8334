/** The labelled drop-down for a fixed list of choices (kinds, statuses, roles, types). */
import type { ReactNode, SelectHTMLAttributes } from 'react';

/** Select attributes a field passes through; `onChange` is replaced by `onValue`. */
type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'>;

/**
 * A controlled select inside its `.field` label; `labelFor` gives each option's text and
 * `emptyLabel`, when set, adds a first option with the value '' (e.g. "All", "No city"), so
 * T must then include ''.
 */
export function SelectField<T extends string>({
  label,
  value,
  options,
  labelFor,
  emptyLabel,
  onValue,
  ...selectProps
}: SelectProps & {
  label: ReactNode;
  value: T;
  options: readonly T[];
  labelFor: (option: T) => string;
  emptyLabel?: string;
  onValue: (value: T) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        {...selectProps}
        value={value}
        // The DOM hands back a string; it is one of `options`, or '' from `emptyLabel`, which
        // callers offering that option include in T.
        onChange={(event) => onValue(event.target.value as T)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {labelFor(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
