/**
 * A small form for one comment (new thread, reply or edit): a labelled text area, a submit
 * button, and the error shown in place. Each submission carries an idempotency key kept
 * until it succeeds, so a double click or a retry after a lost answer makes one comment.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_CHARS } from '../../../shared/api/threads';

function newKey(): string {
  return crypto.randomUUID();
}

/** The form; `onSubmit` gets the trimmed body and the submission's idempotency key. */
export function CommentForm({
  label,
  submitLabel,
  initialBody = '',
  autoFocus = false,
  onSubmit,
  onCancel,
  testId,
}: {
  label: string;
  submitLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string, idempotencyKey: string) => Promise<unknown>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const key = useRef(newKey());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || isSending) return;
    setIsSending(true);
    setError(null);
    try {
      await onSubmit(body.trim(), key.current);
      key.current = newKey();
      setBody('');
    } catch (failure) {
      setError(t('comments.failed', { message: (failure as Error).message }));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} data-testid={testId}>
      <label className="visually-hidden" htmlFor={`${testId ?? 'comment'}-body`}>
        {label}
      </label>
      <textarea
        id={`${testId ?? 'comment'}-body`}
        value={body}
        placeholder={label}
        maxLength={MAX_COMMENT_CHARS}
        rows={2}
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
      />
      {error && (
        <p className="comment-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button" disabled={isSending || !body.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
