/**
 * Turns HTML from an import (mammoth's rendering of a DOCX, markdown-it's of a Markdown file)
 * into a document of the editor schema. The HTML is first cut down by sanitize-html to the
 * elements the schema can hold, then walked as a tree (htmlparser2, the parser sanitize-html
 * itself uses), building ProseMirror JSON the way the editor's own paste rules would:
 * loose text becomes paragraphs, images become blocks, a list item starts with a paragraph.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';
import { getEditorSchema } from '../../shared/editor/extensions';
import { safeImageSrc } from '../../shared/editor/imageSrc';
import { safeLinkHref } from '../../shared/editor/linkHref';
import { corruptFile } from './importErrors';

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[] } & {
  text?: string;
  marks?: JsonMark[];
};
type JsonMark = { type: string; attrs?: Record<string, unknown> };

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** What may reach the walk: exactly what the schema has a place for. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'strike',
    'img',
    'sup',
    'sub',
    'span',
    'div',
  ],
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  // Scripts and styles go with their text; other unknown tags keep their text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
};

const MARK_OF_TAG: Record<string, JsonMark['type']> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  code: 'code',
};

const BLOCK_TAGS = new Set([
  ...HEADINGS,
  'p',
  'hr',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'table',
  'img',
  'div',
]);

const paragraph = (content: JsonNode[] = []): JsonNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };

const isElement = (node: ChildNode): node is Element => node.type === 'tag';

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

function intAttribute(element: Element, name: string, max: number): number {
  const value = Number.parseInt(element.attribs[name] ?? '', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/** Inline content of `nodes` with `marks` applied; images are collected for the caller. */
function inlineNodes(nodes: ChildNode[], marks: JsonMark[], images: JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ');
      if (text) out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.name;
    if (tag === 'br') {
      out.push({ type: 'hardBreak' });
      continue;
    }
    if (tag === 'img') {
      const image = imageNode(node);
      if (image) images.push(image);
      continue;
    }
    let childMarks = marks;
    const markType = MARK_OF_TAG[tag];
    if (markType && !marks.some((mark) => mark.type === markType)) {
      childMarks = [...marks, { type: markType }];
    }
    if (tag === 'a') {
      const href = safeLinkHref(node.attribs.href);
      if (href)
        childMarks = [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href } }];
    }
    out.push(...inlineNodes(node.children, childMarks, images));
  }
  return out;
}

