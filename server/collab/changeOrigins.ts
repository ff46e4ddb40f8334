/**
 * The Yjs transaction origins of a live document's changes, and how the hooks see them
 * (`ChangeOrigin`): a connection's, the server's own, another process's, the load's.
 */
import type { ChangeOrigin } from './hooks';

/** Yjs transaction origin of changes made by the server itself (templates, version restore). */
export const SERVER_ORIGIN = Symbol('collab-server');
/** Yjs transaction origin of changes relayed from another server process (stored there). */
export const RELAY_ORIGIN = Symbol('collab-relay');
/**
 * Yjs transaction origin of a suggest-only update that was refused: applied only to be
 * reverted at once (see `applySuggestOnlyUpdate`); a server change for the hooks, never
 * recorded as anyone's suggestion.
 */
export const REFUSED_ORIGIN = Symbol('collab-refused');
/** Yjs transaction origin of the initial load: neither persisted again nor broadcast. */
export const LOAD_ORIGIN = Symbol('collab-load');

/** The Yjs transaction origin of a server-chosen change origin. */
export const ORIGIN_SYMBOLS = { server: SERVER_ORIGIN, relay: RELAY_ORIGIN } as const;

/** Maps a Yjs transaction origin to the hooks' typed origin (any connection object is a peer). */
export function changeOriginOf(origin: unknown): ChangeOrigin {
  if (origin === LOAD_ORIGIN) return 'load';
  if (origin === RELAY_ORIGIN) return 'relay';
  if (typeof origin === 'object' && origin !== null) return 'peer';
  return 'server';
}
