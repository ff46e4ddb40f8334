/**
 * Use case: accept or reject one suggestion (owners and editors). The change goes through the
 * live document (`collab.change`), so every open editor sees it at once, then the record is
 * marked and `suggestion.resolved` tells everyone. A suggestion no longer in the text (its
 * author withdrew it, its text was deleted, or someone settled it a moment ago) changes
 * nothing and is refused.
 */
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { suggestionAuthorId } from '../../shared/editor/suggestionId';
import { locateSuggestions, settleSuggestions } from '../../shared/editor/suggestions';
import type { CollabServer } from '../collab';
import { ConflictError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import type { DocumentRecord, Storage, SuggestionRecord, User } from '../storage/types';
import { describeSuggestion } from '../suggestions/views';
import { assertTextUnlocked } from './textLock';

/** Settles `suggestionId` in `document` as `outcome`; answers its resolved record. */
export async function settleSuggestion(input: {
  storage: Storage;
  events: EventBus;
  collab: Pick<CollabServer, 'change'>;
  actor: User;
  document: DocumentRecord;
  suggestionId: string;
  outcome: 'accept' | 'reject';
  ip?: string | null;
}): Promise<SuggestionRecord> {
  const { storage, document, suggestionId } = input;
  assertTextUnlocked(document);
  let record = await storage.getSuggestion({ id: suggestionId });
  if (record && record.documentId !== document.id) record = null;
  if (record && record.status !== 'open') {
    throw new ConflictError(`This suggestion was ${record.status} already.`, 'suggestion_resolved');
  }
  let found: ReturnType<typeof describeSuggestion> | null = null;
  await input.collab.change(document.id, (ydoc) => {
    const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const { doc, meta } = initProseMirrorDoc(fragment, getEditorSchema());
    const located = locateSuggestions(doc).get(suggestionId);
    if (!located) return;
    found = describeSuggestion(located);
    const settled = settleSuggestions(doc, input.outcome, (id) => id === suggestionId);
    updateYFragment(ydoc, fragment, settled, meta);
  });
  if (!found) {
    throw new NotFoundError('That suggestion is not in the document.', 'suggestion_not_found');
  }
  const described: ReturnType<typeof describeSuggestion> = found;
  // Settled before its record was written (the recorder runs a moment later): write it now.
  const authorId = record?.authorId ?? suggestionAuthorId(suggestionId);
  if (!record && authorId) {
    ({ record } = await storage.recordSuggestion({
      id: suggestionId,
      documentId: document.id,
      authorId,
      kind: described.kind,
      text: described.text.slice(0, 1000),
    }));
  }
  if (!record) {
    throw new NotFoundError('That suggestion is not in the document.', 'suggestion_not_found');
  }
  const resolved = await storage.resolveSuggestion({
    id: record.id,
    status: input.outcome === 'accept' ? 'accepted' : 'rejected',
    resolvedById: input.actor.id,
  });
  await input.events.emit('suggestion.resolved', {
    context: { actor: input.actor, ip: input.ip ?? null },
    suggestion: resolved,
  });
  return resolved;
}
