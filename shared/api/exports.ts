/** Request schemas of document exports and imports (`/api/documents/:id/export`, `…/import`). */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../domain';
import { visibleTextField } from './fields';

/** The file formats a document exports to. */
export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Which comment threads a DOCX export carries as Word comments (with the open suggestions as
 * tracked changes): `open` threads only, or `all`, resolved ones included (marked done).
 */
export const EXPORT_COMMENTS = ['open', 'all'] as const;
export type ExportComments = (typeof EXPORT_COMMENTS)[number];

/** `GET /api/documents/:id/export?format=[&comments=open|all]` (comments: DOCX only). */
export const ExportQuery = z
  .object({ format: z.enum(EXPORT_FORMATS), comments: z.enum(EXPORT_COMMENTS).optional() })
  .refine((query) => query.comments === undefined || query.format === 'docx', {
    message: 'Comments are exported in DOCX only.',
    path: ['comments'],
  });

/** The file name endings an import accepts (Word documents without macros, Markdown). */
export const IMPORT_EXTENSIONS = ['.docx', '.md', '.markdown'] as const;

/**
 * The text fields of `POST /api/workspaces/:id/documents/import` (multipart, beside `file`).
 * Without `title`, the document is named after the file. `keepOriginal=true` keeps the
 * uploaded file with the document (downloadable by its readers); by default it is not kept.
 */
export const ImportFields = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  title: visibleTextField(200).optional(),
  keepOriginal: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type ImportFields = z.infer<typeof ImportFields>;

/** `GET /api/documents/:id/original/info`: the kept original file, or null. */
export interface OriginalFileDto {
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}
