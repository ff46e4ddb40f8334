/**
 * "Schedule review session": title, time, facilitator (the scheduler unless someone else who
 * can open the document is chosen), and the agenda picked from the document's outline
 * (one item per chosen heading, minutes each).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/ErrorScreen';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { useCurrentUser } from '../session/SessionContext';
import { FacilitatorField } from './FacilitatorField';

/** A local `datetime-local` value one hour from now (a sensible default). */
function inAnHour(): string {
  const date = new Date(Date.now() + 3_600_000);
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
  return date.toISOString().slice(0, 16);
}

/** The dialog; `onDone` runs after the session was scheduled. */
export function ScheduleSessionDialog({
  document,
  isOpen,
  onClose,
  onDone,
}: {
  document: DocumentDto;
  isOpen: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(t('reviews.defaultSessionTitle', { title: document.title }));
  const [startsAt, setStartsAt] = useState(inAnHour);
  const me = useCurrentUser();
  const [facilitatorId, setFacilitatorId] = useState(me.id);
  // Outline index → minutes, for the chosen headings.
  const [minutesByHeading, setMinutesByHeading] = useState<Record<number, number>>({});
  const form = useFormSubmit();

  const schedule = async () => {
    const agenda = document.outline
      .map((heading, index) => ({ heading, minutes: minutesByHeading[index] }))
      .filter((entry): entry is { heading: DocumentDto['outline'][number]; minutes: number } =>
        Boolean(entry.minutes),
      )
      .map(({ heading, minutes }) => ({ title: heading.text, minutes, heading: heading.text }));
    await api.reviewSessions.schedule({
      documentId: document.id,
      body: { title, startsAt: new Date(startsAt).toISOString(), agenda, facilitatorId },
    });
    setMinutesByHeading({});
    onDone();
  };

  return (
    <Dialog isOpen={isOpen} title={t('reviews.scheduleTitle')} onClose={onClose}>
      <form className="form" onSubmit={form.handleSubmit(schedule)}>
        <TextField
          label={t('reviews.sessionTitle')}
          required
          maxLength={200}
          value={title}
          onValue={setTitle}
        />
        <label className="field">
          <span className="field__label">{t('reviews.startsAt')}</span>
          <input
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        </label>
        <FacilitatorField
          documentId={document.id}
          label={t('reviews.facilitator')}
          value={facilitatorId}
          onValue={setFacilitatorId}
          isActive={isOpen}
        />
        <fieldset className="field agenda-picker">
          <legend className="field__label">{t('reviews.agendaFromOutline')}</legend>
          {document.outline.length === 0 && <p className="muted">{t('reviews.noHeadings')}</p>}
          {document.outline.map((heading, index) => {
            const minutes = minutesByHeading[index];
            const isChosen = minutes !== undefined;
            return (
              <div key={index} className="agenda-picker__row">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={isChosen}
                    onChange={(event) =>
                      setMinutesByHeading((all) => {
                        const next = { ...all };
                        if (event.target.checked) next[index] = 10;
                        else delete next[index];
                        return next;
                      })
                    }
                  />{' '}
                  {heading.text}
                </label>
                {isChosen && (
                  <label className="agenda-picker__minutes">
                    <input
                      type="number"
                      min={1}
                      max={240}
                      value={minutes}
                      aria-label={t('reviews.minutesFor', { heading: heading.text })}
                      onChange={(e) =>
                        setMinutesByHeading((all) => ({
                          ...all,
                          [index]: Math.max(1, Number(e.target.value) || 1),
                        }))
                      }
                    />{' '}
                    {t('reviews.minutes')}
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
        <FormError message={form.error} />
        <button
          type="submit"
          className="button"
          disabled={form.isBusy || Object.keys(minutesByHeading).length === 0}
        >
          {t('reviews.schedule')}
        </button>
      </form>
    </Dialog>
  );
}
