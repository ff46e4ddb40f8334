/**
 * Table commands the toolbar and the table menu share. Tiptap's `insertTable` replaces the
 * selection, so with a paragraph selected it swallowed that paragraph; `insertTableBelow`
 * puts the new table after the block holding the selection and leaves the text alone.
 */
import { findParentNode, type Editor } from '@tiptap/core';
import { createTable } from '@tiptap/extension-table';
import { TextSelection } from '@tiptap/pm/state';
import { EDITOR_NODE } from '../../../shared/editor/schema';

/** Inserts a 3×3 table with a header row below the selected block and puts the cursor in it. */
export function insertTableBelow(editor: Editor): boolean {
  return editor
    .chain()
    .focus()
    .command(({ tr, state, dispatch }) => {
      const { $to } = tr.selection;
      // After the top-level block (a paragraph, a list, another table) that holds the selection.
      const at = $to.depth > 0 ? $to.after(1) : $to.pos;
      if (!dispatch) return true;
      const table = createTable(state.schema, 3, 3, true);
      tr.insert(at, table);
      // A table as the very last block leaves no line to type after it: add one.
      const paragraph = state.schema.nodes[EDITOR_NODE.paragraph];
      if (paragraph && at + table.nodeSize === tr.doc.content.size) {
        tr.insert(at + table.nodeSize, paragraph.create());
      }
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1)));
      tr.scrollIntoView();
      return true;
    })
    .run();
}

/** Whether the table holding the selection has a header row (its first row of header cells). */
export function hasHeaderRow(editor: Editor): boolean {
  const table = findParentNode((node) => node.type.name === EDITOR_NODE.table)(
    editor.state.selection,
  );
  const firstCell = table?.node.firstChild?.firstChild;
  return firstCell?.type.name === EDITOR_NODE.tableHeader;
}
