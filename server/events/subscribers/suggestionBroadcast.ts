/**
 * Tells open pages of a document about its suggestions: `suggestion:created` (a new one, as it
 * stands in the live text) and `suggestion:updated` (accepted or rejected) to `doc:<id>`.
 * Also removes a purged document's suggestion records (SQLite cascades; MongoDB does not).
 */
import type { LiveStateReader } from '../../comments/threadViews';
import { personLookup } from '../../presenters/threads';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage } from '../../storage/types';
import { loadSuggestionViews } from '../../suggestions/views';
import type { EventBus } from '../bus';

/** Subscribes the suggestion broadcasts and the purge clean-up. */
export function subscribeSuggestionBroadcast(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
  collab: LiveStateReader;
}): void {
  const { events, storage, broadcaster, collab } = input;
  events.on('suggestion.created', async ({ suggestion }) => {
    const [view] = await loadSuggestionViews({
      storage,
      live: collab,
      documentId: suggestion.documentId,
      ids: [suggestion.id],
    });
    if (view)
      broadcaster
        .toDocument(suggestion.documentId)
        .emit('suggestion:created', { suggestion: view });
  });
  events.on('suggestion.resolved', async ({ suggestion }) => {
    if (suggestion.status === 'open' || !suggestion.resolvedById) return;
    const person = personLookup(await storage.listUsers({ ids: [suggestion.resolvedById] }));
    broadcaster.toDocument(suggestion.documentId).emit('suggestion:updated', {
      suggestion: {
        id: suggestion.id,
        status: suggestion.status,
        resolvedBy: person(suggestion.resolvedById),
      },
    });
  });
  events.on('document.purged', ({ document }) =>
    storage.deleteSuggestionsOfDocument({ documentId: document.id }),
  );
}
