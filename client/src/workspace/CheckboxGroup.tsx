/** A labelled group of checkboxes for a multi-choice field (policy areas, stakeholders). */

/** Controlled set of choices; `labelFor` gives each option's visible text. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  labelFor,
  isDisabled = false,
  onChange,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  labelFor: (option: T) => string;
  isDisabled?: boolean;
  onChange: (selected: T[]) => void;
}) {
  return (
    <fieldset className="checkbox-group" disabled={isDisabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, option]
                  : selected.filter((value) => value !== option),
              )
            }
          />
          {labelFor(option)}
        </label>
      ))}
    </fieldset>
  );
}
