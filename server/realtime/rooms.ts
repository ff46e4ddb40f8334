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
