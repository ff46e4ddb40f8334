/**
 * The sidebar's suggestions: each pending suggestion of the document, in document order, with
 * its author, time, what it proposes, Accept/Reject for owners and editors, and a reply
 * thread (an ordinary comment thread on the suggested text, `suggestionSpots.ts`). Owners and
 * editors may accept or reject all of them at once, or one author's. The list is refreshed
 * live by `suggestion:created`/`suggestion:updated` (query/LiveQueryUpdates) and after each
 * accept or reject; the text itself changes through the live document.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionDto } from '../../../shared/api/suggestions';
import { authorHue } from '../../../shared/editor/suggestionMarks';
import { api } from '../api/client';
import { useThreads } from '../comments/queries';
import type { CommentsUi } from '../comments/useCommentsUi';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';
import { suggestionSpots, type SuggestionSpot } from './suggestionSpots';

/** The pending suggestions of one document. */
export function useSuggestions(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.suggestions(documentId),
    load: () => api.suggestions.list(documentId),
  });
}

/** The suggestions section of the editor's sidebar. */
export function SuggestionsPanel({
  documentId,
  editor,
  comments,
  canComment,
}: {
  documentId: string;
  /** The open editor (null until it is ready): where "Reply" selects the suggested text. */
  editor: Editor | null;
  comments: CommentsUi;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useSuggestions(documentId);
  const threads = useThreads(documentId).data?.threads ?? [];
  const [busyId, setBusyId] = useState<string | null>(null);
  const [authorFilter, setAuthorFilter] = useState('');
  const suggestions: SuggestionDto[] = list.data?.suggestions ?? [];
  // Recomputed as the text changes (a reply's comment mark arrives over the collab socket).
  const spots: Record<string, SuggestionSpot> =
    useEditorState({
      editor,
      selector: ({ editor: current }) => (current ? suggestionSpots(current.state.doc) : {}),
    }) ?? {};
  const authors = [...new Map(suggestions.map((s) => [s.author.id, s.author])).values()];
  const canResolve = suggestions.some((suggestion) => suggestion.canResolve);

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.suggestions(documentId) });

  const settle = async (suggestionId: string, outcome: 'accept' | 'reject'): Promise<void> => {
    setBusyId(suggestionId);
    try {
      await api.suggestions.settle({ documentId, suggestionId, outcome });
    } catch {
      // Settled by someone else a moment ago, or withdrawn: the refreshed list shows it.
    } finally {
      setBusyId(null);
      await refresh();
    }
  };

  const settleAll = async (outcome: 'accept' | 'reject'): Promise<void> => {
    setBusyId('*');
    try {
      const authorId = authors.some((author) => author.id === authorFilter) ? authorFilter : '';
      await api.suggestions.settleAll({ documentId, outcome, ...(authorId ? { authorId } : {}) });
    } catch {
      // As above: the refreshed list tells what is left.
    } finally {
      setBusyId(null);
      setAuthorFilter('');
      await refresh();
    }
  };

  /** Selects the suggested text and opens the comment composer on it. */
  const reply = (suggestionId: string): void => {
    const spot = spots[suggestionId];
    if (!editor || !spot) return;
    editor.commands.setTextSelection({ from: spot.from, to: spot.to });
    comments.startComment(editor);
  };

  // Nothing pending: no section, so the sidebar stays as it was (threads first).
  if (suggestions.length === 0) return null;
  return (
    <section
      className="suggestions-panel card"
      aria-label={t('suggestions.title')}
      data-testid="suggestions"
    >
      <h2>{t('suggestions.title')}</h2>
      {canResolve && (
        <div className="suggestions-panel__bulk">
          {authors.length > 1 && (
            <label>
              {t('suggestions.byAuthor')}{' '}
              <select
                value={authorFilter}
                onChange={(event) => setAuthorFilter(event.target.value)}
                data-testid="suggestions-author"
              >
                <option value="">{t('suggestions.everyone')}</option>
                {authors.map((author) => (
                  <option key={author.id} value={author.id}>
                    {author.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={busyId !== null}
            onClick={() => void settleAll('accept')}
          >
            {t('suggestions.acceptAll')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busyId !== null}
            onClick={() => void settleAll('reject')}
          >
            {t('suggestions.rejectAll')}
          </button>
        </div>
      )}
      <ul className="suggestions-panel__list">
        {suggestions.map((suggestion) => (
          <li
            key={suggestion.id}
            className="suggestion-card"
            data-testid="suggestion-card"
            data-suggestion-id={suggestion.id}
            style={{ borderLeftColor: `hsl(${authorHue(suggestion.author.id)} 60% 40%)` }}
          >
            <p className="suggestion-card__meta">
              <strong>{suggestion.author.name}</strong>{' '}
              <time dateTime={suggestion.createdAt}>
                {new Date(suggestion.createdAt).toLocaleString()}
              </time>
            </p>
            <p className="suggestion-card__change">
              {t(suggestion.kind === 'insert' ? 'suggestions.insert' : 'suggestions.delete')}:{' '}
              {suggestion.kind === 'insert' ? (
                <ins>{suggestion.text}</ins>
              ) : (
                <del>{suggestion.text}</del>
              )}
              {suggestion.deletedText && (
                <>
                  {' '}
                  {t('suggestions.replaces')} <del>{suggestion.deletedText}</del>
                </>
              )}
            </p>
            {(spots[suggestion.id]?.threadIds ?? []).map((threadId) => {
              const thread = threads.find((each) => each.id === threadId);
              return thread ? (
                <button
                  key={threadId}
                  type="button"
                  className="button button--ghost button--small"
                  data-testid="suggestion-thread"
                  onClick={() => comments.setActiveThreadId(threadId)}
                >
                  {t('suggestions.thread', { count: thread.comments.length })}
                </button>
              ) : null;
            })}
            {(suggestion.canResolve || canComment) && (
              <div className="suggestion-card__actions">
                {suggestion.canResolve && (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busyId === suggestion.id || busyId === '*'}
                      onClick={() => void settle(suggestion.id, 'accept')}
                    >
                      {t('suggestions.accept')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busyId === suggestion.id || busyId === '*'}
                      onClick={() => void settle(suggestion.id, 'reject')}
                    >
                      {t('suggestions.reject')}
                    </button>
                  </>
                )}
                {canComment && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!spots[suggestion.id]}
                    onClick={() => reply(suggestion.id)}
                  >
                    {t('suggestions.reply')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
