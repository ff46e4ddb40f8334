/**
 * The editor's sync indicator. y-websocket has no acknowledgements, so "Saved" means:
 * connected, synced, and no local change in the last half second. Also reports whether
 * there are local edits the server may not have yet (for the close-tab warning).
 */
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What the indicator shows. */
export type SyncState = 'connecting' | 'saving' | 'saved' | 'offline';

const QUIET_MS = 500;

/** Follows provider and document events. */
export function useSyncState(input: { ydoc: Y.Doc; provider: WebsocketProvider; local: unknown }): {
  state: SyncState;
  hasUnsyncedEdits: boolean;
} {
  const { ydoc, provider, local } = input;
  const [isConnected, setIsConnected] = useState(provider.wsconnected);
  const [isSynced, setIsSynced] = useState(provider.synced);
  const [hasEverConnected, setHasEverConnected] = useState(provider.wsconnected);
  const [isDirty, setIsDirty] = useState(false);
  const [lastLocalChange, setLastLocalChange] = useState(0);

  useEffect(() => {
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      setIsConnected(status === 'connected');
      if (status === 'connected') setHasEverConnected(true);
      if (status !== 'connected') setIsSynced(false);
    };
    const onSync = (synced: boolean) => setIsSynced(synced);
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Changes from the server or from IndexedDB are not ours to send.
      if (origin === provider || origin === local) return;
      setIsDirty(true);
      setLastLocalChange(Date.now());
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    ydoc.on('update', onUpdate);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      ydoc.off('update', onUpdate);
    };
  }, [ydoc, provider, local]);

  useEffect(() => {
    if (!isDirty || !isConnected || !isSynced) return;
    const wait = Math.max(0, lastLocalChange + QUIET_MS - Date.now());
    const timer = window.setTimeout(() => setIsDirty(false), wait);
    return () => window.clearTimeout(timer);
  }, [isDirty, isConnected, isSynced, lastLocalChange]);

  let state: SyncState = 'saved';
  if (!isConnected) state = hasEverConnected || isDirty ? 'offline' : 'connecting';
  else if (!isSynced || isDirty) state = 'saving';
  return { state, hasUnsyncedEdits: isDirty };
}
