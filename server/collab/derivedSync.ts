/**
 * Keeps a document record's derived fields (plain text, outline, word count, last editors)
 * in step with its live content, on a debounce so typing never waits for it: written
 * `debounceMs` after the last change (at most `4 × debounceMs` during continuous typing)
 * and at unload.
 */
import type * as Y from 'yjs';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { extractDerivedContent } from './derived';

const MAX_LAST_EDITORS = 5;

/** Debounced writer of one document's derived fields. */
export interface DerivedSync {
  /** Records that content changed; `userId` is the writer whose update was applied, if any. */
  noteChange(userId: string | null): void;
  /** Writes now if anything changed since the last write. */
  flush(): Promise<void>;
  dispose(): void;
}

export function createDerivedSync(input: {
  documentId: string;
  ydoc: Y.Doc;
  storage: Storage;
  logger: Logger;
  debounceMs: number;
  initialLastEditorIds: string[];
}): DerivedSync {
  const { documentId, storage, logger } = input;
  let lastEditorIds = input.initialLastEditorIds.slice(0, MAX_LAST_EDITORS);
  let isDirty = false;
  let timer: NodeJS.Timeout | null = null;
  let firstChangeAt = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = async (): Promise<void> => {
    if (!isDirty) return;
    isDirty = false;
    let patch;
    try {
      const derived = extractDerivedContent(input.ydoc.getXmlFragment(EDITOR_FRAGMENT));
      patch = { ...derived, lastEditorIds, contentUpdatedAt: new Date() };
    } catch (error) {
      // Hostile content may not be a well-formed fragment: keep the old derived fields.
      logger.warn({ err: error, documentId }, 'could not extract derived content');
      return;
    }
    try {
      await storage.updateDocument({ id: documentId, patch });
    } catch (error) {
      logger.warn({ err: error, documentId }, 'could not store derived content');
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(write).catch((error: unknown) => {
      logger.warn({ err: error, documentId }, 'derived content task failed');
    });
    return writing;
  };

  return {
    noteChange(userId) {
      const now = Date.now();
      if (!isDirty) firstChangeAt = now;
      isDirty = true;
      if (userId && lastEditorIds[0] !== userId) {
        lastEditorIds = [userId, ...lastEditorIds.filter((id) => id !== userId)].slice(
          0,
          MAX_LAST_EDITORS,
        );
      }
      if (timer) clearTimeout(timer);
      const delay = now - firstChangeAt >= input.debounceMs * 3 ? 0 : input.debounceMs;
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
