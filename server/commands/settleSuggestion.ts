/**
 * Use cases: accept or reject one suggestion, or all of them (optionally one author's), owners
 * and editors. The change goes through the live document (`collab.change`), in one server
 * change however many are settled, so every open editor sees it at once; then each record is
 * marked and `suggestion.resolved` tells everyone (broadcast, notification of its author).
 *
 * Two people settling the same suggestion at once: the caller runs settles of one document one
 * after the other (`createKeyedQueue`), so the second finds the record settled and gets 409
 * `suggestion_resolved`; across processes the storage marks a record once (the same 409). A
 * suggestion no longer in the text (withdrawn, its text deleted) changes nothing: 404.
 */
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { suggestionAuthorId } from '../../shared/editor/suggestionId';
import {
  locateSuggestions,
  settleSuggestions,
  type SuggestionInText,
} from '../../shared/editor/suggestions';
import type { CollabServer } from '../collab';
import { ConflictError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import type { DocumentRecord, Storage, SuggestionRecord, User } from '../storage/types';
import { describeSuggestion } from '../suggestions/views';
import { suggestionResolved } from '../storage/notFound';
import { assertTextUnlocked } from './textLock';

/** What every settle needs. */
interface SettleInput {
  storage: Storage;
  events: EventBus;
  collab: Pick<CollabServer, 'change'>;
  actor: User;
  document: DocumentRecord;
  outcome: 'accept' | 'reject';
  ip?: string | null;
}

/**
 * Settles, in one change of the live document, the suggestions `choose` picks among those in
 * the text; answers what each picked one proposed.
 */
async function settleInLiveDocument(
  input: SettleInput,
  choose: (located: Map<string, SuggestionInText>) => readonly string[],
): Promise<Map<string, ReturnType<typeof describeSuggestion>>> {
  const settled = new Map<string, ReturnType<typeof describeSuggestion>>();
  await input.collab.change(input.document.id, (ydoc) => {
    const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const { doc, meta } = initProseMirrorDoc(fragment, getEditorSchema());
    const located = locateSuggestions(doc);
    for (const id of choose(located)) {
      const found = located.get(id);
      if (found) settled.set(id, describeSuggestion(found));
    }
    if (settled.size === 0) return;
    updateYFragment(
      ydoc,
      fragment,
      settleSuggestions(doc, input.outcome, (id) => settled.has(id)),
      meta,
    );
  });
  return settled;
}

/** Marks the settled suggestions' records (writing any the recorder has not yet) and tells. */
async function recordSettled(
  input: SettleInput,
  settled: Map<string, ReturnType<typeof describeSuggestion>>,
): Promise<{ resolved: SuggestionRecord[]; conflict: ConflictError | null }> {
  const { storage } = input;
  const resolved: SuggestionRecord[] = [];
  let conflict: ConflictError | null = null;
  for (const [id, described] of settled) {
    // Settled before its record was written (the recorder runs a moment later): write it now.
    const authorId = suggestionAuthorId(id);
    if (!authorId) continue;
    const { record } = await storage.recordSuggestion({
      id,
      documentId: input.document.id,
      authorId,
      kind: described.kind,
      text: described.text.slice(0, 1000),
    });
    // An id recorded for another document (text copied across) is not this document's record.
    if (record.documentId !== input.document.id) continue;
    let marked: SuggestionRecord;
    try {
      marked = await storage.resolveSuggestion({
        id: record.id,
        status: input.outcome === 'accept' ? 'accepted' : 'rejected',
        resolvedById: input.actor.id,
      });
    } catch (error) {
      // Another process settled it in the same instant: theirs counts, ours is the late one.
      if (!(error instanceof ConflictError) || error.code !== 'suggestion_resolved') throw error;
      conflict = error;
      continue;
    }
    resolved.push(marked);
    await input.events.emit('suggestion.resolved', {
      context: { actor: input.actor, ip: input.ip ?? null },
      suggestion: marked,
    });
  }
  return { resolved, conflict };
}

/** Settles `suggestionId` in `document` as `outcome`; answers its resolved record. */
export async function settleSuggestion(
  input: SettleInput & { suggestionId: string },
): Promise<SuggestionRecord> {
  const { storage, document, suggestionId } = input;
  assertTextUnlocked(document);
  const before = await storage.getSuggestion({ id: suggestionId });
  const record = before?.documentId === document.id ? before : null;
  if (record && record.status !== 'open') throw suggestionResolved(record);
  const settled = await settleInLiveDocument(input, () => [suggestionId]);
  const {
    resolved: [resolved],
    conflict,
  } = await recordSettled(input, settled);
  if (conflict) throw conflict;
  if (!resolved) {
    throw new NotFoundError('That suggestion is not in the document.', 'suggestion_not_found');
  }
  return resolved;
}

/**
 * Settles every pending suggestion of `document` as `outcome`, or only those of `authorId`;
 * answers the resolved records in document order (none pending: an empty list).
 */
export async function settleAllSuggestions(
  input: SettleInput & { authorId?: string },
): Promise<SuggestionRecord[]> {
  const { storage, document, authorId } = input;
  assertTextUnlocked(document);
  const records = await storage.listSuggestions({ documentId: document.id });
  const isSettled = new Set(records.filter((r) => r.status !== 'open').map((r) => r.id));
  const settled = await settleInLiveDocument(input, (located) =>
    [...located.keys()].filter(
      (id) => !isSettled.has(id) && (!authorId || suggestionAuthorId(id) === authorId),
    ),
  );
  return (await recordSettled(input, settled)).resolved;
}
