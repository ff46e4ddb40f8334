/**
 * One thread in the sidebar: the quoted text (marked when it was deleted), the comments with
 * author and time, and what the caller may do (reply, resolve/reopen, re-anchor an orphaned
 * thread, edit or delete their own comments), as the answer's abilities say. Bodies are
 * rendered as text (React escapes them); web addresses become links, mentions are marked.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummaryDto } from '../../../shared/api/entities';
import type { CommentDto, ThreadDto } from '../../../shared/api/threads';
import { CommentForm } from './CommentForm';
import { splitMentions } from './mentionText';
import type { useThreadActions } from './queries';

const LINK = /(https?:\/\/[^\s<>"']+)/g;

/** Text with http(s) addresses as links that open in a new tab. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(LINK);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} target="_blank" rel="noopener noreferrer nofollow">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** The body as text: the `@Name` of each person it mentions marked, addresses as links. */
function BodyText({ text, mentions }: { text: string; mentions: readonly UserSummaryDto[] }) {
  return (
    <p className="comment__body">
      {splitMentions(text, mentions).map((part, index) =>
        part.mention ? (
          <span key={index} className="mention" data-user-id={part.mention.id}>
            {part.text}
          </span>
        ) : (
          <LinkedText key={index} text={part.text} />
        ),
      )}
    </p>
  );
}

function CommentItem({
  comment,
  actions,
}: {
  comment: CommentDto;
  actions: ReturnType<typeof useThreadActions>;
}) {
  const { t, i18n } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const when = new Date(comment.createdAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <li className="comment" data-testid="comment">
      <div className="comment__meta">
        <strong>{comment.author.name}</strong> <time dateTime={comment.createdAt}>{when}</time>
        {comment.editedAt && <span className="comment__edited"> · {t('comments.edited')}</span>}
      </div>
      {isEditing ? (
        <CommentForm
          label={t('comments.bodyLabel')}
          submitLabel={t('common.save')}
          initialBody={comment.body}
          autoFocus
          testId={`edit-${comment.id}`}
          onCancel={() => setIsEditing(false)}
          onSubmit={async (body) => {
            await actions.editComment({ commentId: comment.id, body: { body } });
            setIsEditing(false);
          }}
        />
      ) : (
        <BodyText text={comment.body} mentions={comment.mentions} />
      )}
      {comment.abilities?.edit && !isEditing && (
        <div className="comment__actions">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setIsEditing(true)}
          >
            {t('comments.edit')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => void actions.deleteComment(comment.id)}
          >
            {t('comments.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A thread card; `isActive` when its text is the one highlighted in the editor. */
export function ThreadCard({
  thread,
  isActive,
  actions,
  onSelect,
  takeSelection,
  people,
}: {
  thread: ThreadDto;
  isActive: boolean;
  actions: ReturnType<typeof useThreadActions>;
  onSelect: (threadId: string) => void;
  /** The editor's current selection as an anchor (for re-anchoring), or null. */
  takeSelection: () => { start: string; end: string } | null;
  /** Who a reply may @-mention. */
  people: readonly UserSummaryDto[];
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const select = () => onSelect(thread.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select();
    }
  };
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(t('comments.failed', { message: (failure as Error).message }));
    }
  };
  const reanchor = () => {
    const anchor = takeSelection();
    if (!anchor) {
      setError(t('comments.selectFirst'));
      return;
    }
    void run(() => actions.update({ threadId: thread.id, body: { anchor } }));
  };
  return (
    <article
      className={`thread${isActive ? ' thread--active' : ''}${thread.status === 'resolved' ? ' thread--resolved' : ''}`}
      aria-label={t('comments.thread', { quote: thread.quote })}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      tabIndex={0}
      onClick={select}
      onKeyDown={onKeyDown}
    >
      <blockquote className="thread__quote">{thread.quote}</blockquote>
      {thread.orphaned && (
        <p className="thread__orphaned" data-testid="thread-orphaned">
          {t('comments.orphaned')}
        </p>
      )}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} actions={actions} />
        ))}
      </ol>
      {error && (
        <p className="comment-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="thread__actions">
        {thread.abilities?.resolve && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(() =>
                actions.update({
                  threadId: thread.id,
                  body: { status: thread.status === 'open' ? 'resolved' : 'open' },
                }),
              )
            }
          >
            {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
          </button>
        )}
        {thread.abilities?.resolve && thread.orphaned && (
          <button type="button" className="button" onClick={reanchor}>
            {t('comments.reanchor')}
          </button>
        )}
      </div>
      {thread.abilities?.reply && isActive && (
        <CommentForm
          label={t('comments.replyLabel')}
          submitLabel={t('comments.reply')}
          testId={`reply-${thread.id}`}
          people={people}
          onSubmit={(body, idempotencyKey, mentions) =>
            actions.reply({ threadId: thread.id, body: { body, idempotencyKey, mentions } })
          }
        />
      )}
    </article>
  );
}
