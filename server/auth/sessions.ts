/**
 * Server-side sessions. The browser holds a random 32-byte token in the httpOnly cookie
 * `clip_session`; the database holds only its SHA-256 (Session.id), so a leaked database
 * cannot be replayed as cookies. Independent of Express on purpose: Socket.IO handshakes
 * authenticate with `resolveSessionUser` from the raw Cookie header.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Config } from '../env';
import type { Session, Storage, User } from '../storage/types';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'clip_session';

const DAY_MS = 86_400_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex) of a cookie or invitation token: what the database stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh unguessable token (32 random bytes, base64url). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Reads the session token from a Cookie header; null when absent or not token-shaped. */
function readSessionToken(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  const token = parseCookie(cookieHeader)[SESSION_COOKIE];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return token;
}

/** Creates a session for `userId`; returns the raw token for the cookie. */
export async function startSession(options: {
  storage: Storage;
  userId: string;
  ttlDays: number;
  now?: Date;
}): Promise<{ token: string; session: Session }> {
  const token = generateToken();
  const now = options.now ?? new Date();
  const session = await options.storage.createSession({
    id: hashToken(token),
    userId: options.userId,
    expiresAt: new Date(now.getTime() + options.ttlDays * DAY_MS),
  });
  return { token, session };
}

/** The signed-in user behind a Cookie header, with their session. */
export interface ResolvedSession {
  user: User;
  session: Session;
}

/**
 * Finds the active session and user for a Cookie header, or null. An expired session is
 * deleted on the way; a deactivated user resolves to null (their sessions are ended on
 * deactivation anyway, this is belt and braces).
 */
export async function resolveSession(options: {
  storage: Storage;
  cookieHeader: string | undefined | null;
  now?: Date;
}): Promise<ResolvedSession | null> {
  const token = readSessionToken(options.cookieHeader);
  if (!token) return null;
  const { storage } = options;
  const session = await storage.getSession({ id: hashToken(token) });
  if (!session) return null;
  const now = options.now ?? new Date();
  if (session.expiresAt.getTime() <= now.getTime()) {
    await storage.deleteSession({ id: session.id });
    return null;
  }
  const user = await storage.getUserById({ id: session.userId });
  if (!user || !user.isActive) return null;
  return { user, session };
}

/** The active User behind a Cookie header, or null (used by Socket.IO's handshake). */
export async function resolveSessionUser(options: {
  storage: Storage;
  cookieHeader: string | undefined | null;
}): Promise<User | null> {
  const resolved = await resolveSession(options);
  return resolved?.user ?? null;
}

/** `Set-Cookie` value that stores the session token in the browser. */
export function sessionCookieHeader(options: {
  token: string;
  config: Pick<Config, 'sessionTtlDays'>;
  isSecure: boolean;
}): string {
  return stringifySetCookie(SESSION_COOKIE, options.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: '/',
    maxAge: options.config.sessionTtlDays * 86_400,
  });
}

/** `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookieHeader(options: { isSecure: boolean }): string {
  return stringifySetCookie(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: '/',
    maxAge: 0,
    expires: new Date(0),
  });
}
