/**
 * The Socket.IO connection of a signed-in person (cookie auth), shared by every page that
 * shows presence. Opened when someone signs in, closed when they sign out.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime/events';
import { useSession } from '../session/SessionContext';

/** The typed client socket. */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RealtimeContext = createContext<RealtimeSocket | null>(null);

/** Owns the socket for the signed-in user. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);

  useEffect(() => {
    if (!userId) return;
    const next: RealtimeSocket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
    setSocket(next);
    return () => {
      next.disconnect();
      setSocket(null);
    };
  }, [userId]);

  return <RealtimeContext.Provider value={socket}>{children}</RealtimeContext.Provider>;
}

/** The socket, or null while signed out or not yet created. */
export function useRealtimeSocket(): RealtimeSocket | null {
  return useContext(RealtimeContext);
}
