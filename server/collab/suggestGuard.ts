/**
 * The suggest-only rule for reviewers' collab connections: an update is accepted only when
 * rejecting the suggestions of its sender gives back the document as it was. So a reviewer may
 * add, extend, shrink or withdraw their own `insertion`/`deletion` suggestions (ids carry the
 * author, `shared/editor/suggestionId.ts`), and nothing else: no unmarked insertion, no real
 * deletion of anyone's text, no change to someone else's suggestion, no formatting, comment
 * mark or block change.
 *
 * The check applies the update to a throwaway copy of the document and compares the two
 * ProseMirror documents with the sender's suggestions rejected (`settleSuggestions`). It costs
 * a copy and two conversions of the whole document per update, paid by suggest-only
 * connections only; writers never come here.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { isSuggestionOf } from '../../shared/editor/suggestionId';
import { settleSuggestions } from '../../shared/editor/suggestions';

/**
 * - `accept`: only the sender's suggestions changed: apply it.
 * - `refuse`: it changes more: drop it (and heal the sender, see `liveDoc.ts`).
 * - `drop`: it cannot be judged or healed, so it is only dropped: it depends on changes the
 *   document does not have, or touches a shared type other than the editor's (only test
 *   servers allow one; an honest editor never sends either).
 */
export type SuggestVerdict = 'accept' | 'refuse' | 'drop';

/** Judges `update` from account `userId` against the live document `ydoc` (left untouched). */
export function judgeSuggestOnlyUpdate(input: {
  ydoc: Y.Doc;
  update: Uint8Array;
  userId: string;
}): SuggestVerdict {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, collecting the copy's garbage only rewrites deleted content, which neither reading nor settling sees
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(input.ydoc));
    const hadPending = hasPending(copy);
    const before = readDocument(copy);
    Y.applyUpdate(copy, input.update);
    if (!hadPending && hasPending(copy)) return 'drop';
    const after = readDocument(copy);
    // Content the schema cannot hold is invisible in the editor: never accepted from a reviewer.
    if (!before || !after) return 'refuse';
    const isOwn = (id: string): boolean => isSuggestionOf(id, input.userId);
    const withoutOwn = (doc: ProseMirrorNode): ProseMirrorNode =>
      // Stryker disable next-line StringLiteral: equivalent, settleSuggestions rejects for any outcome but 'accept'
      settleSuggestions(doc, 'reject', isOwn);
    // Stryker disable BlockStatement: equivalent, the `finally` below: the copy is thrown away, destroying it only frees it sooner
    return withoutOwn(after).eq(withoutOwn(before)) ? 'accept' : 'refuse';
  } finally {
    copy.destroy();
  }
}

// Stryker restore BlockStatement
/**
 * The copy's content as the editor reads it, or null when reading it had to drop content the
 * schema does not allow (y-prosemirror deletes such content from the Y.Doc while reading).
 */
function readDocument(copy: Y.Doc): ProseMirrorNode | null {
  let hasDropped = false;
  const onUpdate = (): void => {
    hasDropped = true;
  };
  copy.on('update', onUpdate);
  try {
    const doc = yXmlFragmentToProseMirrorRootNode(
      copy.getXmlFragment(EDITOR_FRAGMENT),
      getEditorSchema(),
    );
    // Stryker disable BlockStatement,StringLiteral: equivalent, the `finally` below: a listener left on the throwaway copy sets a flag nobody reads
    return hasDropped ? null : doc;
  } finally {
    copy.off('update', onUpdate);
  }
}

// Stryker restore BlockStatement,StringLiteral
/** Whether `ydoc` holds changes waiting for others it has not received. */
function hasPending(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
}

/**
 * Applies a refused update and reverts it with a Yjs undo, so the sender's copy (which has
 * it) converges back to the document as it was; the other peers receive both in one
 * broadcast (the same event-loop turn), so they see no change at all. Applied inside a
 * local transaction: Yjs then skips its formatting clean-up for remote changes, which would
 * otherwise drop the bold or link of text the update deleted before the undo restores it.
 */
export function applyAndRevert(input: {
  ydoc: Y.Doc;
  /** Applies the refused update (with `origins.refused`). */
  apply: () => void;
  origins: { refused: symbol; revert: symbol };
}): void {
  const { ydoc, origins } = input;
  const undo = new Y.UndoManager(ydoc.getXmlFragment(EDITOR_FRAGMENT), {
    trackedOrigins: new Set([origins.refused]),
    captureTimeout: 0,
  });
  try {
    ydoc.transact(input.apply, origins.refused);
    ydoc.transact(() => undo.undo(), origins.revert);
  } finally {
    undo.destroy();
  }
}
