/**
 * A modal dialog on the native <dialog> element: focus trapping, Escape to close and the
 * backdrop come from the browser, so keyboard users get them for free.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows `children` in a modal while `isOpen`; `onClose` runs on Escape or the close button. */
export function Dialog({
  isOpen,
  title,
  onClose,
  children,
}: {
  isOpen: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  // Unique per dialog: a page may hold several (closed ones stay in the DOM).
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      // Start in the first field rather than on the close button.
      dialog.querySelector<HTMLElement>('form input, form select, form textarea')?.focus();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t('common.close')}
        >
          ×
        </button>
      </header>
      {isOpen && children}
    </dialog>
  );
}
