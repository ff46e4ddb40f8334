/**
 * Esc inside a list or a table moves the cursor to the line after it (a new empty paragraph
 * unless an empty one follows: text typed next must not land in the next section's heading),
 * so keyboard users are not stuck inside: Enter twice leaves a list, but there is no such way
 * out of a table's last cell.
 *
 * Ctrl+Home and Ctrl+End (Cmd on a Mac) go to the start and end of the text. Browsers do it
 * themselves, except Chromium at an empty last section showing its guidance placeholder (a
 * floated pseudo-element): the caret stayed where it was.
 */
import { Extension } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';
import { EDITOR_NODE } from '../../../shared/editor/schema';

const CONTAINERS: ReadonlySet<string> = new Set([
  EDITOR_NODE.bulletList,
  EDITOR_NODE.orderedList,
  EDITOR_NODE.table,
]);

/** The browser-only extension binding Escape (added by CollabEditor, not to the shared schema). */
export const LeaveBlockOnEscape = Extension.create({
  name: 'leaveBlockOnEscape',
  addKeyboardShortcuts() {
    return {
      Escape: ({ editor }) => {
        const { $from } = editor.state.selection;
        // The outermost list or table around the cursor: Esc leaves nested lists all at once.
        let depth = 0;
        for (let level = 1; level <= $from.depth; level += 1) {
          if (CONTAINERS.has($from.node(level).type.name)) {
            depth = level;
            break;
          }
        }
        if (depth === 0) return false;
        const after = $from.after(depth);
        return editor
          .chain()
          .command(({ tr, state }) => {
            const next = tr.doc.resolve(after).nodeAfter;
            const isEmptyParagraph =
              next?.type.name === EDITOR_NODE.paragraph && next.content.size === 0;
            if (!isEmptyParagraph) {
              const paragraph = state.schema.nodes[EDITOR_NODE.paragraph];
              if (!paragraph) return false;
              tr.insert(after, paragraph.create());
            }
            tr.setSelection(TextSelection.create(tr.doc, after + 1));
            tr.scrollIntoView();
            return true;
          })
          .run();
      },
      'Mod-Home': ({ editor }) =>
        editor.commands.command(({ tr }) => {
          tr.setSelection(Selection.atStart(tr.doc)).scrollIntoView();
          return true;
        }),
      'Mod-End': ({ editor }) =>
        editor.commands.command(({ tr }) => {
          tr.setSelection(Selection.atEnd(tr.doc)).scrollIntoView();
          return true;
        }),
    };
  },
});
