/**
 * Room names, in one place so emitters elsewhere (comments, reviews, notifications) reach
 * exactly the sockets presence put there.
 */

/** Every socket of one user (notifications, mentions). */
export const userRoom = (userId: string): string => `user:${userId}`;
/** Sockets that subscribed to a workspace they may read. */
export const workspaceRoom = (workspaceId: string): string => `workspace:${workspaceId}`;
/** Sockets that have a document open and may read it. */
export const documentRoom = (documentId: string): string => `doc:${documentId}`;

/** A room a read check guards: the workspace or document it is for. */
export type GuardedRoom =
  { kind: 'workspace'; workspaceId: string } | { kind: 'document'; documentId: string };

const WORKSPACE_PREFIX = workspaceRoom('');
const DOCUMENT_PREFIX = documentRoom('');

/**
 * What a room name stands for, read back with the same prefixes the names above are built
 * with (the access sweep prunes by it); null for a user's own room and anything else.
 */
export function parseGuardedRoom(room: string): GuardedRoom | null {
  if (room.startsWith(WORKSPACE_PREFIX))
    return { kind: 'workspace', workspaceId: room.slice(WORKSPACE_PREFIX.length) };
  if (room.startsWith(DOCUMENT_PREFIX))
    return { kind: 'document', documentId: room.slice(DOCUMENT_PREFIX.length) };
  return null;
}
