/**
 * The one way exporters (and the public library) read a document's content: a Yjs state in,
 * a ProseMirror document of the shared editor schema out. Everything downstream is a pure
 * function of that node, so the same exporter serves live documents and stored versions.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';

/**
 * The ProseMirror document held by a Yjs state (`Y.encodeStateAsUpdate`). Content the schema
 * cannot hold is left out, as the editor itself would show it.
 */
export function documentNodeFromState(state: Uint8Array): ProseMirrorNode {
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
