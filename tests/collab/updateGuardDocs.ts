/**
 * Small Yjs documents and the updates edits make to them, for the pure checks of the update
 * guard: `updateGuard.test.ts` and `updateGuardDeletions.test.ts`.
 */
import * as Y from 'yjs';

/** The top-level types the checks allow here: the editor's fragment only. */
export const ALLOWED: ReadonlySet<string> = new Set(['default']);

/** The change `edit` makes to a copy of `doc`, and `doc` itself unchanged. */
export function changeOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** A document whose edits carry a chosen client id, so tests can name struct ids. */
export function docOf(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}
