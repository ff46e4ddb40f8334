/**
 * Who may do what with a document. Pure functions over (actor, membership in the
 * document's workspace, document). A document in the trash is frozen: only reading
 * (for owners, through the trash) and restoring remain possible.
 */
import type { DocumentStatus } from '../../shared/domain';
import type { DocumentRecord, Membership } from '../storage/types';
import { effectiveRole, hasRoleAtLeast, type Actor } from './role';

type DocumentLike = Pick<DocumentRecord, 'status' | 'deletedAt' | 'createdById'>;

/** Any member of the workspace (and a network admin) reads a live document. */
export function canReadDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (document.deletedAt) return false;
  return effectiveRole(actor, membership) !== null;
}

/** Owners may look at a trashed document before deciding to restore it. */
export function canReadTrashedDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (!document.deletedAt) return false;
  return hasRoleAtLeast(actor, membership, 'owner');
}

/** Direct edits of the shared text: owners and editors; reviewers only comment and suggest. */
export function canEditDocumentContent(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (document.deletedAt) return false;
  return hasRoleAtLeast(actor, membership, 'editor');
}

/** Comment threads and suggestions: everyone but viewers. */
export function canComment(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (document.deletedAt) return false;
  return hasRoleAtLeast(actor, membership, 'reviewer');
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
  if (document.deletedAt) return false;
  if (hasRoleAtLeast(actor, membership, 'owner')) return true;
  if (!hasRoleAtLeast(actor, membership, 'editor')) return false;
  const isSendingToReview = document.status === 'draft' && toStatus === 'in-review';
  const isTakingBack = document.status === 'in-review' && toStatus === 'draft';
  return isSendingToReview || isTakingBack;
}

/**
 * Moving to the trash: owners, or the editor who created the document (so an editor
 * can clean up their own false start, never a colleague's work).
 */
export function canDeleteDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (document.deletedAt) return false;
  if (hasRoleAtLeast(actor, membership, 'owner')) return true;
  return hasRoleAtLeast(actor, membership, 'editor') && document.createdById === actor.id;
}

/** Only owners bring a document back from the trash. */
export function canRestoreDocument(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  if (!document.deletedAt) return false;
  return hasRoleAtLeast(actor, membership, 'owner');
}
