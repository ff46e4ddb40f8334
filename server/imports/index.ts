/**
 * Document imports: an uploaded Word (.docx) or Markdown file becomes a document of the editor
 * schema. The file's bytes are only ever held in memory; they are kept after the import only
 * when the importer asks (`keepOriginal`, stored with the document by `createDocument`).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { lazyImport } from '../lazyImport';
import { corruptFile, macrosNotAllowed, unsupportedFileType } from './importErrors';

// The converters and their libraries load with the first import of their kind, not at
// startup (docs/PERFORMANCE.md, "Idle memory").
const loadDocxToHtml = lazyImport(() => import('./docxToHtml'));
const loadMarkdownToHtml = lazyImport(() => import('./markdownToHtml'));
const loadHtmlToDocument = lazyImport(() => import('./htmlToDocument'));

/** Word's macro-enabled formats, refused by name before anything is read. */
const MACRO_EXTENSIONS = ['.docm', '.dotm', '.xlsm', '.pptm'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';
/** The longest original file name kept (its extension included). */
const MAX_ORIGINAL_NAME = 200;

/**
 * What an import gives: the content, a title taken from the file name, and the media type
 * of the file as the server knows it from its extension (for keeping the original).
 */
export interface ImportedDocument {
  doc: ProseMirrorNode;
  titleFromFile: string;
  contentType: string;
}

function extensionOf(fileName: string): string {
  const match = /\.[^.]+$/.exec(fileName.toLowerCase());
  return match ? match[0] : '';
}

/** The uploader's file name without a path (some browsers send one) or control characters. */
function baseNameOf(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/[\p{Cc}]+/gu, ' ')
    .trim();
}

/**
 * The name an original file is kept (and later downloaded) under: the uploaded name without
 * a path, control characters or quotes, at most 200 characters with its extension kept.
 */
export function originalFileName(fileName: string): string {
  const base = baseNameOf(fileName).replace(/"/g, "'");
  if (base.length <= MAX_ORIGINAL_NAME) return base;
  const extension = extensionOf(base);
  return base.slice(0, MAX_ORIGINAL_NAME - extension.length) + extension;
}

/**
 * Reads `file` (named `fileName` by the uploader) as a document. Throws 415
 * `unsupported_file_type` / `macros_not_allowed`, 413 `archive_too_large`, 422 `corrupt_file`.
 */
export async function importDocumentFile(input: {
  fileName: string;
  file: Buffer;
  maxUncompressedBytes: number;
}): Promise<ImportedDocument> {
  const extension = extensionOf(input.fileName);
  const titleFromFile = baseNameOf(input.fileName)
    .replace(/\.[^.]+$/, '')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .slice(0, 200);
  if (MACRO_EXTENSIONS.includes(extension)) throw macrosNotAllowed();
  if (extension === '.docx') {
    if (!input.file.subarray(0, 4).equals(ZIP_MAGIC))
      throw corruptFile('it is not a Word document');
    const [{ docxToHtml }, { htmlToDocument }] = await Promise.all([
      loadDocxToHtml(),
      loadHtmlToDocument(),
    ]);
    const html = await docxToHtml(input.file, { maxUncompressedBytes: input.maxUncompressedBytes });
    return { doc: htmlToDocument(html), titleFromFile, contentType: DOCX_TYPE };
  }
  if (extension === '.md' || extension === '.markdown') {
    const [{ markdownToHtml }, { htmlToDocument }] = await Promise.all([
      loadMarkdownToHtml(),
      loadHtmlToDocument(),
    ]);
    return {
      doc: htmlToDocument(markdownToHtml(input.file)),
      titleFromFile,
      contentType: MARKDOWN_TYPE,
    };
  }
  throw unsupportedFileType();
}
