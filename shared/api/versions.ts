/**
 * Named versions of a document: request schemas and answer shapes of
 * `POST/GET /api/documents/:id/versions`, `GET /api/versions/:id`,
 * `GET /api/versions/:id/compare` and `POST /api/versions/:id/restore`.
 */
import { z } from 'zod';
import type { UserSummaryDto } from './entities';
import { idField, visibleTextField } from './fields';

/** `POST /api/documents/:id/versions`. */
export const CreateVersionBody = z.strictObject({ label: visibleTextField(120) });
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

/** `:id` of `/api/versions/:id…`. */
export const VersionParams = z.object({ id: idField });

/** `GET /api/versions/:id/compare?with=`: another version's id, or `current` (the live text). */
export const CompareVersionQuery = z.object({
  with: z.union([z.literal('current'), idField]).default('current'),
});

/** A version as lists show it. `author` is null for versions the server took by itself. */
export interface VersionDto {
  id: string;
  documentId: string;
  label: string;
  author: UserSummaryDto | null;
  createdAt: string;
}

/** `GET /api/versions/:id`: the version and its plain text (one line per text block). */
export interface VersionTextDto {
  version: VersionDto;
  text: string;
}

/** One run of a compared paragraph: in both, only in the older (`delete`), only in the newer (`insert`). */
export interface TextOpDto {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** `GET /api/versions/:id/compare`: what changed from `from` (this version) to `to`. */
export interface VersionCompareDto {
  from: VersionDto;
  /** The other version, or null when compared with the current text. */
  to: VersionDto | null;
  paragraphs: { kind: 'equal' | 'changed' | 'inserted' | 'deleted'; ops: TextOpDto[] }[];
}
