/**
 * "Request review": pick reviewers among the people who can comment on the document (members,
 * and people it is shared with directly, marked as such), an optional due date and note. Sends a draft to review (or adds reviewers to a document in review).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/ErrorScreen';
import { useFormSubmit } from '../components/useFormSubmit';
import { useApiQuery } from '../query/useApiQuery';
import { queryKeys } from '../query/queryKeys';

/** The dialog; `onDone` runs after the request was sent. */
export function ReviewRequestDialog({
  documentId,
  isOpen,
  onClose,
  onDone,
}: {
  documentId: string;
  isOpen: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // Loaded on each opening, so someone the document was just shared with is offered.
  const people = useApiQuery({
    queryKey: queryKeys.reviewCandidates(documentId),
    load: () => api.reviewRequests.candidates(documentId),
    enabled: isOpen,
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit();

  const send = async () => {
    await api.reviewRequests.request({
      documentId,
      body: {
        reviewerIds: chosen,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(dueDate ? { dueAt: new Date(`${dueDate}T23:59:00`).toISOString() } : {}),
      },
    });
    setChosen([]);
    setNote('');
    setDueDate('');
    onDone();
  };

  return (
    <Dialog isOpen={isOpen} title={t('reviews.requestTitle')} onClose={onClose}>
      <form className="form" onSubmit={form.handleSubmit(send)}>
        <fieldset className="field">
          <legend className="field__label">{t('reviews.reviewers')}</legend>
          {people.status === 'ready' && people.data.people.length === 0 && (
            <p className="field__hint">{t('reviews.noReviewers')}</p>
          )}
          {people.status === 'ready' &&
            people.data.people.map((person) => (
              <label key={person.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(person.id)}
                  onChange={(event) =>
                    setChosen((ids) =>
                      event.target.checked
                        ? [...ids, person.id]
                        : ids.filter((other) => other !== person.id),
                    )
                  }
                />{' '}
                {person.isDirectShare
                  ? t('reviews.sharedReviewer', { name: person.name })
                  : person.name}
              </label>
            ))}
        </fieldset>
        <label className="field">
          <span className="field__label">{t('reviews.dueDate')}</span>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('reviews.noteOptional')}</span>
          <textarea maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <FormError message={form.error} />
        <button type="submit" className="button" disabled={form.isBusy || chosen.length === 0}>
          {t('reviews.sendRequest')}
        </button>
      </form>
    </Dialog>
  );
}
