/**
 * The typed Socket.IO contract of `/socket.io`, used as generics on both ends:
 * `new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>()`
 * and `io(url) as Socket<ServerToClientEvents, ClientToServerEvents>`.
 * Every client payload is also validated at runtime (see `./schemas`): the types say what a
 * well-behaved client sends, the schemas protect the server from everything else.
 */
import type { ResolvedSuggestionDto, SuggestionDto } from '../api/suggestions';
import type { DocumentDto } from '../api/entities';
import type { NotificationDto } from '../api/notifications';
import type { ReviewSessionDto } from '../api/reviewSessions';
import type { CommentDto, ThreadDto } from '../api/threads';
import type { VersionDto } from '../api/versions';

/** Stable snake_case codes of a refused request, mirroring the HTTP API's error codes. */
export const REALTIME_ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'rate_limited',
  'internal_error',
] as const;
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number];

/** The answer of every client→server request (the Socket.IO acknowledgement). */
export type AckResult =
  { ok: true } | { ok: false; error: { code: RealtimeErrorCode; message: string } };

/** Callback type of an acknowledged request. */
export type Ack = (result: AckResult) => void;

/**
 * Message of the `connect_error` a client receives when the handshake is refused, so the
 * client can tell "sign in again" from "wrong site" from "close a tab". Socket.IO clients do
 * not reconnect by themselves after such a refusal.
 */
export const HANDSHAKE_ERRORS = {
  unauthenticated: 'unauthenticated',
  forbiddenOrigin: 'forbidden_origin',
  /** The account already has as many Socket.IO connections as the server allows. */
  tooManyConnections: 'too_many_connections',
} as const;

/** A person shown in a presence list. */
export interface PresenceUser {
  id: string;
  name: string;
}

export interface DocumentRef {
  documentId: string;
}

export interface WorkspaceRef {
  workspaceId: string;
}

/** Who has one document open right now (one entry per person, however many tabs). */
export interface PresenceUpdate {
  workspaceId: string;
  documentId: string;
  users: PresenceUser[];
}

/** Every open document of a workspace with its people; sent on `workspace:subscribe`. */
export interface PresenceSnapshot {
  workspaceId: string;
  documents: Record<string, PresenceUser[]>;
}

/** A document's new state, as anyone in its rooms may see it. */
export interface DocumentUpdated {
  document: DocumentDto;
}

/**
 * What storage holds of a document: `stateVector` is base64 of `Y.encodeStateVector` of the
 * stored state. A client's edits are durable once its own client id's clock here reaches the
 * clock of its Y.Doc (`Y.getState(ydoc.store, ydoc.clientID)`).
 */
export interface DocStored {
  documentId: string;
  stateVector: string;
}

export interface ServerToClientEvents {
  /** Sent to rooms `workspace:<id>` and `doc:<id>` whenever a document's list changes. */
  'presence:update': (payload: PresenceUpdate) => void;
  /** Sent to one socket after it subscribed to a workspace. */
  'presence:snapshot': (payload: PresenceSnapshot) => void;
  /**
   * Sent to rooms `doc:<id>` and `workspace:<id>` after a document's title, status, details
   * or trash state changed. Carries no abilities: a client refetches to learn what it may do.
   */
  'document:updated': (payload: DocumentUpdated) => void;
  /** Sent to `doc:<id>` when a comment thread was made on the document's text. */
  'thread:created': (payload: { thread: ThreadDto }) => void;
  /**
   * Sent to `doc:<id>` when a thread was resolved, reopened or re-anchored, or one of its
   * comments was edited or deleted: the whole thread as it is now (without abilities).
   */
  'thread:updated': (payload: { thread: ThreadDto }) => void;
  /**
   * Sent to `doc:<id>` when a new suggestion was recorded (within a second of its first
   * keystroke): the suggestion as it stands then (without `canResolve`).
   */
  'suggestion:created': (payload: { suggestion: SuggestionDto }) => void;
  /** Sent to `doc:<id>` when a suggestion was accepted or rejected (the text changed live too). */
  'suggestion:updated': (payload: { suggestion: ResolvedSuggestionDto }) => void;
  /** Sent to `doc:<id>` for a reply in a thread (without abilities). */
  'comment:created': (payload: { threadId: string; comment: CommentDto }) => void;
  /**
   * Sent to `doc:<id>` when a named version was taken: by a person, automatically at a status
   * change, or before a restore (so a restore is heard as one too).
   */
  'version:created': (payload: { documentId: string; version: VersionDto }) => void;
  /**
   * Sent to `doc:<id>` after every change of one of the document's review sessions (scheduled,
   * started, moved, extended, a hand, a decision, a thread tagged, ended, minutes linked): the
   * whole session (without abilities). Keep the one with the highest `version`.
   */
  'review:state': (payload: { session: ReviewSessionDto }) => void;
  /** Sent to `user:<id>` when that person is mentioned or their thread has a reply. */
  'notification:created': (payload: { notification: NotificationDto }) => void;
  /**
   * Sent to room `doc:<id>` after the document's updates were written (throttled, the latest
   * always follows), and to one socket right after its `presence:open`.
   */
  'doc:stored': (payload: DocStored) => void;
}

export interface ClientToServerEvents {
  /** "I have this document open": joins `doc:<id>` (read access required) and shows me. */
  'presence:open': (payload: DocumentRef, ack: Ack) => void;
  /** "I closed it": leaves `doc:<id>` and removes me (unless another of my tabs has it). */
  'presence:close': (payload: DocumentRef, ack: Ack) => void;
  /** Joins `workspace:<id>` (membership or network admin required) and gets a snapshot. */
  'workspace:subscribe': (payload: WorkspaceRef, ack: Ack) => void;
  'workspace:unsubscribe': (payload: WorkspaceRef, ack: Ack) => void;
}

/** Nothing is exchanged between server processes yet (the Redis adapter needs none). */
export type InterServerEvents = Record<string, never>;

/** What the handshake middleware learnt about the socket's user. */
export interface SocketData {
  user: PresenceUser & { isAdmin: boolean };
}
