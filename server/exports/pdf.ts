/**
 * PDF export with pdfmake, in-process (no browser). Text is set in Roboto, which ships inside
 * the pdfmake package and covers the Latin letters of every CLIP language (č, ć, đ, ß, œ, …);
 * the PDF standard fonts would not (they lack č, ć and đ). pdfmake is told to fetch no URL
 * and to read no local file but those fonts: only inline images are embedded (`images.ts`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { safeLinkHref } from '../../shared/editor/linkHref';
import { embeddableImage, fitWidth } from './images';
import { isHeaderRow, tableGrid } from './tableGrid';

/** A4 width minus pdfmake's default 40 pt margins, in points. */
const TEXT_WIDTH_POINTS = 595 - 80;
const LINK_COLOR = '#0b57d0';

type Pdfmake = typeof import('pdfmake');

let configured: Promise<Pdfmake> | null = null;

/**
 * Loads pdfmake at the first PDF export, not at startup (it adds ~50 MB to the resident memory
 * of every server process, most of which never export a PDF: docs/PERFORMANCE.md, (d)), and
 * sets its (module-wide) fonts and access rules once; the values never change.
 */
function configuredPdfmake(): Promise<Pdfmake> {
  configured ??= import('pdfmake').then((module) => {
    // A CommonJS package: Node's ESM loader puts its exports on `default`.
    const pdfmake = (module as { default?: Pdfmake }).default ?? module;
    const require = createRequire(import.meta.url);
    const fontDir = path.join(
      path.dirname(require.resolve('pdfmake/package.json')),
      'fonts',
      'Roboto',
    );
    pdfmake.setFonts({
      Roboto: {
        normal: path.join(fontDir, 'Roboto-Regular.ttf'),
        bold: path.join(fontDir, 'Roboto-Medium.ttf'),
        italics: path.join(fontDir, 'Roboto-Italic.ttf'),
        bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
    return pdfmake;
  });
  return configured;
}

type Inline = Exclude<Content, string> & { text: string };

function inlineContent(node: ProseMirrorNode): Inline[] {
  const inlines: Inline[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      inlines.push({ text: '\n' });
      return;
    }
    if (!child.isText) return;
    const has = (name: string): boolean => child.marks.some((mark) => mark.type.name === name);
    const link = child.marks.find((mark) => mark.type.name === 'link');
    const href = link ? safeLinkHref(link.attrs.href) : null;
    const decoration =
      has('underline') || href ? 'underline' : has('strike') ? 'lineThrough' : undefined;
    inlines.push({
      text: child.text ?? '',
      ...(has('bold') ? { bold: true } : {}),
      ...(has('italic') ? { italics: true } : {}),
      ...(decoration ? { decoration } : {}),
      ...(has('code') ? { background: '#f0f0f0' } : {}),
      ...(href ? { link: href, color: LINK_COLOR } : {}),
    });
  });
  // pdfmake drops a paragraph with no text at all; an empty one keeps its line.
  return inlines.length > 0 ? inlines : [{ text: '' }];
}

function imageContent(node: ProseMirrorNode): Content {
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const image = embeddableImage(node.attrs.src);
  // pdfkit embeds PNG and JPEG only; GIFs become a link like web images.
  if (image && image.type !== 'gif') {
    const size = fitWidth(image, TEXT_WIDTH_POINTS);
    const mime = image.type === 'png' ? 'image/png' : 'image/jpeg';
    return {
      image: `data:${mime};base64,${image.data.toString('base64')}`,
      width: size.width,
      margin: [0, 0, 0, 8],
    };
  }
  const href = safeLinkHref(node.attrs.src);
  const label = `[${alt || 'image'}]`;
  return href
    ? { text: label, link: href, color: LINK_COLOR, margin: [0, 0, 0, 8] }
    : { text: label, margin: [0, 0, 0, 8] };
}

function tableContent(table: ProseMirrorNode): Content {
  const grid = tableGrid(table);
  // pdfmake wants a full grid: a merged cell at its top-left, empty cells where it spans.
  const body: TableCell[][] = Array.from({ length: grid.height }, () =>
    Array.from({ length: grid.width }, (): TableCell => ({ text: '' })),
  );
  for (const { cell, rect } of grid.cells) {
    const colSpan = rect.right - rect.left;
    const rowSpan = rect.bottom - rect.top;
    const target = body[rect.top];
    if (!target) continue;
    target[rect.left] = {
      stack: blocksContent(cell),
      ...(colSpan > 1 ? { colSpan } : {}),
      ...(rowSpan > 1 ? { rowSpan } : {}),
      ...(cell.type.name === 'tableHeader' ? { fillColor: '#eef1f4', bold: true } : {}),
    };
  }
  // Leading rows of header cells repeat on each page the table runs onto.
  let headerRows = 0;
  while (headerRows < table.childCount && isHeaderRow(table, headerRows)) headerRows += 1;
  return {
    table: { headerRows, widths: Array.from({ length: grid.width }, () => '*'), body },
    margin: [0, 0, 0, 8],
  };
}

function listItems(list: ProseMirrorNode): Content[] {
  const items: Content[] = [];
  list.forEach((item) => items.push({ stack: blocksContent(item) }));
  return items;
}

function blockContent(node: ProseMirrorNode): Content {
  switch (node.type.name) {
    case 'paragraph':
      return { text: inlineContent(node), margin: [0, 0, 0, 6] };
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return { text: inlineContent(node), style: `h${level}` };
    }
    case 'blockquote':
      return { stack: blocksContent(node), margin: [18, 0, 0, 6], color: '#444444', italics: true };
    case 'codeBlock':
      return {
        table: {
          widths: ['*'],
          body: [[{ text: node.textContent, preserveLeadingSpaces: true, fontSize: 9 }]],
        },
        layout: 'noBorders',
        fillColor: '#f4f4f4',
        margin: [0, 0, 0, 8],
      };
    case 'horizontalRule':
      return {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH_POINTS, y2: 0, lineWidth: 0.5 }],
        margin: [0, 6, 0, 12],
      };
    case 'bulletList':
      return { ul: listItems(node), margin: [0, 0, 0, 6] };
    case 'orderedList': {
      const start = Number(node.attrs.start) || 1;
      return { ol: listItems(node), start, margin: [0, 0, 0, 6] };
    }
    case 'table':
      return tableContent(node);
    case 'image':
      return imageContent(node);
    default:
      return node.isTextblock ? { text: inlineContent(node) } : { stack: blocksContent(node) };
  }
}

function blocksContent(parent: ProseMirrorNode): Content[] {
  const blocks: Content[] = [];
  parent.forEach((child) => blocks.push(blockContent(child)));
  return blocks;
}

/** The document as a PDF file (A4). */
export async function toPdf(input: { doc: ProseMirrorNode; title: string }): Promise<Buffer> {
  const headingSizes = [20, 16, 14, 12, 11, 11];
  const styles = Object.fromEntries(
    headingSizes.map((fontSize, index) => [
      `h${index + 1}`,
      { fontSize, bold: true, margin: [0, 10, 0, 4] as [number, number, number, number] },
    ]),
  );
  const pdf = (await configuredPdfmake()).createPdf({
    info: { title: input.title, creator: 'CLIP Workspace' },
    pageSize: 'A4',
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: { ...styles, title: { fontSize: 24, bold: true, margin: [0, 0, 0, 12] } },
    content: [{ text: input.title, style: 'title' }, ...blocksContent(input.doc)],
  });
  return pdf.getBuffer();
}
