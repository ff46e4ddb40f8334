/**
 * Who has which document open, keyed by socket so several tabs of one person count once and
 * closing one tab does not hide someone who still has another open. Pure and synchronous: the
 * Socket.IO layer feeds it events and broadcasts whatever changed.
 */
import type { PresenceUser } from '../../shared/realtime/events';

/** A document whose visible list of people may have changed. */
export interface PresenceChange {
  workspaceId: string;
  documentId: string;
}

interface OpenDocument {
  workspaceId: string;
  /** socket id → the person behind it */
  sockets: Map<string, PresenceUser>;
}

/** One tracker per server instance (no module-level state). */
export interface PresenceTracker {
  /** Records that `socketId` has the document open; returns whether the list changed. */
  open(input: {
    socketId: string;
    workspaceId: string;
    documentId: string;
    user: PresenceUser;
  }): boolean;
  /** Returns the change when the visible list changed (not when another tab still has it). */
  close(input: { socketId: string; documentId: string }): PresenceChange | null;
  /** Forgets a disconnected socket; returns every document whose list changed. */
  removeSocket(input: { socketId: string }): PresenceChange[];
  /** Distinct people with the document open, sorted by name. */
  usersOf(input: { documentId: string }): PresenceUser[];
  /** Every open document of a workspace with its people. */
  snapshotOf(input: { workspaceId: string }): Record<string, PresenceUser[]>;
  /** Number of documents a socket has open (to cap what one socket may hold). */
  countForSocket(input: { socketId: string }): number;
  /** The workspace of a document this socket has open, or null when it does not have it open. */
  workspaceOf(input: { socketId: string; documentId: string }): string | null;
}

/** Builds an empty tracker. */
export function createPresenceTracker(): PresenceTracker {
  const documents = new Map<string, OpenDocument>();
  const documentsBySocket = new Map<string, Set<string>>();

  const usersOf = ({ documentId }: { documentId: string }): PresenceUser[] => {
    const entry = documents.get(documentId);
    if (!entry) return [];
    const byId = new Map<string, PresenceUser>();
    for (const user of entry.sockets.values()) byId.set(user.id, { id: user.id, name: user.name });
    return [...byId.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
  };

  const close = ({
    socketId,
    documentId,
  }: {
    socketId: string;
    documentId: string;
  }): PresenceChange | null => {
    const entry = documents.get(documentId);
    const user = entry?.sockets.get(socketId);
    if (!entry || !user) return null;
    entry.sockets.delete(socketId);
    if (entry.sockets.size === 0) documents.delete(documentId);
    const open = documentsBySocket.get(socketId);
    open?.delete(documentId);
    if (open?.size === 0) documentsBySocket.delete(socketId);
    const isStillPresent = [...entry.sockets.values()].some((other) => other.id === user.id);
    if (isStillPresent) return null;
    return { workspaceId: entry.workspaceId, documentId };
  };

  return {
    open({ socketId, workspaceId, documentId, user }) {
      let entry = documents.get(documentId);
      if (!entry) {
        entry = { workspaceId, sockets: new Map() };
        documents.set(documentId, entry);
      }
      if (entry.sockets.has(socketId)) return false;
      const wasPresent = [...entry.sockets.values()].some((other) => other.id === user.id);
      entry.sockets.set(socketId, { id: user.id, name: user.name });
      let open = documentsBySocket.get(socketId);
      if (!open) {
        open = new Set();
        documentsBySocket.set(socketId, open);
      }
      open.add(documentId);
      return !wasPresent;
    },
    close,
    removeSocket({ socketId }) {
      const open = documentsBySocket.get(socketId);
      if (!open) return [];
      const changes: PresenceChange[] = [];
      for (const documentId of [...open]) {
        const change = close({ socketId, documentId });
        if (change) changes.push(change);
      }
      return changes;
    },
    usersOf,
    snapshotOf({ workspaceId }) {
      const snapshot: Record<string, PresenceUser[]> = {};
      for (const [documentId, entry] of documents) {
        if (entry.workspaceId === workspaceId) snapshot[documentId] = usersOf({ documentId });
      }
      return snapshot;
    },
    countForSocket({ socketId }) {
      return documentsBySocket.get(socketId)?.size ?? 0;
    },
    workspaceOf({ socketId, documentId }) {
      const entry = documents.get(documentId);
      return entry?.sockets.has(socketId) ? entry.workspaceId : null;
    },
  };
}
