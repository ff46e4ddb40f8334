/**
 * Keeps a document record's derived fields (plain text, outline, word count, last editors)
 * in step with its live content, on a debounce so typing never waits for it: due
 * `debounceMs` after the last change (at most `3 × debounceMs` after the first during
 * continuous typing) and written at unload. The writing itself, batched with every other
 * document due at the same time, is `derivedWrites.ts`'s.
 */
import type * as Y from 'yjs';
import type { Logger } from '../logger';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { extractDerivedContent } from './derived';
import type { DerivedSource, DerivedWrites } from './derivedWrites';

const MAX_LAST_EDITORS = 5;

/** Debounced derived fields of one document. */
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
  writes: DerivedWrites;
  logger: Logger;
  debounceMs: number;
  initialLastEditorIds: string[];
}): DerivedSync {
  const { documentId, writes, logger, debounceMs } = input;
  let lastEditorIds = input.initialLastEditorIds.slice(0, MAX_LAST_EDITORS);
  let isDirty = false;
  let firstChangeAt = 0;
  let lastChangeAt = 0;

  const source: DerivedSource = {
    documentId,
    dueAt: () =>
      isDirty ? Math.min(lastChangeAt + debounceMs, firstChangeAt + 3 * debounceMs) : null,
    takePatch() {
      if (!isDirty) return null;
      isDirty = false;
      try {
        const derived = extractDerivedContent(input.ydoc.getXmlFragment(EDITOR_FRAGMENT));
        return { ...derived, lastEditorIds, contentUpdatedAt: new Date() };
      } catch (error) {
        // Hostile content may not be a well-formed fragment: keep the old derived fields.
        logger.warn({ err: error, documentId }, 'could not extract derived content');
        return null;
      }
    },
  };

  return {
    noteChange(userId) {
      const now = performance.now();
      if (!isDirty) {
        firstChangeAt = now;
        isDirty = true;
        writes.markDirty(source);
      }
      lastChangeAt = now;
      if (userId && lastEditorIds[0] !== userId) {
        lastEditorIds = [userId, ...lastEditorIds.filter((id) => id !== userId)].slice(
          0,
          MAX_LAST_EDITORS,
        );
      }
    },
    flush: () => writes.flush(source),
    dispose: () => writes.forget(source),
  };
}
