/**
 * Pieces the editor's link and image dialogs share: a text field that shows its own error
 * (linked by `aria-describedby`, marked `aria-invalid`) and the dialog's button row.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField';

/** A labelled text field with an error line under it when `error` is set. */
export function CheckedField({
  label,
  value,
  onValue,
  error,
  hint,
  name,
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error: string | null;
  hint?: string;
  name: string;
}) {
  const errorId = useId();
  const hintId = useId();
  return (
    <div>
      <TextField
        label={label}
        name={name}
        value={value}
        onValue={onValue}
        aria-invalid={error ? true : undefined}
        aria-errormessage={error ? errorId : undefined}
        // The hint and the error are both read with the field.
        aria-describedby={[hint ? hintId : '', error ? errorId : ''].join(' ').trim() || undefined}
      />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="form-error field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Cancel and the primary action, plus any extra action (e.g. Remove link) on the left. */
export function DialogButtons({
  submitLabel,
  onCancel,
  extra,
}: {
  submitLabel: string;
  onCancel: () => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      {extra}
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </div>
  );
}
