/**
 * Loading a workspace or document together with the caller's membership, so handlers can
 * ask the policies. Anything the caller may not see at all is 404 `not_found` (we do not
 * reveal that a workspace exists to non-members); a visible thing the caller may not change
 * is 403 `forbidden`, raised by the handler.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { validate } from '../../http/validate';
import { loadDocumentMembership } from '../../access/documentAccess';
import { canReadDocument } from '../../policies/document';
import { effectiveRole } from '../../policies/role';
import { isReadOnlyWorkspace } from '../../policies/workspace';
import type { DocumentRecord, Membership, Storage, User, Workspace } from '../../storage/types';
import type { WorkspaceRole } from '../../../shared/domain';

/** A workspace as seen by the caller. */
export interface WorkspaceAccess {
  workspace: Workspace;
  membership: Membership | null;
  /** The caller's effective role (admins act as owners). */
  role: WorkspaceRole;
}

/** Validates route params; a malformed id is 404 `not_found`, never 400 or 500. */
export function parseParams<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  try {
    return validate(req, { params: schema }).params;
  } catch (error) {
    if (error instanceof AppError && error.status === 400) throw new NotFoundError();
    throw error;
  }
}

/** The workspace and the caller's role in it; 404 when it does not exist or the caller has no access. */
export async function loadWorkspaceAccess(input: {
  storage: Storage;
  actor: User;
  workspaceId: string;
}): Promise<WorkspaceAccess> {
  const { storage, actor } = input;
  const workspace = await storage.getWorkspace({ id: input.workspaceId });
  if (!workspace) throw new NotFoundError('No such workspace.');
  const membership = await storage.getMembership({ workspaceId: workspace.id, userId: actor.id });
  const role = effectiveRole(actor, membership);
  if (!role) throw new NotFoundError('No such workspace.');
  return { workspace, membership, role };
}

/** A workspace rule over what `loadWorkspaceAccess` loads (`canManageMembers`, …). */
export type WorkspacePolicy = (
  actor: User,
  membership: Membership | null,
  workspace: Workspace,
) => boolean;

/**
 * The first step of most workspace handlers: load (404 as `loadWorkspaceAccess`), then
 * 403 `forbidden` with `message` unless `policy` allows.
 */
export async function loadAuthorizedWorkspace(
  input: { storage: Storage; actor: User; workspaceId: string },
  policy: WorkspacePolicy,
  message: string,
): Promise<WorkspaceAccess> {
  const access = await loadWorkspaceAccess(input);
  authorize(policy(input.actor, access.membership, access.workspace), message);
  return access;
}

/**
 * A document, its workspace and the caller's access to it; 404 when missing or out of reach.
 * `membership` and `role` are the document-level ones (`loadDocumentMembership`: the workspace
 * role, a direct share or the link reach, whichever is strongest): pass them to document
 * policies only, never to workspace ones.
 */
export async function loadDocumentAccess(input: {
  storage: Storage;
  actor: User;
  documentId: string;
}): Promise<WorkspaceAccess & { document: DocumentRecord }> {
  const { storage, actor } = input;
  const document = await storage.getDocument({ id: input.documentId });
  if (!document) throw new NotFoundError('No such document.');
  const [workspace, membership] = await Promise.all([
    storage.getWorkspace({ id: document.workspaceId }),
    loadDocumentMembership({ storage, actor, document }),
  ]);
  const role = effectiveRole(actor, membership);
  if (!workspace || !role) throw new NotFoundError('No such document.');
  return { workspace, membership, role, document };
}

/**
 * A live document the caller may read (any role in its workspace, a share, the link reach, a
 * network admin), with the caller's access; 404 for anything else, trashed documents
 * included (no existence leak).
 */
export async function loadReadableDocument(input: {
  storage: Storage;
  actor: User;
  documentId: string;
}) {
  const access = await loadDocumentAccess(input);
  if (!canReadDocument(input.actor, access.membership, access.document))
    throw new NotFoundError('No such document.');
  return access;
}

/**
 * The first step of the handlers that change a document: a live document (trashed ones are
 * 404) and the caller's access, then 403 `forbidden` with `message` unless `policy` allows,
 * then 409 `workspace_archived` when its workspace is archived (read-only).
 */
export async function loadAuthorizedLiveDocument(
  input: { storage: Storage; actor: User; documentId: string },
  policy: (actor: User, membership: Membership | null, document: DocumentRecord) => boolean,
  message: string,
) {
  const access = await loadDocumentAccess(input);
  if (access.document.deletedAt) throw new NotFoundError('No such document.');
  authorize(policy(input.actor, access.membership, access.document), message);
  assertWritableWorkspace(access.workspace);
  return access;
}

/** Throws 409 `workspace_archived` when the workspace is archived (read-only until unarchived). */
export function assertWritableWorkspace(workspace: Workspace): void {
  if (isReadOnlyWorkspace(workspace)) {
    throw new ConflictError(
      'This workspace is archived: it is read-only until an owner unarchives it.',
      'workspace_archived',
    );
  }
}

/** Throws 403 `forbidden` with `message` unless `isAllowed`. */
export function authorize(isAllowed: boolean, message: string): void {
  if (!isAllowed) throw new ForbiddenError(message);
}
