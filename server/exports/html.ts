/**
 * HTML export: the document body rendered from the editor schema (`toHtmlBody`, reusable by
 * the server-rendered library), and a standalone, styled page around it (`toStandaloneHtml`).
 * Rendering escapes every text and attribute; the result then passes sanitize-html with an
 * allowlist of exactly what the schema can produce, so content that reached the Yjs document
 * from a hostile client (a `javascript:` link, an SVG image) cannot run in a reader's browser.
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import sanitizeHtml from 'sanitize-html';
import { safeImageSrc } from '../../shared/editor/imageSrc';
import { safeLinkHref } from '../../shared/editor/linkHref';
import { escapeHtml } from './escapeHtml';
import { EXPORT_STYLESHEET } from './htmlStyles';

const attribute = (name: string, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === ''
    ? ''
    : ` ${name}="${escapeHtml(String(value))}"`;

/** Opening and closing tags of a mark. */
function markTags(mark: Mark): [string, string] {
  switch (mark.type.name) {
    case 'bold':
      return ['<strong>', '</strong>'];
    case 'italic':
      return ['<em>', '</em>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strike':
      return ['<s>', '</s>'];
    case 'code':
      return ['<code>', '</code>'];
    case 'link': {
      const href = safeLinkHref(mark.attrs.href);
      return href ? [`<a${attribute('href', href)} rel="noopener noreferrer">`, '</a>'] : ['', ''];
    }
    default:
      return ['', ''];
  }
}

function renderText(node: ProseMirrorNode): string {
  let html = escapeHtml(node.text ?? '');
  // Innermost mark last in `node.marks`; wrap from the inside out.
  for (const mark of [...node.marks].reverse()) {
    const [open, close] = markTags(mark);
    html = `${open}${html}${close}`;
  }
  return html;
}

function renderChildren(node: ProseMirrorNode): string {
  let html = '';
  node.forEach((child) => {
    html += renderNode(child);
  });
  return html;
}

function cellAttributes(cell: ProseMirrorNode): string {
  const { colspan, rowspan, colwidth } = cell.attrs as {
    colspan?: number;
    rowspan?: number;
    colwidth?: number[] | null;
  };
  const width = colwidth?.reduce((sum, value) => sum + value, 0);
  return (
    attribute('colspan', colspan && colspan > 1 ? colspan : null) +
    attribute('rowspan', rowspan && rowspan > 1 ? rowspan : null) +
    attribute('style', width ? `width: ${width}px` : null)
  );
}

function renderNode(node: ProseMirrorNode): string {
  const inner = (): string => renderChildren(node);
  switch (node.type.name) {
    case 'text':
      return renderText(node);
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>\n`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return `<h${level}>${inner()}</h${level}>\n`;
    }
    case 'blockquote':
      return `<blockquote>\n${inner()}</blockquote>\n`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(node.textContent)}</code></pre>\n`;
    case 'horizontalRule':
      return '<hr>\n';
    case 'hardBreak':
      return '<br>';
    case 'bulletList':
      return `<ul>\n${inner()}</ul>\n`;
    case 'orderedList': {
      const start = Number(node.attrs.start);
      return `<ol${attribute('start', start > 1 ? start : null)}>\n${inner()}</ol>\n`;
    }
    case 'listItem':
      return `<li>${inner()}</li>\n`;
    case 'table':
      return `<table>\n<tbody>\n${inner()}</tbody>\n</table>\n`;
    case 'tableRow':
      return `<tr>${inner()}</tr>\n`;
    case 'tableHeader':
      return `<th${cellAttributes(node)}>${inner()}</th>`;
    case 'tableCell':
      return `<td${cellAttributes(node)}>${inner()}</td>`;
    case 'image': {
      const src = safeImageSrc(node.attrs.src);
      if (!src) return '';
      const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
      return `<img${attribute('src', src)} alt="${escapeHtml(alt)}">\n`;
    }
    default:
      // A node added to the schema later: keep its text rather than lose it.
      return node.isBlock ? `<div>${inner()}</div>\n` : inner();
  }
}

/** What the export may contain: exactly the elements and attributes `renderNode` writes. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'hr',
    'br',
    'ul',
    'ol',
    'li',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'strong',
    'em',
    'u',
    's',
    'a',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
  },
  allowedStyles: { '*': { width: [/^\d+px$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
};

/** The document's content as sanitised HTML (no `<html>` or `<body>`: for embedding). */
export function toHtmlBody(doc: ProseMirrorNode): string {
  return sanitizeHtml(renderNode(doc), SANITIZE_OPTIONS);
}

/** A complete, styled HTML page of the document (readable offline, printable). */
export function toStandaloneHtml(input: { doc: ProseMirrorNode; title: string }): string {
  const title = escapeHtml(input.title);
  return [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${EXPORT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main class="document">',
    `<h1 class="document-title">${title}</h1>`,
    toHtmlBody(input.doc),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
