/**
 * Records new suggestions as they arrive: a collab hook that notices, in clients' updates, ids
 * of `insertion`/`deletion` marks that are the sender's own (`shared/editor/suggestionId.ts`)
 * and not yet seen, then (batched a moment later, off the message path) reads what each
 * proposes from the live document, stores its record (author = the sender, time = now) and
 * emits `suggestion.created` (broadcast as `suggestion:created`). Reviewers' updates passed
 * the suggest-only guard; editors suggesting write through their ordinary connection and are
 * recorded the same way. Refused updates are server changes and record nothing.
 */
import * as Y from 'yjs';
import { isSuggestionOf } from '../../shared/editor/suggestionId';
import { SUGGESTION_MARK } from '../../shared/editor/suggestionMarks';
import type { CollabHook } from '../collab/hooks';
import type { LiveDoc } from '../collab/liveDoc';
import { documentNodeOf } from './liveText';
import { describeSuggestion } from './views';
import { locateSuggestions } from '../../shared/editor/suggestions';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

/** Waits this long after a new id so the suggestion's first keystrokes are in its record text. */
const RECORD_DELAY_MS = 150;

/** The update's bytes name a suggestion mark (cheap test before decoding). */
const MARK_NAMES = [SUGGESTION_MARK.insertion, SUGGESTION_MARK.deletion].map((name) =>
  Buffer.from(name),
);

/** The suggestion ids an update writes as mark attributes. */
export function suggestionIdsIn(update: Uint8Array): string[] {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  if (!MARK_NAMES.some((name) => bytes.includes(name))) return [];
  const ids = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const { key, value } = struct.content;
    const name = key.split('--')[0];
    if (name !== SUGGESTION_MARK.insertion && name !== SUGGESTION_MARK.deletion) continue;
    const id: unknown = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/** The recorder: its collab hook, and `flush` (tests, shutdown) to record what is pending now. */
export interface SuggestionRecorder {
  hook: CollabHook;
  flush(): Promise<void>;
}

/** Builds the recorder over `storage`, emitting on `events`. */
export function createSuggestionRecorder(input: {
  storage: Storage;
  events: EventBus;
  logger: Logger;
}): SuggestionRecorder {
  const { storage, events, logger } = input;
  /** Ids already recorded (or queued) per open document; forgotten when it unloads. */
  const seen = new Map<string, Set<string>>();
  /** Per document: its live copy and the new ids with their author. */
  const pending = new Map<string, { doc: LiveDoc; ids: Map<string, string> }>();
  let timer: NodeJS.Timeout | null = null;

  const recordDocument = async (
    doc: LiveDoc,
    ids: Map<string, string>,
    shouldAnnounce: boolean,
  ): Promise<void> => {
    const located = locateSuggestions(documentNodeOf(doc.ydoc));
    for (const [id, authorId] of ids) {
      const found = located.get(id);
      if (!found) continue; // withdrawn already
      const { kind, text } = describeSuggestion(found);
      const { record, isNew } = await storage.recordSuggestion({
        id,
        documentId: doc.documentId,
        authorId,
        kind,
        text: text.slice(0, 1000),
      });
      if (isNew && shouldAnnounce) {
        await events.emit('suggestion.created', {
          context: { actor: { id: authorId }, ip: null },
          suggestion: record,
        });
      }
    }
  };

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = [...pending.values()];
    pending.clear();
    for (const { doc, ids } of batch) {
      try {
        await recordDocument(doc, ids, true);
      } catch (error) {
        logger.warn({ err: error, documentId: doc.documentId }, 'recording suggestions failed');
      }
    }
  };

  const hook: CollabHook = {
    name: 'suggestion-recorder',
    onChange({ doc, update, origin, userId }) {
      if (origin !== 'peer' || !userId) return;
      const ids = suggestionIdsIn(update).filter((id) => isSuggestionOf(id, userId));
      if (ids.length === 0) return;
      let known = seen.get(doc.documentId);
      if (!known) seen.set(doc.documentId, (known = new Set()));
      for (const id of ids) {
        if (known.has(id)) continue;
        known.add(id);
        let entry = pending.get(doc.documentId);
        if (!entry) pending.set(doc.documentId, (entry = { doc, ids: new Map() }));
        entry.ids.set(id, userId);
      }
      if (pending.size > 0 && !timer) timer = setTimeout(() => void flush(), RECORD_DELAY_MS);
    },
    async onUnload({ doc }) {
      // Recorded, not announced: no page has the document open any more, and the broadcast
      // reads the live document, which would wait for this very unload to finish (a deadlock).
      // Pages opened later list suggestions from storage and the text.
      const entry = pending.get(doc.documentId);
      pending.delete(doc.documentId);
      if (entry) {
        try {
          await recordDocument(doc, entry.ids, false);
        } catch (error) {
          logger.warn({ err: error, documentId: doc.documentId }, 'recording suggestions failed');
        }
      }
      seen.delete(doc.documentId);
    },
  };
  return { hook, flush };
}
