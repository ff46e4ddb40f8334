/** A read-only text field with a Copy button: how invitation links are handed over. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows `value` selectable, and copies it to the clipboard on click. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard permission denied (or an insecure origin): the field stays selectable instead.
    }
    setIsCopied(true);
    window.setTimeout(() => setIsCopied(false), 2000);
  };
  return (
    <div className="copy-field">
      <label className="field">
        <span className="field__label">{label}</span>
        <input
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="copy-field-value"
        />
      </label>
      <button type="button" className="button" onClick={() => void copy()}>
        {isCopied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
