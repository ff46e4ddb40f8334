/**
 * Notifications from suggestions: a new one tells the document's owners and editors (who may
 * accept it) a `suggestion`, never its author; accepting or rejecting one tells its author a
 * `suggestion_accepted` / `suggestion_rejected`, never the person who settled it. The same
 * path as the review workflow's notifications (`notifyPeople`): stored, sent live as
 * `notification:created`, only to people who can still read the document; e-mail follows
 * from storage (the digest).
 */
import { documentEditors } from '../../comments/mentions';
import { notifyPeople } from '../../reviews/notifyPeople';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage, SuggestionRecord } from '../../storage/types';
import type { EventBus } from '../bus';

/** Subscribes suggestion notifications. */
export function subscribeSuggestionNotifications(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
}): void {
  const { events, storage, broadcaster } = input;

  /** The document (when not trashed) and the person who caused it, or null. */
  const load = async (suggestion: SuggestionRecord, actorId: string) => {
    const [document, [actor]] = await Promise.all([
      storage.getDocumentMeta({ id: suggestion.documentId }),
      storage.listUsers({ ids: [actorId] }),
    ]);
    return document && !document.deletedAt && actor ? { document, actor } : null;
  };

  events.on('suggestion.created', async ({ suggestion }) => {
    const loaded = await load(suggestion, suggestion.authorId);
    if (!loaded) return;
    await notifyPeople({
      storage,
      broadcaster,
      kind: 'suggestion',
      ...loaded,
      userIds: await documentEditors({ storage, document: loaded.document }),
    });
  });

  events.on('suggestion.resolved', async ({ suggestion }) => {
    if (suggestion.status === 'open' || !suggestion.resolvedById) return;
    const loaded = await load(suggestion, suggestion.resolvedById);
    if (!loaded) return;
    await notifyPeople({
      storage,
      broadcaster,
      kind: suggestion.status === 'accepted' ? 'suggestion_accepted' : 'suggestion_rejected',
      ...loaded,
      userIds: [suggestion.authorId],
    });
  });
}
