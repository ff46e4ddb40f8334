/**
 * Who may do what with a document. Pure functions over (actor, membership in the
 * document's workspace, document). A document in the trash is frozen: only reading
 * (for owners, through the trash) and restoring remain possible.
 */
import type { DocumentStatus, WorkspaceRole } from '../../shared/domain';
import type { DocumentRecord, Membership } from '../storage/types';
import { effectiveRole, hasRoleAtLeast, type Actor } from './role';

type DocumentLike = Pick<DocumentRecord, 'status' | 'deletedAt' | 'createdById'>;

/**
 * The common shape of the rules: the document is not in the trash (which freezes it) and
 * the actor holds at least `minimum` in its workspace (`null`: any role at all).
 */
function isLiveWithRole(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  minimum: WorkspaceRole | null,
): boolean {
  if (document.deletedAt) return false;
  if (minimum === null) return effectiveRole(actor, membership) !== null;
  return hasRoleAtLeast(actor, membership, minimum);
}

/**
 * The shape of the workflow and trash rules: on a live document owners always may, editors
 * only in the case the rule carves out for them (`isEditorCase`).
 */
function isOwnerOrEditorWhen(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  isEditorCase: boolean,
): boolean {
  if (isLiveWithRole(actor, membership, document, 'owner')) return true;
  return isEditorCase && isLiveWithRole(actor, membership, document, 'editor');
}

/** Any member of the workspace (and a network admin) reads a live document. */
export function canReadDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return isLiveWithRole(actor, membership, document, null);
}

/** Owners may look at a trashed document before deciding to restore it. */
export function canReadTrashedDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return Boolean(document.deletedAt) && hasRoleAtLeast(actor, membership, 'owner');
}

/** Direct edits of the shared text: owners and editors; reviewers only comment and suggest. */
export function canEditDocumentContent(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return isLiveWithRole(actor, membership, document, 'editor');
}

/**
 * Approved and published text stays put: nobody writes it (the collab server makes every
 * connection read-only; restoring a version is refused) until an owner moves it back to draft.
 */
export function isTextLocked(document: Pick<DocumentRecord, 'status'>): boolean {
  return document.status === 'approved' || document.status === 'published';
}

/** Writing the text now: the role allows direct edits and the workflow has not locked it. */
export function canWriteText(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return canEditDocumentContent(actor, membership, document) && !isTextLocked(document);
}

/**
 * Suggesting in the text now (suggest-only collab connections, `collab/suggestGuard.ts`): the
 * people who comment but may not edit directly, i.e. reviewers, while the workflow has not
 * locked the text. Owners and editors suggest through their ordinary (writing) connection.
 */
export function canSuggestText(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return (
    canComment(actor, membership, document) &&
    !canEditDocumentContent(actor, membership, document) &&
    !isTextLocked(document)
  );
}

/** Comment threads and suggestions: everyone but viewers. */
export function canComment(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return isLiveWithRole(actor, membership, document, 'reviewer');
}

/** Title, kind, city, policy areas, stakeholders: the same people who edit the text. */
export function canUpdateDocumentMetadata(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return canEditDocumentContent(actor, membership, document);
}

/**
 * The workflow's gatekeeping: editors send a draft to review and take it back to
 * draft; approving, publishing and withdrawing approved/published work is for owners.
 * Whether the move exists at all is `STATUS_TRANSITIONS`' job, checked by the command.
 */
export function canChangeStatus(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  toStatus: DocumentStatus,
): boolean {
  const isSendingToReview = document.status === 'draft' && toStatus === 'in-review';
  const isTakingBack = document.status === 'in-review' && toStatus === 'draft';
  return isOwnerOrEditorWhen(actor, membership, document, isSendingToReview || isTakingBack);
}

/** Statuses in which the work is still the author's own business (not yet signed off). */
const UNAPPROVED: readonly DocumentStatus[] = ['draft', 'in-review'];

/**
 * Moving to the trash: owners, or the editor who created the document while it is still a
 * draft or in review (so an editor can clean up their own false start, never a colleague's
 * work). Approved and published work is the owners': trashing it takes it out of the library,
 * which would otherwise let an editor withdraw a publication that only owners may withdraw.
 */
export function canDeleteDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  const isOwnUnapprovedWork =
    document.createdById === actor.id && UNAPPROVED.includes(document.status);
  return isOwnerOrEditorWhen(actor, membership, document, isOwnUnapprovedWork);
}

/** Only owners bring a document back from the trash. */
export function canRestoreDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return Boolean(document.deletedAt) && hasRoleAtLeast(actor, membership, 'owner');
}

/**
 * Sharing the document with one person and setting its link reach: owners only (network
 * admins act as owners). Editors may not: a share brings someone from outside the workspace
 * in, which is the owners' decision, as adding a member is. `membership` may be the
 * document-level one (`documentMembership`): it holds `owner` only through the workspace.
 */
export function canShareDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return isLiveWithRole(actor, membership, document, 'owner');
}

/**
 * Downloading a document as a file: whoever reads it, and anyone at all (signed in or not,
 * member or not) once it is published, since the public library shows it, or while its link
 * reach is `public`. A trashed document is exported by nobody: it left the library, and its
 * owners restore it first.
 */
export function canExportDocument(
  actor: Actor | null,
  membership: Membership | null,
  document: DocumentLike & Pick<DocumentRecord, 'linkAccess'>,
): boolean {
  if (document.deletedAt) return false;
  if (document.status === 'published' || document.linkAccess === 'public') return true;
  return actor !== null && canReadDocument(actor, membership, document);
}

/**
 * A download with the review notes (comment threads as Word comments, open suggestions as
 * tracked changes): those who read the threads, that is who reads the document in its
 * workspace. A published document's public readers get its text only.
 */
export function canExportReviewNotes(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return canReadDocument(actor, membership, document);
}
