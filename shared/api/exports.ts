/** Request schemas of document exports and imports (`/api/documents/:id/export`, `…/import`). */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../domain';
import { visibleTextField } from './fields';

/** The file formats a document exports to. */
export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/documents/:id/export?format=`. */
export const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });

/** The file name endings an import accepts (Word documents without macros, Markdown). */
export const IMPORT_EXTENSIONS = ['.docx', '.md', '.markdown'] as const;

/**
 * The text fields of `POST /api/workspaces/:id/documents/import` (multipart, beside `file`).
 * Without `title`, the document is named after the file.
 */
export const ImportFields = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  title: visibleTextField(200).optional(),
});
export type ImportFields = z.infer<typeof ImportFields>;
