/**
 * Document imports: an uploaded Word (.docx) or Markdown file becomes a document of the editor
 * schema. The file's bytes are only ever held in memory and are not kept after the import.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { docxToHtml } from './docxToHtml';
import { htmlToDocument } from './htmlToDocument';
import { corruptFile, macrosNotAllowed, unsupportedFileType } from './importErrors';
import { markdownToHtml } from './markdownToHtml';

export { htmlToDocument } from './htmlToDocument';

/** Word's macro-enabled formats, refused by name before anything is read. */
const MACRO_EXTENSIONS = ['.docm', '.dotm', '.xlsm', '.pptm'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What an import gives: the content and a title taken from the file name. */
export interface ImportedDocument {
  doc: ProseMirrorNode;
  titleFromFile: string;
}

function extensionOf(fileName: string): string {
  const match = /\.[^.]+$/.exec(fileName.toLowerCase());
  return match ? match[0] : '';
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
  const titleFromFile = input.fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/[\p{Cc}]+/gu, ' ')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .slice(0, 200);
  if (MACRO_EXTENSIONS.includes(extension)) throw macrosNotAllowed();
  if (extension === '.docx') {
    if (!input.file.subarray(0, 4).equals(ZIP_MAGIC))
      throw corruptFile('it is not a Word document');
    const html = await docxToHtml(input.file, { maxUncompressedBytes: input.maxUncompressedBytes });
    return { doc: htmlToDocument(html), titleFromFile };
  }
  if (extension === '.md' || extension === '.markdown') {
    return { doc: htmlToDocument(markdownToHtml(input.file)), titleFromFile };
  }
  throw unsupportedFileType();
}
