/**
 * Every `code` the HTTP API sends in `{ error: { code, message } }`, one stable snake_case
 * name per situation. The server's error classes accept only these (server/errors.ts), and
 * the client's `ApiError` carries one, so a typo or an unknown code fails the type check.
 */
export const API_ERROR_CODES = [
  // Generic, by HTTP status (server/errors.ts defaults, server/http/errorHandler.ts).
  'bad_request',
  'validation_failed',
  'invalid_json',
  'malformed_path',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal_error',
  'storage_unavailable',
  // Requests and sessions.
  'origin_mismatch',
  'invalid_credentials',
  'wrong_password',
  'account_deactivated',
  'registration_closed',
  // Accounts, organisations and invitations.
  'email_taken',
  'user_not_found',
  'organization_not_found',
  'reference_not_found',
  'cannot_deactivate_self',
  'cannot_change_own_role',
  'invalid_invitation',
  'invitation_not_found',
  'invitation_used',
  'invitation_exists',
  'invitation_awaiting_approval',
  'invitation_email_mismatch',
  // Workspaces and members.
  'workspace_not_found',
  'workspace_archived',
  'membership_not_found',
  'already_member',
  'last_owner',
  // Documents.
  'document_not_found',
  'invalid_city',
  'invalid_transition',
  'version_conflict',
  'already_trashed',
  'not_trashed',
  'trash_expired',
  // Imports (uploads) and exports.
  'import_file_missing',
  'file_too_large',
  'archive_too_large',
  'document_too_large',
  'unsupported_file_type',
  'macros_not_allowed',
  'corrupt_file',
  /** The document has no original file: it was not imported, or its file was not kept. */
  'original_not_found',
  // Text locked by the workflow (approved or published: back to draft first).
  'document_locked',
  // Versions.
  'version_too_large',
  // Comment threads.
  'thread_not_found',
  'comment_not_found',
  'share_not_found',
  'comment_exists',
  'invalid_anchor',
  'anchor_not_found',
  'empty_range',
  // Review sessions.
  'review_session_not_found',
  /** A move made against a state that already changed (a second facilitator tab, a stale page). */
  'review_session_conflict',
  /** The move does not exist in this state (start an ended session, next on the last item, …). */
  'invalid_session_state',
  'agenda_item_not_found',
  /** The facilitator named cannot open the document (or no such account). */
  'facilitator_without_access',
  // Review requests.
  'review_request_not_found',
  // Suggestions.
  'suggestion_not_found',
  /** The suggestion was accepted or rejected already (by someone else, a moment ago). */
  'suggestion_resolved',
  /** A named reviewer cannot open the document (or no such account): share it first. */
  'reviewer_without_access',
  /** A named reviewer can open the document but not comment (a viewer). */
  'reviewer_cannot_comment',
] as const;

/** A code the HTTP API sends. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
