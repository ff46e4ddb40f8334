/**
 * The storage contract's "no such record" errors. Both engines throw exactly these, so
 * the codes callers and the contract tests match on (`document_not_found`, …) and the
 * messages cannot drift between SQLite and MongoDB.
 */
import { ConflictError, NotFoundError } from '../errors';
import type { SuggestionRecord } from './port/suggestions';

/** The user to update does not exist. */
export function userNotFound(): NotFoundError {
  return new NotFoundError('No such user.', 'user_not_found');
}

/** The workspace to update does not exist. */
export function workspaceNotFound(): NotFoundError {
  return new NotFoundError('No such workspace.', 'workspace_not_found');
}

/** The membership to change or remove does not exist. */
export function membershipNotFound(): NotFoundError {
  return new NotFoundError('That user is not a member of this workspace.', 'membership_not_found');
}

/** The document to update or purge does not exist. */
export function documentNotFound(): NotFoundError {
  return new NotFoundError('No such document.', 'document_not_found');
}

/** The invitation to accept or delete does not exist. */
export function invitationNotFound(): NotFoundError {
  return new NotFoundError('No such invitation.', 'invitation_not_found');
}

/** The organisation to update or delete does not exist. */
export function organizationNotFound(): NotFoundError {
  return new NotFoundError('No such organisation.', 'organization_not_found');
}

/** The comment thread to update or delete does not exist. */
export function threadNotFound(): NotFoundError {
  return new NotFoundError('No such thread.', 'thread_not_found');
}

/** The document share to revoke does not exist. */
export function shareNotFound(): NotFoundError {
  return new NotFoundError('No such share.', 'share_not_found');
}

/** The comment to edit or delete does not exist. */
export function commentNotFound(): NotFoundError {
  return new NotFoundError('No such comment.', 'comment_not_found');
}

/** The review session to update does not exist. */
export function reviewSessionNotFound(): NotFoundError {
  return new NotFoundError('No such review session.', 'review_session_not_found');
}

/** The review request to answer does not exist. */
export function reviewRequestNotFound(): NotFoundError {
  return new NotFoundError('No such review request.', 'review_request_not_found');
}

/** The suggestion to accept or reject has no record. */
export function suggestionNotFound(): NotFoundError {
  return new NotFoundError('No such suggestion.', 'suggestion_not_found');
}

/**
 * The suggestion to accept or reject was settled already (by someone else, maybe in another
 * process): a conflict, not a missing record, kept here so both engines word it alike.
 */
export function suggestionResolved(record: Pick<SuggestionRecord, 'status'>): ConflictError {
  return new ConflictError(`This suggestion was ${record.status} already.`, 'suggestion_resolved');
}
