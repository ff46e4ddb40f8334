/**
 * Handing a session over to another facilitator (the facilitator, owners and editors, before
 * it ends): pick someone who can open the document. Guarded by the version the page shows, so
 * a hand-over meant for an older state is refused rather than applied blindly.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSessionDto } from '../../../shared/api/reviewSessions';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { useFormSubmit } from '../components/useFormSubmit';
import { FacilitatorField } from './FacilitatorField';

/** The form for `session`; `onDone` runs after the hand-over was stored. */
export function HandOverForm({
  session,
  onDone,
}: {
  session: ReviewSessionDto;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [facilitatorId, setFacilitatorId] = useState('');
  const form = useFormSubmit();
  const handOver = async () => {
    await api.reviewSessions.handOver({
      sessionId: session.id,
      facilitatorId,
      expectedVersion: session.version,
    });
    setFacilitatorId('');
    onDone();
  };
  return (
    <form className="form hand-over" onSubmit={form.handleSubmit(handOver)}>
      <FacilitatorField
        documentId={session.documentId}
        label={t('reviews.handOverTo', { title: session.title })}
        value={facilitatorId}
        onValue={setFacilitatorId}
        isActive
        except={session.facilitator.id}
        emptyLabel={t('reviews.chooseSomeone')}
      />
      <button
        type="submit"
        className="button button--small"
        disabled={form.isBusy || facilitatorId === ''}
      >
        {t('reviews.handOver')}
      </button>
      <FormError message={form.error} />
    </form>
  );
}
