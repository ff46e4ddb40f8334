/**
 * The Socket.IO connection of a signed-in person (cookie auth), shared by every page that
 * shows presence. Opened when someone signs in, closed when they sign out.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime/events';
import { reportServerReached, reportServerUnreachable } from '../offline/useIsOnline';
import { useSession } from '../session/SessionContext';

/** The typed client socket. */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RealtimeContext = createContext<RealtimeSocket | null>(null);

/** Owns the socket for the signed-in user. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  // Created without connecting (no side effect during render); the effect connects it.
  const socket = useMemo<RealtimeSocket | null>(
    () =>
      userId
        ? io({
            path: '/socket.io',
            withCredentials: true,
            autoConnect: false,
            forceNew: true,
            transports: ['websocket', 'polling'],
          })
        : null,
    [userId],
  );

  useEffect(() => {
    if (!socket) return;
    // The socket is the page's steady line to the server: it says first when it comes and goes.
    const onDisconnect = (reason: string) => {
      if (reason === 'transport close' || reason === 'transport error' || reason === 'ping timeout')
        reportServerUnreachable();
    };
    socket.on('connect', reportServerReached);
    socket.on('disconnect', onDisconnect);
    socket.connect();
    return () => {
      socket.off('connect', reportServerReached);
      socket.off('disconnect', onDisconnect);
      socket.disconnect();
    };
  }, [socket]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The socket, or null while signed out or not yet created. */
export function useRealtimeSocket(): RealtimeSocket | null {
  return useContext(RealtimeContext);
}
