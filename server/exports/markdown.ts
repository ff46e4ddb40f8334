/**
 * Markdown export (CommonMark plus GitHub tables and strikethrough) from the editor schema,
 * with prosemirror-markdown's serializer. Markdown has no underline and no merged table
 * cells: underlined text is written plain, and a merged cell is followed by empty cells so
 * every row keeps its columns.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  defaultMarkdownSerializer,
  MarkdownSerializer,
  type MarkdownSerializerState,
} from 'prosemirror-markdown';
import { safeImageSrc } from '../../shared/editor/imageSrc';
import { safeLinkHref } from '../../shared/editor/linkHref';

const base = defaultMarkdownSerializer.nodes;
/** A private-use character standing for `<` in text until the output is complete. */
const ANGLE_MARKER = '\uE000';
const baseMarks = defaultMarkdownSerializer.marks;

/** Node serializers keyed by the editor's (Tiptap's) node names. */
const nodes: ConstructorParameters<typeof MarkdownSerializer>[0] = {
  doc: (state, node) => state.renderContent(node),
  paragraph: base.paragraph!,
  heading: base.heading!,
  blockquote: base.blockquote!,
  horizontalRule: (state, node) => {
    state.write('---');
    state.closeBlock(node);
  },
  hardBreak: base.hard_break!,
  text: (state, node, parent, index) => {
    const isCode = node.marks.some((mark) => mark.type.name === 'code');
    if (isCode) return base.text!(state, node, parent, index);
    // `<` would start raw HTML or an autolink in a reader's Markdown renderer: it is marked
    // here and escaped as `\<` once the text is written (see `toMarkdown`).
    state.text((node.text ?? '').replaceAll(ANGLE_MARKER, '').replaceAll('<', ANGLE_MARKER));
  },
  bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
  orderedList: (state, node) => {
    const start = typeof node.attrs.start === 'number' ? node.attrs.start : 1;
    const widest = String(start + node.childCount - 1).length;
    const space = ' '.repeat(widest + 2);
    state.renderList(node, space, (index) => {
      const number = String(start + index);
      return `${' '.repeat(widest - number.length)}${number}. `;
    });
  },
  listItem: base.list_item!,
  codeBlock: (state, node) => {
    // A fence longer than any run of backticks inside, so the code cannot close it.
    const longestRun = Math.max(0, ...(node.textContent.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    const language = typeof node.attrs.language === 'string' ? node.attrs.language : '';
    state.write(`${fence}${language.replace(/[^\w+-]/g, '')}\n`);
    state.text(node.textContent, false);
    state.ensureNewLine();
    state.write(fence);
    state.closeBlock(node);
  },
  image: (state, node) => {
    const src = safeImageSrc(node.attrs.src);
    const alt = state.esc(typeof node.attrs.alt === 'string' ? node.attrs.alt : '');
    if (src) state.write(`![${alt}](${src.replace(/[()]/g, '\\$&')})`);
    if (node.isBlock) state.closeBlock(node);
  },
  table: (state, node) => writeTable(state, node),
  tableRow: () => undefined,
  tableHeader: () => undefined,
  tableCell: () => undefined,
};

const plain = { open: '', close: '', mixable: true, expelEnclosingWhitespace: true };

/** Mark serializers keyed by the editor's mark names. */
const marks: ConstructorParameters<typeof MarkdownSerializer>[1] = {
  bold: baseMarks.strong!,
  italic: baseMarks.em!,
  code: baseMarks.code!,
  underline: plain,
  // Review marks are not formatting: a comment's anchor and a suggestion's text are written
  // as plain text (exports reject open suggestions before rendering, see suggestions.ts).
  comment: plain,
  insertion: plain,
  deletion: plain,
  strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
  link: {
    open: (_state, mark) => (safeLinkHref(mark.attrs.href) ? '[' : ''),
    close: (_state, mark) => {
      const href = safeLinkHref(mark.attrs.href);
      return href ? `](${href.replace(/[()]/g, '\\$&')})` : '';
    },
  },
};

const serializer = new MarkdownSerializer(nodes, marks);

/** A table cell's content as one line of Markdown (cells cannot hold line breaks). */
function cellMarkdown(cell: ProseMirrorNode): string {
  const doc = cell.type.schema.topNodeType.create(null, cell.content);
  return serializer
    .serialize(doc, { tightLists: true })
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** A GitHub table: the first row is the header row; a merged cell leaves empty cells after it. */
function writeTable(state: MarkdownSerializerState, table: ProseMirrorNode): void {
  const rows: string[][] = [];
  table.forEach((row) => {
    const cells: string[] = [];
    row.forEach((cell) => {
      cells.push(cellMarkdown(cell));
      const colspan = typeof cell.attrs.colspan === 'number' ? cell.attrs.colspan : 1;
      for (let extra = 1; extra < colspan; extra += 1) cells.push('');
    });
    rows.push(cells);
  });
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  state.write(line(header));
  state.ensureNewLine();
  state.write(line(Array.from({ length: width }, () => '---')));
  for (const row of body) {
    state.ensureNewLine();
    state.write(line(row));
  }
  state.closeBlock(table);
}

/** The document as Markdown text (ends with one newline). */
export function toMarkdown(doc: ProseMirrorNode): string {
  const markdown = serializer.serialize(doc, { tightLists: true }).replaceAll(ANGLE_MARKER, '\\<');
  return `${markdown.trimEnd()}\n`;
}
