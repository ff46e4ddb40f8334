/**
 * Tables as a grid, for the exporters that lay cells out themselves (DOCX, PDF): where each
 * cell sits once merged cells (colspan, rowspan) are accounted for, from prosemirror-tables'
 * `TableMap`, the same map the editor uses.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TableMap, type Rect } from '@tiptap/pm/tables';

/** A table's grid size and its cells with their rectangles, row by row. */
export interface TableGrid {
  width: number;
  height: number;
  cells: { cell: ProseMirrorNode; rect: Rect; row: number }[];
}

/** The grid of `table` (a `table` node of the editor schema). */
export function tableGrid(table: ProseMirrorNode): TableGrid {
  const map = TableMap.get(table);
  const cells: TableGrid['cells'] = [];
  let rowStart = 0;
  table.forEach((row, _offset, rowIndex) => {
    // Positions inside the table: a row opens one token before its first cell.
    let cellStart = rowStart + 1;
    row.forEach((cell) => {
      cells.push({ cell, rect: map.findCell(cellStart), row: rowIndex });
      cellStart += cell.nodeSize;
    });
    rowStart += row.nodeSize;
  });
  return { width: map.width, height: map.height, cells };
}

/** Whether every cell of the table's row `index` is a header cell. */
export function isHeaderRow(table: ProseMirrorNode, index: number): boolean {
  let isHeader = true;
  table.child(index).forEach((cell) => {
    if (cell.type.name !== 'tableHeader') isHeader = false;
  });
  return isHeader;
}
