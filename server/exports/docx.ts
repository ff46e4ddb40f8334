/**
 * DOCX export with the `docx` package: headings as Word heading styles (so Word's navigation
 * pane and table of contents work), bullet and numbered lists at their nesting level, tables
 * with their column widths, merged cells and header rows, links, code, quotes and inline
 * images (web images become links; see `images.ts`). With review notes (`docxReview.ts`),
 * comment threads become Word comments and open suggestions tracked changes; without them,
 * the caller passes the document with its open suggestions rejected (`suggestions.ts`).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { safeLinkHref } from '../../shared/editor/linkHref';
import { DocxReviewMarkup, type DocxReview } from './docxReview';
import { embeddableImage, fitWidth } from './images';
import { isHeaderRow, tableGrid, type TableGrid } from './tableGrid';

/** A4 with Word's default 2.54 cm margins leaves this much width for text, in twips. */
const TEXT_WIDTH_TWIPS = 9026;
/** One CSS pixel (the editor's column widths) in twips: 1440 twips per inch, 96 px per inch. */
const TWIPS_PER_PIXEL = 15;
const ORDERED_LIST = 'ordered-list';
const MONOSPACE = 'Consolas';
const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

type Block = Paragraph | Table;

/** What the walk carries down: list nesting, quote depth, and the numbered-list counter. */
interface Context {
  /** Paragraph options every paragraph at this place gets (quote indentation). */
  quoteDepth: number;
  /** Gives each numbered list its own Word numbering instance, so each restarts at 1. */
  nextListInstance: () => number;
  /** Comments and tracked changes, when the export carries review notes. */
  review: DocxReviewMarkup | null;
}

function textRunOptions(node: ProseMirrorNode, isLink: boolean): IRunOptions {
  const has = (name: string): boolean => node.marks.some((mark) => mark.type.name === name);
  return {
    text: node.text ?? '',
    ...(has('bold') ? { bold: true } : {}),
    ...(has('italic') ? { italics: true } : {}),
    ...(has('strike') ? { strike: true } : {}),
    ...(has('underline') ? { underline: {} } : {}),
    ...(has('code') ? { font: MONOSPACE } : {}),
    ...(isLink ? { style: 'Hyperlink' } : {}),
  };
}

function inlineChildren(node: ProseMirrorNode, context: Context): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      children.push(new TextRun({ break: 1 }));
      return;
    }
    if (!child.isText) return;
    const link = child.marks.find((mark) => mark.type.name === 'link');
    const href = link ? safeLinkHref(link.attrs.href) : null;
    const wrap = (run: ParagraphChild): ParagraphChild =>
      href ? new ExternalHyperlink({ link: href, children: [run] }) : run;
    const options = textRunOptions(child, href !== null);
    if (context.review) children.push(...context.review.textRuns(child, options, wrap));
    else children.push(wrap(new TextRun(options)));
  });
  return children;
}

function quoteOptions(context: Context): Partial<IParagraphOptions> {
  if (context.quoteDepth === 0) return {};
  return {
    indent: { left: 720 * context.quoteDepth },
    border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A0A0A0', space: 8 } },
  };
}

function imageParagraph(node: ProseMirrorNode, context: Context): Paragraph {
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const image = embeddableImage(node.attrs.src);
  if (image) {
    const size = fitWidth(image, TEXT_WIDTH_TWIPS / TWIPS_PER_PIXEL);
    return new Paragraph({
      ...quoteOptions(context),
      children: [
        new ImageRun({
          type: image.type,
          data: image.data,
          transformation: size,
          altText: { name: alt || 'image', description: alt, title: alt },
        }),
      ],
    });
  }
  const href = safeLinkHref(node.attrs.src);
  const label = `[${alt || 'image'}]`;
  return new Paragraph({
    ...quoteOptions(context),
    children: [
      href
        ? new ExternalHyperlink({
            link: href,
            children: [new TextRun({ text: label, style: 'Hyperlink' })],
          })
        : new TextRun(label),
    ],
  });
}

function listBlocks(list: ProseMirrorNode, context: Context, level: number): Block[] {
  const isOrdered = list.type.name === 'orderedList';
  const instance = isOrdered ? context.nextListInstance() : 0;
  const blocks: Block[] = [];
  list.forEach((item) => {
    item.forEach((child, _offset, index) => {
      if (child.type.name === 'bulletList' || child.type.name === 'orderedList') {
        blocks.push(...listBlocks(child, context, Math.min(level + 1, 8)));
        return;
      }
      if (index === 0 && child.type.name === 'paragraph') {
        blocks.push(
          new Paragraph({
            children: inlineChildren(child, context),
            ...(isOrdered
              ? { numbering: { reference: ORDERED_LIST, level, instance } }
              : { bullet: { level } }),
          }),
        );
        return;
      }
      // Further paragraphs of an item sit under its text, without a bullet of their own.
      for (const block of blockOf(child, context)) blocks.push(block);
    });
  });
  return blocks;
}

