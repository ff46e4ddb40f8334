/**
 * Document exports: one pure function per format from a ProseMirror document of the editor
 * schema (`documentNodeFromState` turns a stored Yjs state into one). The HTTP route and the
 * public library both go through `exportDocument`. Open suggestions are proposals, not text:
 * every format shows the document with them rejected, except a DOCX with review notes, which
 * shows them as tracked changes beside the comment threads (`docxReview.ts`).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ExportFormat } from '../../shared/api/exports';
import type { DocxReview } from './docxReview';
import { withoutOpenSuggestions } from '../editor/openSuggestions';
import { lazyImport } from '../lazyImport';

export {
  documentNodeFromJson,
  documentNodeFromState,
  documentNodeWithSuggestionsFromState,
} from '../editor/documentContent';
export { withoutOpenSuggestions, type SuggestionAuthorLookup } from '../editor/openSuggestions';
export type { DocxReview, ExportComment, ExportThread } from './docxReview';

// Each format's module, with its library, loads on its first use (docs/PERFORMANCE.md, "Idle
// memory"): a process serving collaboration never holds docx, pdfmake, sanitize-html or
// prosemirror-markdown, and a library reader loads only the HTML one.
/** The HTML format (`toHtmlBody`, `toStandaloneHtml`; sanitize-html), loaded on first use. */
export const loadHtmlExport = lazyImport(() => import('./html'));
/** The Markdown format (`toMarkdown`; prosemirror-markdown), loaded on first use. */
export const loadMarkdownExport = lazyImport(() => import('./markdown'));
const loadDocxExport = lazyImport(() => import('./docx'));
const loadPdfExport = lazyImport(() => import('./pdf'));

/** An exported file: its bytes, media type and file name ending. */
export interface ExportedFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Renders `doc` (titled `title`) in `format`; a DOCX with `review` carries comments and
 * tracked changes (other formats have no place for them and ignore it).
 */
export async function exportDocument(input: {
  format: ExportFormat;
  doc: ProseMirrorNode;
  title: string;
  review?: DocxReview;
}): Promise<ExportedFile> {
  const { format, doc, title, review } = input;
  const body =
    format === 'docx' && review
      ? await (await loadDocxExport()).toDocx({ doc, title, review })
      : await render(format, withoutOpenSuggestions(doc), title);
  return { body, contentType: MEDIA_TYPES[format], extension: format };
}

/** The file of `doc` as it stands (no review notes). */
async function render(format: ExportFormat, doc: ProseMirrorNode, title: string): Promise<Buffer> {
  switch (format) {
    case 'md': {
      const { toMarkdown } = await loadMarkdownExport();
      return Buffer.from(
        `# ${title.replace(/[\\`*_[\]#]/g, '\\$&')}\n\n${toMarkdown(doc)}`,
        'utf8',
      );
    }
    case 'html': {
      const { toStandaloneHtml } = await loadHtmlExport();
      return Buffer.from(toStandaloneHtml({ doc, title }), 'utf8');
    }
    case 'docx':
      return (await loadDocxExport()).toDocx({ doc, title });
    case 'pdf':
      return (await loadPdfExport()).toPdf({ doc, title });
  }
}

/**
 * A file name for the download: the title with characters file systems refuse replaced
 * (accents kept; Express encodes them for the header).
 */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${base || 'document'}.${extension}`;
}
