/**
 * The domain events: what happened, told after it was stored. Commands emit them; audit
 * recording, Socket.IO broadcasts and access invalidation subscribe (`./subscribers`). One map
 * from event name to payload type, so an emitter and its subscribers cannot disagree.
 */
import type { WorkspaceRole, UserRole } from '../../shared/domain';
import type { AuditActor } from '../commands/recordAudit';
import type { SessionMoveKind } from '../reviews/sessionMoves';
import type {
  CommentRecord,
  DocumentMeta,
  DocumentShare,
  NotificationRecord,
  ReviewSessionRecord,
  DocumentRecord,
  SuggestionRecord,
  ThreadRecord,
  VersionSummary,
  Workspace,
} from '../storage/types';

/** Who caused the event and from where, for the audit log (null actor: the server itself). */
export interface EventContext {
  actor: AuditActor;
  ip: string | null;
}

/** A document write: the record before and after it. */
export interface DocumentChange {
  context: EventContext;
  before: DocumentRecord;
  document: DocumentRecord;
}

/** Every domain event by name, with its payload. */
export interface DomainEvents {
  /** Title, city, policy areas or stakeholders changed (`changes`: the fields written). */
  'document.updated': DocumentChange & { changes: Record<string, unknown> };
  'document.statusChanged': DocumentChange;
  'document.trashed': DocumentChange;
  'document.restored': DocumentChange;
  /** The template's missing sections were written into the live text (`headings`: added). */
  'document.templateApplied': {
    context: EventContext;
    document: DocumentRecord;
    headings: string[];
  };
  /** A named version was taken (by a person, at a status change, or before a restore). */
  'version.created': { context: EventContext; version: VersionSummary };
  /** A named version's content was written back into the live text (as a new change). */
  'document.versionRestored': {
    context: EventContext;
    document: DocumentRecord;
    version: VersionSummary;
  };
  /** Deleted for good (the trash's retention ran out); `document` is the last record. */
  'document.purged': { context: EventContext; document: DocumentMeta };
  /** Name, description or archived flag of a workspace changed. */
  'workspace.updated': {
    context: EventContext;
    before: Workspace;
    workspace: Workspace;
    changes: Record<string, unknown>;
  };
  'membership.changed': {
    context: EventContext;
    workspaceId: string;
    userId: string;
    from: WorkspaceRole;
    to: WorkspaceRole;
  };
  'membership.removed': {
    context: EventContext;
    workspaceId: string;
    userId: string;
    role: WorkspaceRole;
  };
  /**
   * A document was shared with one account, or their share's role changed (`isNew`: false);
   * a lowered role takes effect on their open connections.
   */
  'document.shared': {
    context: EventContext;
    document: DocumentMeta;
    share: DocumentShare;
    isNew: boolean;
  };
  /** A direct share was revoked: that account's open connections to the document end. */
  'document.unshared': { context: EventContext; document: DocumentMeta; share: DocumentShare };
  /** The network role changed (an admin made a member loses the workspaces reached as admin). */
  'user.roleChanged': { context: EventContext; userId: string; from: UserRole; to: UserRole };
  /** A comment thread was made on the document's text (`comment`: its first comment). */
  'thread.created': { context: EventContext; thread: ThreadRecord; comment: CommentRecord };
  /** Resolved, reopened or re-anchored. */
  'thread.updated': { context: EventContext; thread: ThreadRecord };
  /** A new suggestion (track change) was seen in the live text and recorded. */
  'suggestion.created': { context: EventContext; suggestion: SuggestionRecord };
  /** A suggestion was accepted or rejected through the live document. */
  'suggestion.resolved': { context: EventContext; suggestion: SuggestionRecord };
  /** A reply in a thread. */
  'comment.created': { context: EventContext; thread: ThreadRecord; comment: CommentRecord };
  /** The author edited their comment. */
  'comment.updated': { context: EventContext; thread: ThreadRecord; comment: CommentRecord };
  /**
   * A person was notified of `comment` (stored, and already sent live). Emitted by the
   * notification subscriber, only for people who can read `document`. E-mail does not hang on
   * it: the digest reads what is still unread from storage (`server/mail/notificationDigest.ts`).
   */
  'notification.created': {
    context: EventContext;
    notification: NotificationRecord;
    document: DocumentMeta;
    actorName: string;
    comment: CommentRecord;
  };
  /** The author deleted their comment. */
  'comment.deleted': { context: EventContext; thread: ThreadRecord; commentId: string };
  /**
   * A review session was scheduled (`before`: null) or changed: a move, a hand, a decision, a
   * thread tagged, the minutes linked. `move` names what happened.
   */
  'reviewSession.changed': {
    context: EventContext;
    before: ReviewSessionRecord | null;
    session: ReviewSessionRecord;
    move: SessionMoveKind | 'schedule';
  };
  /**
   * The people with the document open changed (Socket.IO presence: opened, closed, gone, or
   * access lost). Not stored; the review session's participant list follows it.
   */
  'document.presenceChanged': { documentId: string; workspaceId: string };
  /** The account was deactivated; all its sessions were ended with it. */
  'user.deactivated': { context: EventContext; userId: string };
  /** One or more sign-in sessions of the user ended (sign-out, replaced, password change). */
  'session.ended': {
    userId: string;
    reason: 'sign_out' | 'replaced_by_sign_in' | 'password_changed';
  };
}

/** The name of a domain event. */
export type DomainEventName = keyof DomainEvents;
