/**
 * The comments sidebar of the editor: the new-comment form for the selection the person
 * chose to comment on, open/resolved filters with counts, and the threads in document order.
 * Clicking a thread scrolls to its text and highlights it; clicking highlighted text in the
 * editor makes its thread the active one here (see `useCommentsUi`).
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm } from './CommentForm';
import { CommentHighlights } from './CommentHighlights';
import { useMentionable, useThreadActions, useThreads } from './queries';
import { anchorFromSelection, threadRange } from './selectionAnchor';
import { ThreadCard } from './ThreadCard';
import type { CommentsUi } from './useCommentsUi';

type Filter = 'open' | 'resolved';

/** The sidebar of one document's comments. */
export function CommentsSidebar({
  documentId,
  editor,
  ui,
  canComment,
}: {
  documentId: string;
  editor: Editor | null;
  ui: CommentsUi;
  /** Whether the caller may comment (only then are the @-mention suggestions loaded). */
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const loaded = useThreads(documentId);
  const actions = useThreadActions(documentId);
  const people = useMentionable(documentId, canComment).data?.people ?? [];
  const [filter, setFilter] = useState<Filter>('open');
  const threads = loaded.data?.threads ?? [];
  const counts = {
    open: threads.filter((thread) => thread.status === 'open').length,
    resolved: threads.filter((thread) => thread.status === 'resolved').length,
  };
  const shown = threads.filter((thread) => thread.status === filter);
  const { activeThreadId, setActiveThreadId, draft, setDraft } = ui;

  // Text clicked in the editor: show its thread, switching filters when it is resolved
  // (adjusted while rendering, as React advises for state that follows another value).
  const [seenActiveId, setSeenActiveId] = useState(activeThreadId);
  if (activeThreadId !== seenActiveId) {
    setSeenActiveId(activeThreadId);
    const active = threads.find((thread) => thread.id === activeThreadId);
    if (active && active.status !== filter) setFilter(active.status);
  }
  useEffect(() => {
    if (!activeThreadId) return;
    document
      .querySelector(`.thread[data-thread-id="${CSS.escape(activeThreadId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeThreadId]);

  const selectThread = (threadId: string) => {
    setActiveThreadId(threadId);
    if (!editor) return;
    const range = threadRange(editor, threadId);
    if (!range) return;
    editor.commands.setTextSelection(range.from);
    const dom = editor.view.domAtPos(range.from).node;
    (dom instanceof Element ? dom : dom.parentElement)?.scrollIntoView({
      block: 'center',
      behavior: 'smooth',
    });
  };

  return (
    <aside className="comments" aria-labelledby="comments-title" data-testid="comments-sidebar">
      <CommentHighlights threads={threads} activeThreadId={activeThreadId} />
      <h2 id="comments-title" className="comments__title">
        {t('comments.title')}
      </h2>
      {draft && (
        <div className="comments__draft">
          <p className="comments__draft-quote">{t('comments.newOn', { quote: draft.quote })}</p>
          <CommentForm
            label={t('comments.bodyLabel')}
            submitLabel={t('comments.send')}
            autoFocus
            testId="new-comment"
            people={people}
            onCancel={() => setDraft(null)}
            onSubmit={async (body, idempotencyKey, mentions) => {
              const { thread } = await actions.create({
                documentId,
                body: { anchor: draft.anchor, body, idempotencyKey, mentions },
              });
              setDraft(null);
              setFilter('open');
              setActiveThreadId(thread.id);
            }}
          />
        </div>
      )}
      <div className="comments__filters" role="group" aria-label={t('comments.filter')}>
        {(['open', 'resolved'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={`button button--small${filter === value ? ' button--primary' : ''}`}
            aria-pressed={filter === value}
            data-testid={`filter-${value}`}
            onClick={() => setFilter(value)}
          >
            {t(`comments.${value}`, { count: counts[value] })}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="comments__empty">
          {filter === 'open' ? t('comments.noneOpen') : t('comments.noneResolved')}
        </p>
      ) : (
        <div className="comments__list">
          {shown.map((thread) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              isActive={thread.id === activeThreadId}
              actions={actions}
              onSelect={selectThread}
              takeSelection={() => (editor ? (anchorFromSelection(editor)?.anchor ?? null) : null)}
              people={people}
            />
          ))}
        </div>
      )}
    </aside>
  );
}
