/**
 * Whether the server can be reached, as far as the page knows: the browser's own word
 * (`navigator.onLine` and its `online`/`offline` events) and what the page saw last. A
 * network that is "up" but leads nowhere (hotel Wi-Fi, a train, a test's emulated offline
 * after a reload) leaves `navigator.onLine` true; a request that failed with no answer says
 * otherwise, until a live answer or connection shows the server again. Actions that need the
 * server are held or disabled while this is false (docs/OFFLINE.md).
 */
import { useSyncExternalStore } from 'react';

let hasFailedToReachServer = false;
const listeners = new Set<() => void>();
const reachedListeners = new Set<() => void>();

function setFailed(hasFailed: boolean): void {
  if (hasFailed === hasFailedToReachServer) return;
  hasFailedToReachServer = hasFailed;
  for (const listener of listeners) listener();
  if (!hasFailed) for (const listener of reachedListeners) listener();
}

/**
 * Calls `listener` when the server answers again after a failure (e.g. Socket.IO reconnected),
 * which a browser that never thought it was offline announces with no `online` event.
 */
export function onServerReachedAgain(listener: () => void): () => void {
  reachedListeners.add(listener);
  return () => reachedListeners.delete(listener);
}

/** A request or connection got no answer at all (not an HTTP error: those are answers). */
export function reportServerUnreachable(): void {
  setFailed(true);
}

/** A live answer or connection came from the server (never a cached one). */
export function reportServerReached(): void {
  setFailed(false);
}

function subscribe(onChange: () => void): () => void {
  // The browser says the network is back: believe it until a request fails again.
  const onOnline = () => {
    setFailed(false);
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onChange);
  };
}

function isOnlineNow(): boolean {
  return navigator.onLine && !hasFailedToReachServer;
}

/** True unless the browser is offline or the server could not be reached last time. */
export function useIsOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnlineNow, () => true);
}
