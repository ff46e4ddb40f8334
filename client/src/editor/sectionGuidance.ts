/**
 * A template section's guidance (the heading's `guidance` attribute, shared/editor/
 * sectionGuidance.ts) shown as placeholder text in the empty paragraph right after that
 * heading, while the person may write. A decoration only: nothing is added to the document,
 * so typing replaces it and deleting the text brings it back. The text is drawn by CSS
 * (`.section-guidance::before`), which browsers expose to screen readers as the paragraph's
 * content, and it is muted and italic so it does not read as written text.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { EDITOR_NODE } from '../../../shared/editor/schema';
import { GUIDANCE_ATTRIBUTE } from '../../../shared/editor/sectionGuidance';

/** The guidance of `heading`, when it is a heading that carries one. */
function guidanceOf(heading: ProseMirrorNode | null): string | null {
  if (heading?.type.name !== EDITOR_NODE.heading) return null;
  const guidance: unknown = heading.attrs[GUIDANCE_ATTRIBUTE];
  return typeof guidance === 'string' && guidance.trim() !== '' ? guidance : null;
}

/** One decoration per top-level empty paragraph that follows a heading with guidance. */
function guidanceDecorations(state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  let previous: ProseMirrorNode | null = null;
  state.doc.forEach((node, offset) => {
    const guidance = guidanceOf(previous);
    if (guidance && node.type.name === EDITOR_NODE.paragraph && node.content.size === 0) {
      decorations.push(
        Decoration.node(offset, offset + node.nodeSize, {
          class: 'section-guidance',
          'data-guidance': guidance,
        }),
      );
    }
    previous = node;
  });
  return DecorationSet.create(state.doc, decorations);
}

/** The browser-only extension (added by CollabEditor, not to the shared schema). */
export const SectionGuidance = Extension.create({
  name: 'sectionGuidance',
  addProseMirrorPlugins() {
    const { editor } = this;
    return [
      new Plugin({
        key: new PluginKey('sectionGuidance'),
        props: {
          // Readers see the document as written: guidance is for the people writing it.
          decorations: (state) =>
            editor.isEditable ? guidanceDecorations(state) : DecorationSet.empty,
        },
      }),
    ];
  },
});
