/**
 * A document's content between its two forms on the server: the Yjs state that storage and
 * the collab server hold, and a ProseMirror document of the shared editor schema. Exporters
 * (and the public library) read content through `documentNodeFromState`, so each is a pure
 * function of the node and serves live documents and stored versions alike; imports write
 * theirs with `stateFromDocumentNode`.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { withoutOpenSuggestions } from './openSuggestions';

/**
 * The ProseMirror document held by a Yjs state (`Y.encodeStateAsUpdate`), as it stands: open
 * suggestions rejected (proposed insertions left out, text proposed for deletion kept
 * unmarked), since they are proposals, not yet the text, as in the derived text
 * (`collab/derived.ts`). Content the schema cannot hold is left out, as the editor itself
 * would show it.
 */
export function documentNodeFromState(state: Uint8Array): ProseMirrorNode {
  return withoutOpenSuggestions(documentNodeWithSuggestionsFromState(state));
}

/**
 * The ProseMirror document held by a Yjs state with its open suggestions still marked, for
 * the one reader that shows them: a DOCX with review notes (tracked changes).
 */
export function documentNodeWithSuggestionsFromState(state: Uint8Array): ProseMirrorNode {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return yXmlFragmentToProseMirrorRootNode(
      ydoc.getXmlFragment(EDITOR_FRAGMENT),
      getEditorSchema(),
    );
  } finally {
    ydoc.destroy();
  }
}

/** A ProseMirror document from its JSON (`node.toJSON()`), checked against the editor schema. */
export function documentNodeFromJson(json: unknown): ProseMirrorNode {
  const node = getEditorSchema().nodeFromJSON(json);
  node.check();
  return node;
}

/** The Yjs state (one update) holding `doc` in the editor fragment, as the editor writes it. */
export function stateFromDocumentNode(doc: ProseMirrorNode): Uint8Array {
  const ydoc = new Y.Doc();
  try {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(EDITOR_FRAGMENT));
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}
