/**
 * The confirmation before publishing: says what happens (this version goes into the public
 * library, readable without an account) and takes an optional note for the status history.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

/** Asks before `onPublish(note)`; `title` names the document. */
export function PublishDialog({
  isOpen,
  title,
  isBusy,
  onClose,
  onPublish,
}: {
  isOpen: boolean;
  title: string;
  isBusy: boolean;
  onClose: () => void;
  onPublish: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Dialog isOpen={isOpen} title={t('reviews.publishTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onPublish(note.trim());
        }}
      >
        <p>{t('reviews.publishExplained', { title })}</p>
        <label className="field">
          <span className="field__label">{t('reviews.noteOptional')}</span>
          <textarea maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button" disabled={isBusy}>
            {t('reviews.publishConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
