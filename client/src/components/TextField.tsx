/** The labelled text input every form uses (`.field` label around the control). */
import type { InputHTMLAttributes, ReactNode } from 'react';

/** Input attributes a field passes through; `onChange` is replaced by `onValue`. */
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>;

/**
 * A controlled input inside its label, so the label names it for screen readers and tests;
 * `hint` is shown below and linked with `aria-describedby` when `hintId` is given.
 */
export function TextField({
  label,
  value,
  onValue,
  hint,
  hintId,
  ...inputProps
}: InputProps & {
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
  hint?: ReactNode;
  hintId?: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        {...inputProps}
        aria-describedby={hint && hintId ? hintId : inputProps['aria-describedby']}
        value={value}
        onChange={(event) => onValue(event.target.value)}
      />
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </label>
  );
}
