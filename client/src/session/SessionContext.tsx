/**
 * Who is signed in, shared by every page: loaded once from `/api/auth/setup-status` and
 * `/api/auth/me`, updated after sign-in, registration and sign-out.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { UserDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { clearOfflineApiCache } from '../offline/offlineCache';

/** The session as pages see it. */
export interface Session {
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  needsSetup: boolean;
  /** Whether anyone may create an account without an invitation (an admin setting). */
  isOpenRegistration: boolean;
  user: UserDto | null;
  setUser: (user: UserDto | null) => void;
  reload: () => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function loadSession(): Promise<{
  needsSetup: boolean;
  isOpenRegistration: boolean;
  user: UserDto | null;
}> {
  const { needsSetup, isOpenRegistration } = await api.auth.setupStatus();
  if (needsSetup) return { needsSetup, isOpenRegistration, user: null };
  try {
    const { user } = await api.auth.me();
    return { needsSetup, isOpenRegistration, user };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return { needsSetup, isOpenRegistration, user: null };
    }
    throw error;
  }
}

/** Provides the session to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [error, setError] = useState<unknown>(undefined);
  const [needsSetup, setNeedsSetup] = useState(false);
  const [isOpenRegistration, setIsOpenRegistration] = useState(false);
  const [user, setUserState] = useState<UserDto | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The account the page last showed (undefined before the first load), to notice a change.
  const shownUserId = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    let isCurrent = true;
    loadSession().then(
      (loaded) => {
        if (!isCurrent) return;
        setNeedsSetup(loaded.needsSetup);
        setIsOpenRegistration(loaded.isOpenRegistration);
        setUserState(loaded.user);
        setStatus('ready');
      },
      (loadError: unknown) => {
        if (!isCurrent) return;
        setError(loadError);
        setStatus('error');
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [attempt]);

  // Another account signed in, or none: the answers cached for offline use were the last one's.
  useEffect(() => {
    if (status !== 'ready') return;
    const userId = user?.id ?? null;
    if (shownUserId.current !== undefined && shownUserId.current !== userId) {
      void clearOfflineApiCache();
    }
    shownUserId.current = userId;
  }, [status, user]);

  const setUser = useCallback((next: UserDto | null) => {
    setUserState(next);
    if (next) setNeedsSetup(false);
  }, []);
  const reload = useCallback(() => {
    setStatus('loading');
    setAttempt((value) => value + 1);
  }, []);
  const signOut = useCallback(async () => {
    // First, so that even a sign-out that cannot reach the server leaves nothing to read.
    await clearOfflineApiCache();
    await api.auth.logout();
    setUserState(null);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, error, needsSetup, isOpenRegistration, user, setUser, reload, signOut }),
    [status, error, needsSetup, isOpenRegistration, user, setUser, reload, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; throws when used outside `SessionProvider` (a wiring bug). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}

/** The signed-in user, for pages that are only rendered behind `RequireUser`. */
export function useCurrentUser(): UserDto {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
