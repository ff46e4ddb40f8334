/** Request schemas of the document endpoints (`/api/documents…`, `/api/workspaces/:id/documents`). */
import { z } from 'zod';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  DOCUMENT_STATUSES,
  LINK_ACCESS,
  POLICY_AREAS,
  STAKEHOLDER_TYPES,
} from '../domain';
import { idField as ResourceId, visibleTextField } from './fields';

/** `:id` of `/api/documents/:id…`. */
export const DocumentParams = z.object({ id: ResourceId });

const QueryFlag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** Distinct values, at most one of each. */
const PolicyAreas = z
  .array(z.enum(POLICY_AREAS))
  .max(POLICY_AREAS.length)
  .transform((values) => [...new Set(values)]);
const Stakeholders = z
  .array(z.enum(STAKEHOLDER_TYPES))
  .max(STAKEHOLDER_TYPES.length)
  .transform((values) => [...new Set(values)]);
/** A document's title, as lists, the editor and the library show it. */
const Title = visibleTextField(200);

/** `POST /api/workspaces/:id/documents`: the content starts from the kind's template. */
export const CreateDocumentBody = z.strictObject({
  title: Title,
  kind: z.enum(DOCUMENT_KINDS),
  cityId: ResourceId.nullable().optional(),
  policyAreas: PolicyAreas.optional(),
  stakeholders: Stakeholders.optional(),
  /** The language of the text; the template's headings and guidance follow it when we have it. */
  language: z.enum(DOCUMENT_LANGUAGES).optional(),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

/** `PATCH /api/documents/:id`: metadata only (the text goes through /collab). */
/**
 * The document `version` a write was based on: when given and no longer the stored one, the
 * write is refused with 409 `version_conflict` (and the current document) instead of
 * overwriting someone else's change.
 */
const BaseVersion = z.number().int().min(1);

export const UpdateDocumentBody = z
  .strictObject({
    title: Title.optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
    cityId: ResourceId.nullable().optional(),
    policyAreas: PolicyAreas.optional(),
    stakeholders: Stakeholders.optional(),
    language: z.enum(DOCUMENT_LANGUAGES).optional(),
    /** Owners only (403 for editors): who beyond the workspace and shares may read it. */
    linkAccess: z.enum(LINK_ACCESS).optional(),
    baseVersion: BaseVersion.optional(),
  })
  .refine(
    (body) => Object.keys(body).some((key) => key !== 'baseVersion'),
    'Give at least one field to change.',
  );
export type UpdateDocumentBody = z.infer<typeof UpdateDocumentBody>;

/** `POST /api/documents/:id/status`. */
export const ChangeStatusBody = z.strictObject({
  status: z.enum(DOCUMENT_STATUSES),
  baseVersion: BaseVersion.optional(),
  /** Why: shown with the change in the document's status history. */
  note: z.string().trim().max(2_000).optional(),
});
export type ChangeStatusBody = z.infer<typeof ChangeStatusBody>;

/** `GET /api/workspaces/:id/documents`: every filter is optional and they combine. */
export const ListDocumentsQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  cityId: ResourceId.optional(),
  policyArea: z.enum(POLICY_AREAS).optional(),
  q: z.string().trim().max(200).optional(),
  trash: QueryFlag,
});
export type ListDocumentsQuery = z.infer<typeof ListDocumentsQuery>;

/** `GET /api/documents/:id?includeTrashed=1` (owners only see trashed documents). */
export const GetDocumentQuery = z.object({ includeTrashed: QueryFlag });

/** `GET /api/documents?limit=`: the caller's recently changed documents. */
export const RecentDocumentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
