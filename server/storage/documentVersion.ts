/**
 * Optimistic concurrency of document details, the same in both engines: which patch fields
 * bump `DocumentRecord.version`, and the error a write based on an older version gets.
 */
import { ConflictError } from '../errors';
import type { DocumentPatch, DocumentRecord } from './types';

/** The patch fields that are a document's details: writing any of them bumps `version`. */
const VERSIONED_DOCUMENT_FIELDS = [
  'title',
  'kind',
  'status',
  'cityId',
  'policyAreas',
  'stakeholders',
  'language',
  'deletedAt',
  'deletedById',
  'linkAccess',
] as const satisfies readonly (keyof DocumentRecord)[];

/** Whether writing `patch` changes the document's details (and so its `version`). */
export function isVersionedPatch(patch: DocumentPatch): boolean {
  return VERSIONED_DOCUMENT_FIELDS.some((field) => patch[field] !== undefined);
}

/** Thrown by `updateDocument` when `expectedVersion` is not the stored version. */
export function versionConflict(): ConflictError {
  return new ConflictError(
    'Someone else changed this document since you loaded it.',
    'version_conflict',
  );
}