/** Grid column widths in twips: the editor's widths where set, the rest sharing what is left. */
function columnWidths(grid: TableGrid): number[] {
  const pixels: (number | null)[] = Array.from({ length: grid.width }, () => null);
  for (const { cell, rect } of grid.cells) {
    const widths = cell.attrs.colwidth as (number | null)[] | null;
    for (let column = rect.left; column < rect.right; column += 1) {
      const width = widths?.[column - rect.left];
      if (pixels[column] === null && typeof width === 'number' && width > 0) pixels[column] = width;
    }
  }
  const known = pixels.reduce<number>((sum, width) => sum + (width ?? 0) * TWIPS_PER_PIXEL, 0);
  const unknownCount = pixels.filter((width) => width === null).length;
  const share = unknownCount > 0 ? Math.max(720, (TEXT_WIDTH_TWIPS - known) / unknownCount) : 0;
  const twips = pixels.map((width) => (width === null ? share : width * TWIPS_PER_PIXEL));
  const total = twips.reduce((sum, width) => sum + width, 0);
  const scale = total > TEXT_WIDTH_TWIPS ? TEXT_WIDTH_TWIPS / total : 1;
  return twips.map((width) => Math.round(width * scale));
}

function tableBlock(table: ProseMirrorNode, context: Context): Table {
  const grid = tableGrid(table);
  const widths = columnWidths(grid);
  const rows: TableCell[][] = Array.from({ length: table.childCount }, () => []);
  for (const { cell, rect, row } of grid.cells) {
    const isHeader = cell.type.name === 'tableHeader';
    const colspan = rect.right - rect.left;
    const rowspan = rect.bottom - rect.top;
    const width = widths.slice(rect.left, rect.right).reduce((sum, value) => sum + value, 0);
    const content = blocksOf(cell, { ...context, quoteDepth: 0 });
    rows[row]?.push(
      new TableCell({
        children: content.length > 0 ? content : [new Paragraph('')],
        width: { size: width, type: WidthType.DXA },
        ...(colspan > 1 ? { columnSpan: colspan } : {}),
        ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
        ...(isHeader
          ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F4', color: 'auto' } }
          : {}),
      }),
    );
  }
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: widths.reduce((sum, value) => sum + value, 0), type: WidthType.DXA },
    // Header rows repeat at the top of each page the table runs onto.
    rows: rows.map(
      (cells, index) =>
        new TableRow({
          children: cells,
          ...(isHeaderRow(table, index) ? { tableHeader: true } : {}),
        }),
    ),
  });
}

function blockOf(node: ProseMirrorNode, context: Context): Block[] {
  switch (node.type.name) {
    case 'paragraph':
      return [new Paragraph({ ...quoteOptions(context), children: inlineChildren(node, context) })];
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return [
        new Paragraph({
          heading: HEADING_LEVELS[level - 1] ?? HeadingLevel.HEADING_1,
          children: inlineChildren(node, context),
        }),
      ];
    }
    case 'blockquote':
      return blocksOf(node, { ...context, quoteDepth: context.quoteDepth + 1 });
    case 'codeBlock':
      return node.textContent.split('\n').map(
        (line) =>
          new Paragraph({
            ...quoteOptions(context),
            shading: { type: ShadingType.CLEAR, fill: 'F4F4F4', color: 'auto' },
            spacing: { before: 0, after: 0 },
            children: [new TextRun({ text: line, font: MONOSPACE })],
          }),
      );
    case 'horizontalRule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 1 } },
        }),
      ];
    case 'bulletList':
    case 'orderedList':
      return listBlocks(node, context, 0);
    case 'table':
      return [tableBlock(node, context)];
    case 'image':
      return [imageParagraph(node, context)];
    default:
      return node.isTextblock
        ? [new Paragraph({ children: inlineChildren(node, context) })]
        : blocksOf(node, context);
  }
}

function blocksOf(parent: ProseMirrorNode, context: Context): Block[] {
  const blocks: Block[] = [];
  parent.forEach((child) => blocks.push(...blockOf(child, context)));
  return blocks;
}

/** Numbered lists: decimal, then letters, then roman numerals, indented per level. */
const orderedListLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3],
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

/**
 * The document as a .docx file (Office Open XML); with `review`, its comment threads as Word
 * comments and its open suggestions as tracked changes.
 */
export async function toDocx(input: {
  doc: ProseMirrorNode;
  title: string;
  review?: DocxReview;
}): Promise<Buffer> {
  let listInstance = 0;
  const review = input.review ? new DocxReviewMarkup(input.doc, input.review) : null;
  const context: Context = {
    quoteDepth: 0,
    nextListInstance: () => (listInstance += 1),
    review,
  };
  const body = blocksOf(input.doc, context);
  const document = new Document({
    title: input.title,
    creator: 'CLIP Workspace',
    numbering: { config: [{ reference: ORDERED_LIST, levels: orderedListLevels }] },
    ...(review ? { comments: { children: review.comments() } } : {}),
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] }),
          ...body,
          ...(review ? review.unanchoredBlocks() : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
