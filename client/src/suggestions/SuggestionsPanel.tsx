/**
 * The sidebar's suggestions: each pending suggestion of the document, in document order, with
 * its author, time, what it proposes, and Accept/Reject for owners and editors. The list is
 * refreshed live by `suggestion:created`/`suggestion:updated` (query/LiveQueryUpdates) and
 * after each accept or reject; the text itself changes through the live document.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionDto } from '../../../shared/api/suggestions';
import { authorHue } from '../../../shared/editor/suggestionMarks';
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** The pending suggestions of one document. */
export function useSuggestions(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.suggestions(documentId),
    load: () => api.suggestions.list(documentId),
  });
}

/** The suggestions section of the editor's sidebar. */
export function SuggestionsPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useSuggestions(documentId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const suggestions: SuggestionDto[] = list.data?.suggestions ?? [];

  const settle = async (suggestionId: string, outcome: 'accept' | 'reject'): Promise<void> => {
    setBusyId(suggestionId);
    try {
      await api.suggestions.settle({ documentId, suggestionId, outcome });
    } catch {
      // Settled by someone else a moment ago, or withdrawn: the refreshed list shows it.
    } finally {
      setBusyId(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.suggestions(documentId) });
    }
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
            {suggestion.canResolve && (
              <div className="suggestion-card__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={busyId === suggestion.id}
                  onClick={() => void settle(suggestion.id, 'accept')}
                >
                  {t('suggestions.accept')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busyId === suggestion.id}
                  onClick={() => void settle(suggestion.id, 'reject')}
                >
                  {t('suggestions.reject')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
