/**
 * One live editing session of a document: a Y.Doc kept in IndexedDB (so offline edits
 * survive a reload) and synced through the stock y-websocket provider with a short-lived
 * collab token that is refreshed before it expires and whenever the socket reconnects.
 *
 * Offline (no token can be had), the session opens anyway from IndexedDB with the write access
 * the last token gave, and connects when the network is back.
 *
 * Once open, the session is never torn down by the server: a refused or closed connection
 * keeps the Y.Doc (and so the editor and the person's text) and reports the close code; a busy
 * server (4429) is retried by itself with backoff, everything else waits for `retry`.
 */
import { useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../shared/closeCodes';
import { mergeStoredVectors } from '../../../shared/realtime/storedVector';
import type { CollabTokenDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { closeCodeForRefusedToken, closedSessionMessage, reconnectDelayMs } from './closedSession';
import { sendOwnAwarenessOnly } from './quietAwareness';
import { onServerReachedAgain, reportServerReached } from '../offline/useIsOnline';
import { lastKnownWriteAccess, rememberWriteAccess } from './writeAccessMemory';

/** How often, at most, typing rechecks whether the person may still write. */
const EDIT_RECHECK_MS = 5_000;

/** A ready session. */
export interface CollabSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** The IndexedDB copy: its updates are not local edits. */
  local: IndexeddbPersistence;
  /**
   * What the IndexedDB copy brought into this Y.Doc that it lacked (client id → end clock):
   * edits an earlier tab of this browser made, perhaps never stored. "Saved" waits until
   * `doc:stored` covers them too, not only this tab's own client id.
   */
  localCopyClocks: { readonly current: ReadonlyMap<number, number> };
  canWrite: boolean;
  /**
   * How many times write access changed since the session opened (a role change while the
   * document is open), so the page can reload the role it shows.
   */
  accessChanges: number;
}

/** Session plus the reason it could not start or why the server is not taking it now. */
export interface CollabSessionState {
  session: CollabSession | null;
  /** The session could not start at all (no collab token): nothing to show yet. */
  error: unknown;
  /**
   * The server closed or refused the connection (a close code from shared/, or the code a
   * refused token request stands for); null while connected or reconnecting normally.
   */
  closedCode: number | null;
  /** Reconnects now (keeping the session), or starts over when it never started. */
  retry: () => void;
}

/** The socket base URL: the server's answer, or this page's own origin (also when offline). */
function socketBase(token: CollabTokenDto | null): string {
  if (token?.serverUrl) return token.serverUrl;
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/collab`;
}

/** Opens the session for `documentId` as `userId`; tears everything down on unmount. */
export function useCollabSession(input: {
  documentId: string;
  userId: string;
}): CollabSessionState {
  const { documentId, userId } = input;
  const [attempt, setAttempt] = useState(0);
  // Set by the running effect: reconnects the open session without unmounting the editor.
  const reconnectNow = useRef<(() => void) | null>(null);
  // Results are tagged with the inputs they belong to, so a new document starts blank.
  const requestKey = `${userId}:${documentId}:${attempt}`;
  const [result, setResult] = useState<{
    requestKey: string;
    session: CollabSession | null;
    error: unknown;
    closedCode: number | null;
  } | null>(null);

  useEffect(() => {
    let isActive = true;
    const update = (patch: {
      session?: CollabSession;
      error?: unknown;
      closedCode?: number | null;
    }) =>
      setResult((previous) => ({
        ...(previous?.requestKey === requestKey
          ? previous
          : { requestKey, session: null, error: null, closedCode: null }),
        ...patch,
      }));
    let refreshTimer = 0;
    let reconnectTimer = 0;
    // Busy refusals in a row, for the backoff; reset once a connection syncs.
    let refusals = 0;
    let closedCode: number | null = null;
    let stopSendingOwnAwareness = () => {};
    let provider: WebsocketProvider | null = null;
    let canWrite = false;
    let accessChanges = 0;
    let lastCheckAt = 0;
    // Opened offline from IndexedDB: no socket yet, it opens with the first token.
    let isWaitingForFirstToken = false;
    const ydoc = new Y.Doc();
    const local = new IndexeddbPersistence(`clip:${userId}:${documentId}`, ydoc);
    // Listening before the copy loads (IndexedDB answers asynchronously), so none is missed.
    const localCopyClocks = { current: new Map<number, number>() };
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== local) return;
      localCopyClocks.current = mergeStoredVectors(
        localCopyClocks.current,
        Y.parseUpdateMeta(update).to,
      );
    });

    const scheduleRefresh = (token: CollabTokenDto) => {
      window.clearTimeout(refreshTimer);
      const lifetimeMs = new Date(token.expiresAt).getTime() - Date.now();
      // At least once a minute, so a changed role (read-only ⇄ writer) shows up soon.
      const delayMs = Math.min(60_000, Math.max(5_000, lifetimeMs / 2));
      refreshTimer = window.setTimeout(() => void refresh(), delayMs);
    };
    // Keeps `params.token` fresh so the provider's own reconnects always carry a valid token.
    const refresh = async (): Promise<boolean> => {
      lastCheckAt = Date.now();
      try {
        const token = await api.documents.collabToken(documentId);
        if (!isActive || !provider) return false;
        provider.params = { ...provider.params, token: token.token };
        rememberWriteAccess({ userId, documentId, canWrite: token.canWrite });
        scheduleRefresh(token);
        if (isWaitingForFirstToken) {
          // The session was opened offline with a guessed address: use the server's, connect.
          isWaitingForFirstToken = false;
          provider.serverUrl = socketBase(token);
          provider.roomname = token.room || documentId;
          provider.connect();
        }
        if (token.canWrite !== canWrite) {
          // The server already applies the new role to the open socket; make the editor match.
          canWrite = token.canWrite;
          accessChanges += 1;
          update({ session: { ydoc, provider, local, localCopyClocks, canWrite, accessChanges } });
        }
        return true;
      } catch (refreshError) {
        if (!isActive) return false;
        const refusedCode =
          refreshError instanceof ApiError ? closeCodeForRefusedToken(refreshError.status) : null;
        if (refusedCode !== null) {
          // Signed out or access gone: stop connecting and say why; the editor keeps the text
          // on screen and the edits stay in IndexedDB for later.
          provider?.disconnect();
          showClosed(refusedCode);
          return false;
        }
        // One retry chain only, however many callers asked for a refresh.
        window.clearTimeout(refreshTimer);
        refreshTimer = window.setTimeout(() => void refresh(), 10_000);
        return false;
      }
    };

    const waitsForReconnect = () =>
      closedCode !== null && closedSessionMessage(closedCode).retriesByItself;
    const showClosed = (code: number | null) => {
      if (code === closedCode) return;
      closedCode = code;
      update({ closedCode: code });
    };
    // A fresh token first: the old one may have expired while the server was busy.
    const reconnect = async () => {
      window.clearTimeout(reconnectTimer);
      if (!isActive || !provider) return;
      const isRefreshed = await refresh();
      // Meanwhile connected, or refused for a reason that needs the person (signed out).
      if (!isActive || !waitsForReconnect()) return;
      if (isRefreshed) provider.connect();
      else scheduleReconnect();
    };
    const scheduleReconnect = () => {
      window.clearTimeout(reconnectTimer);
      reconnectTimer = window.setTimeout(() => void reconnect(), reconnectDelayMs(refusals));
      refusals += 1;
    };
    reconnectNow.current = () => {
      if (closedCode === null) return;
      // Cleared first, so the button goes away; a new refusal shows the banner again.
      const retriedCode = closedCode;
      showClosed(null);
      void refresh().then((isRefreshed) => {
        if (isRefreshed && isActive) provider?.connect();
        else if (isActive && closedCode === null) showClosed(retriedCode);
      });
    };

    const start = async () => {
      let token: CollabTokenDto | null = null;
      try {
        token = await api.documents.collabToken(documentId);
      } catch (tokenError) {
        // Unreachable (offline): open the copy kept in IndexedDB now and connect once a token
        // comes; any other refusal is the page's error as before.
        if (!(tokenError instanceof ApiError && tokenError.status === 0)) throw tokenError;
      }
      if (!isActive) return;
      provider = new WebsocketProvider(socketBase(token), token?.room || documentId, ydoc, {
        params: token ? { token: token.token } : {},
        connect: token !== null,
        maxBackoffTime: 5_000,
      });
      const current = provider;
      stopSendingOwnAwareness = sendOwnAwarenessOnly(current);
      current.on('connection-close', () => void refresh());
      current.on('closed', (event) => {
        // 4401: the token expired while we were away; get a new one and carry on (a refused
        // token shows "signed out" through `refresh`).
        if (event.code === CLOSE_CODES.unauthenticated) {
          void refresh().then((isRefreshed) => {
            if (isRefreshed && isActive) current.connect();
          });
          return;
        }
        showClosed(event.code);
        if (closedSessionMessage(event.code).retriesByItself) scheduleReconnect();
      });
      current.on('status', ({ status }) => {
        if (status === 'connected') reportServerReached();
      });
      current.on('sync', (isSynced) => {
        if (!isSynced) return;
        refusals = 0;
        showClosed(null);
      });
      canWrite = token ? token.canWrite : lastKnownWriteAccess({ userId, documentId });
      update({
        session: { ydoc, provider: current, local, localCopyClocks, canWrite, accessChanges },
      });
      if (token) {
        rememberWriteAccess({ userId, documentId, canWrite: token.canWrite });
        scheduleRefresh(token);
      } else {
        // Tries again every few seconds (and at once on `online`); the first token connects.
        isWaitingForFirstToken = true;
        void refresh();
      }
    };

    // The browser knows first when the network goes: stop retrying, then resume when it returns.
    const onOffline = () => provider?.disconnect();
    const onOnline = () => {
      // A session the server ended for a reason that needs the person stays ended.
      if (!provider || (closedCode !== null && !waitsForReconnect())) return;
      // A session opened offline connects inside `refresh`, once it has its first token.
      void refresh().then(() => {
        if (!isWaitingForFirstToken) provider?.connect();
      });
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    const stopWatchingServer = onServerReachedAgain(onOnline);
    // The server makes a downgraded writer's socket read-only within seconds and drops its
    // edits silently (the protocol has no acknowledgements), while the editor stayed editable
    // and "Saved" until the next scheduled refresh, up to a minute. While someone types,
    // recheck the role every few seconds so the editor turns read-only soon after.
    const onLocalEdit = (_update: Uint8Array, origin: unknown) => {
      // Offline edits need no check now: the reconnect fetches a fresh token anyway.
      if (!provider?.wsconnected || origin === provider || origin === local || !canWrite) return;
      if (Date.now() - lastCheckAt < EDIT_RECHECK_MS) return;
      void refresh();
    };
    ydoc.on('update', onLocalEdit);

    start().catch((startError: unknown) => {
      if (isActive) update({ error: startError });
    });

    return () => {
      isActive = false;
      window.clearTimeout(refreshTimer);
      window.clearTimeout(reconnectTimer);
      reconnectNow.current = null;
      stopSendingOwnAwareness();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      stopWatchingServer();
      ydoc.off('update', onLocalEdit);
      provider?.destroy();
      void local.destroy();
      ydoc.destroy();
    };
  }, [documentId, userId, attempt, requestKey]);

  const current = result?.requestKey === requestKey ? result : null;
  return {
    session: current?.session ?? null,
    error: current?.error ?? null,
    closedCode: current?.closedCode ?? null,
    retry: () => {
      if (current?.session && reconnectNow.current) reconnectNow.current();
      else setAttempt((value) => value + 1);
    },
  };
}
