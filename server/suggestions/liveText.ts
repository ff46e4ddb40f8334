/** The live document's content as a ProseMirror document of the shared schema. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';

/** Reads `ydoc`'s editor fragment (as the editor would show it). */
export function documentNodeOf(ydoc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), getEditorSchema());
}
