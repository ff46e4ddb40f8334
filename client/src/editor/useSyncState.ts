/**
 * The editor's sync indicator. y-websocket has no acknowledgements; the server's `doc:stored`
 * notices (Socket.IO) say what storage holds, so "Saved" means: connected, synced, and the
 * stored state vector covers this browser's own client id's clock and the clocks its IndexedDB
 * copy brought back (edits of earlier tabs), i.e. every edit made in this browser is durable
 * on the server (docs/COLLAB.md, "What 'Saved' means"). Until then "Saving…", and
 * `hasUnstoredEdits` keeps the close-tab warning up.
 */
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { coversClock, coversVector } from '../../../shared/realtime/storedVector';
import { useIsOnline } from '../offline/useIsOnline';

/** What the indicator shows. */
export type SyncState = 'connecting' | 'saving' | 'saved' | 'offline';

/** This browser's clock: how many structs this Y.Doc's own client id has made. */
const ownClockOf = (ydoc: Y.Doc): number => Y.getState(ydoc.store, ydoc.clientID);

/** Follows provider and document events and the stored state vector. */
export function useSyncState(input: {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** What the IndexedDB copy brought back (`CollabSession.localCopyClocks`). */
  localCopyClocks: { readonly current: ReadonlyMap<number, number> };
  /** The latest `doc:stored` vector (`useStoredStateVector`), null until one arrived. */
  stored: ReadonlyMap<number, number> | null;
}): {
  state: SyncState;
  /** Edits made here that storage does not hold yet (the close-tab warning stays up). */
  hasUnstoredEdits: boolean;
} {
  const { ydoc, provider, localCopyClocks, stored } = input;
  const [isConnected, setIsConnected] = useState(provider.wsconnected);
  const [isSynced, setIsSynced] = useState(provider.synced);
  const [hasEverConnected, setHasEverConnected] = useState(provider.wsconnected);
  // Bumped by each edit of this browser (typed here or loaded from IndexedDB) so the clocks
  // below are read again (reading them is O(1) and O(clients)).
  const [, setLocalEdits] = useState(0);
  // A page opened offline never connected: it is offline, not still connecting.
  const isOnline = useIsOnline();

  useEffect(() => {
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      setIsConnected(status === 'connected');
      if (status === 'connected') setHasEverConnected(true);
      if (status !== 'connected') setIsSynced(false);
    };
    const onSync = (synced: boolean) => setIsSynced(synced);
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Changes from the server carry other people's structs: nothing of this browser's. The
      // IndexedDB copy's do count (read through `localCopyClocks`).
      if (origin === provider) return;
      setLocalEdits((count) => count + 1);
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    ydoc.on('update', onUpdate);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      ydoc.off('update', onUpdate);
    };
  }, [ydoc, provider]);

  const ownClock = ownClockOf(ydoc);
  // No edit made here yet is trivially stored; otherwise only the server's word counts, for
  // this tab's edits and for those an earlier tab left in IndexedDB.
  const isStored =
    coversClock(stored, ydoc.clientID, ownClock) && coversVector(stored, localCopyClocks.current);

  let state: SyncState = 'saved';
  if (!isConnected) state = !isOnline || hasEverConnected || !isStored ? 'offline' : 'connecting';
  else if (!isSynced || !isStored) state = 'saving';
  return { state, hasUnstoredEdits: !isStored };
}
