/**
 * Server→client emits for any feature (routes, commands, domain-event subscribers), without
 * handing them the whole Socket.IO server: typed by `ServerToClientEvents`, addressed by the
 * room names of `./rooms`, so an emit reaches exactly the sockets that joined (and may read).
 */
import type { BroadcastOperator } from 'socket.io';
import type { ServerToClientEvents, SocketData } from '../../shared/realtime/events';
import { documentRoom, userRoom, workspaceRoom } from './rooms';
import type { RealtimeServer } from './types';

/** A set of rooms to `.emit(event, payload)` to. */
export type RoomEmitter = BroadcastOperator<ServerToClientEvents, SocketData>;

/** Typed emits to rooms: `broadcaster.toDocument(id).emit('document:updated', …)`. */
export interface Broadcaster {
  /** Sockets that have the document open (`doc:<id>`). */
  toDocument(documentId: string): RoomEmitter;
  /** Sockets that subscribed to the workspace (`workspace:<id>`). */
  toWorkspace(workspaceId: string): RoomEmitter;
  /** Every socket of one user (`user:<id>`). */
  toUser(userId: string): RoomEmitter;
  /** Both the document's and its workspace's rooms; a socket in both gets the event once. */
  toDocumentAndWorkspace(document: { id: string; workspaceId: string }): RoomEmitter;
  /**
   * Whether a socket of this process has the document open. Alone (no Redis), an emit to a
   * document nobody here has open reaches no one, and a notice can be skipped before it is
   * even encoded; with other processes their sockets may be in the room too.
   */
  hasLocalDocumentSockets(documentId: string): boolean;
}

/** Builds the broadcaster of one Socket.IO server. */
export function createBroadcaster(io: RealtimeServer): Broadcaster {
  return {
    toDocument: (documentId) => io.to(documentRoom(documentId)),
    toWorkspace: (workspaceId) => io.to(workspaceRoom(workspaceId)),
    toUser: (userId) => io.to(userRoom(userId)),
    toDocumentAndWorkspace: (document) =>
      io.to([documentRoom(document.id), workspaceRoom(document.workspaceId)]),
    hasLocalDocumentSockets: (documentId) =>
      (io.sockets.adapter.rooms.get(documentRoom(documentId))?.size ?? 0) > 0,
  };
}
