/**
 * A small form for one comment (new thread, reply or edit): a labelled text area, a submit
 * button, and the error shown in place. Each submission carries an idempotency key kept
 * until it succeeds, so a double click or a retry after a lost answer makes one comment.
 * Given `people`, typing `@` suggests them (a listbox: arrows, Enter, Escape) and the chosen
 * ones still named in the body are submitted as `mentions`.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummaryDto } from '../../../shared/api/entities';
import { MAX_COMMENT_CHARS } from '../../../shared/api/threads';
import { useMentionComposer } from './useMentionComposer';

function newKey(): string {
  return crypto.randomUUID();
}

/** The form; `onSubmit` gets the trimmed body, the idempotency key and the mentioned ids. */
export function CommentForm({
  label,
  submitLabel,
  initialBody = '',
  autoFocus = false,
  onSubmit,
  onCancel,
  testId,
  people = [],
}: {
  label: string;
  submitLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string, idempotencyKey: string, mentions: string[]) => Promise<unknown>;
  onCancel?: () => void;
  testId?: string;
  /** Who `@` suggests (the document's readers); none: no suggestions. */
  people?: readonly UserSummaryDto[];
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const key = useRef(newKey());
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionComposer({ people, body, setBody, textarea });
  const fieldId = `${testId ?? 'comment'}-body`;
  const listId = `${fieldId}-people`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || isSending) return;
    setIsSending(true);
    setError(null);
    try {
      await onSubmit(body.trim(), key.current, mentions.mentionsIn(body));
      key.current = newKey();
      setBody('');
      mentions.reset();
    } catch (failure) {
      setError(t('comments.failed', { message: (failure as Error).message }));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} data-testid={testId}>
      <label className="visually-hidden" htmlFor={fieldId}>
        {label}
      </label>
      <textarea
        ref={textarea}
        id={fieldId}
        value={body}
        placeholder={label}
        maxLength={MAX_COMMENT_CHARS}
        rows={2}
        autoFocus={autoFocus}
        // A text box that offers a list (not a combobox: it stays a multi-line text field).
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={mentions.isOpen ? `${listId}-${mentions.activeIndex}` : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          mentions.trackCaret(event.target);
        }}
        onSelect={(event) => mentions.trackCaret(event.currentTarget)}
        onKeyDown={(event) => mentions.onKeyDown(event)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('comments.mentionSuggestions')}
        className="comment-form__people"
        hidden={!mentions.isOpen}
      >
        {mentions.suggestions.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === mentions.activeIndex}
            className="comment-form__person"
            // mousedown, not click: the text area keeps its focus and caret.
            onMouseDown={(event) => {
              event.preventDefault();
              mentions.choose(person);
            }}
          >
            {person.name}
          </li>
        ))}
      </ul>
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