/** Inline content trimmed at both ends and with code marks alone (the schema's rule). */
function tidyInline(content: JsonNode[]): JsonNode[] {
  const tidy = content.map((node) =>
    node.marks?.some((mark) => mark.type === 'code')
      ? {
          ...node,
          marks: node.marks.filter((mark) => mark.type === 'code' || mark.type === 'link'),
        }
      : node,
  );
  const first = tidy[0];
  if (first?.text !== undefined) tidy[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = tidy[tidy.length - 1];
  if (last?.text !== undefined)
    tidy[tidy.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return tidy.filter((node) => node.text === undefined || node.text.length > 0);
}

function imageNode(element: Element): JsonNode | null {
  // Web and inline raster images, as the editor allows them (the server never fetches
  // them). A DOCX's linked external images never get this far: see docxToHtml.ts.
  const src = safeImageSrc(element.attribs.src);
  if (!src) return null;
  return { type: 'image', attrs: { src, alt: element.attribs.alt ?? null } };
}

/** A textblock (paragraph or heading) and the images that were inside it, after it. */
function textblock(
  type: 'paragraph' | 'heading',
  element: Element,
  attrs?: Record<string, unknown>,
): JsonNode[] {
  const images: JsonNode[] = [];
  const content = tidyInline(inlineNodes(element.children, [], images));
  const block: JsonNode = {
    type,
    ...(attrs ? { attrs } : {}),
    ...(content.length > 0 ? { content } : {}),
  };
  // A paragraph that only held an image is the image (or nothing, if the image was refused).
  const heldImage = element.children.some((child) => isElement(child) && child.name === 'img');
  if (type === 'paragraph' && content.length === 0 && (images.length > 0 || heldImage))
    return images;
  return [block, ...images];
}

function listItem(element: Element): JsonNode {
  const content = blockNodes(element.children);
  const first = content[0];
  // The schema's list item starts with a paragraph; a heading there becomes one.
  if (first?.type === 'heading') content[0] = paragraph(first.content ?? []);
  else if (first?.type !== 'paragraph') content.unshift(paragraph());
  return { type: 'listItem', content };
}

function tableRows(element: Element): Element[] {
  return element.children.filter(isElement).flatMap((child) => {
    if (child.name === 'tr') return [child];
    if (['thead', 'tbody', 'tfoot'].includes(child.name)) return tableRows(child);
    return [];
  });
}

function table(element: Element): JsonNode | null {
  const rows = tableRows(element).map((row) => ({
    type: 'tableRow',
    content: row.children
      .filter(isElement)
      .filter((cell) => cell.name === 'td' || cell.name === 'th')
      .map((cell) => {
        const content = blockNodes(cell.children);
        return {
          type: cell.name === 'th' ? 'tableHeader' : 'tableCell',
          attrs: {
            colspan: intAttribute(cell, 'colspan', 50),
            rowspan: intAttribute(cell, 'rowspan', 500),
          },
          content: content.length > 0 ? content : [paragraph()],
        };
      }),
  }));
  const filled = rows.filter((row) => row.content.length > 0);
  return filled.length > 0 ? { type: 'table', content: filled } : null;
}

function blockElement(element: Element): JsonNode[] {
  const tag = element.name;
  if (HEADINGS.includes(tag)) return textblock('heading', element, { level: Number(tag.slice(1)) });
  switch (tag) {
    case 'p':
      return textblock('paragraph', element);
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'img': {
      const image = imageNode(element);
      return image ? [image] : [];
    }
    case 'pre': {
      const text = textOf(element).replace(/\n$/, '');
      return [
        {
          type: 'codeBlock',
          attrs: { language: null },
          ...(text ? { content: [{ type: 'text', text }] } : {}),
        },
      ];
    }
    case 'blockquote': {
      const content = blockNodes(element.children);
      return [{ type: 'blockquote', content: content.length > 0 ? content : [paragraph()] }];
    }
    case 'ul':
    case 'ol': {
      const items = element.children
        .filter(isElement)
        .filter((child) => child.name === 'li')
        .map(listItem);
      if (items.length === 0) return [];
      if (tag === 'ul') return [{ type: 'bulletList', content: items }];
      return [
        {
          type: 'orderedList',
          attrs: { start: intAttribute(element, 'start', 100_000) },
          content: items,
        },
      ];
    }
    case 'li':
      return [{ type: 'bulletList', content: [listItem(element)] }];
    case 'table': {
      const node = table(element);
      return node ? [node] : [];
    }
    default:
      // div and friends: their blocks, unwrapped.
      return blockNodes(element.children);
  }
}

/** Block content of `nodes`: runs of loose inline content become paragraphs. */
function blockNodes(nodes: ChildNode[]): JsonNode[] {
  const blocks: JsonNode[] = [];
  let loose: ChildNode[] = [];
  const flush = (): void => {
    if (loose.length === 0) return;
    const images: JsonNode[] = [];
    const content = tidyInline(inlineNodes(loose, [], images));
    if (content.length > 0) blocks.push(paragraph(content));
    blocks.push(...images);
    loose = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCK_TAGS.has(node.name)) {
      flush();
      blocks.push(...blockElement(node));
    } else {
      loose.push(node);
    }
  }
  flush();
  return blocks;
}

/** Sanitises `html` and builds the editor document from it (422 `corrupt_file` if it cannot). */
export function htmlToDocument(html: string): ProseMirrorNode {
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  const content = blockNodes(parseDocument(clean).children);
  const json = { type: 'doc', content: content.length > 0 ? content : [paragraph()] };
  try {
    const node = getEditorSchema().nodeFromJSON(json);
    node.check();
    return node;
  } catch {
    throw corruptFile('its structure does not fit a document');
  }
}
