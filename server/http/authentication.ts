/**
 * Who is calling. `createSessionLoader` resolves the session cookie once per API request
 * and keeps the result in `res.locals`; handlers read it with `getActor(res)` (throws 401
 * when nobody is signed in) or `findActor(res)`. `requireUser` / `requireAdmin` guard
 * whole routers or single routes.
 */
import type { NextFunction, Request, Response } from 'express';
import { resolveSession, type ResolvedSession } from '../auth/sessions';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Session, Storage, User } from '../storage/types';

interface AuthLocals {
  auth?: ResolvedSession | null;
}

function authOf(res: Response): ResolvedSession | null {
  return (res.locals as AuthLocals).auth ?? null;
}

/** Middleware: resolves the `clip_session` cookie into `res.locals.auth`. */
export function createSessionLoader(options: { storage: Storage }) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    (res.locals as AuthLocals).auth = await resolveSession({
      storage: options.storage,
      cookieHeader: req.headers.cookie,
    });
    next();
  };
}

/**
 * The signed-in user (the whole account; the policies' `Actor` is the part they read), or
 * null for an anonymous request.
 */
export function findActor(res: Response): User | null {
  return authOf(res)?.user ?? null;
}

/** The signed-in user; throws 401 `unauthenticated` when there is none. */
export function getActor(res: Response): User {
  const actor = findActor(res);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** The current session (for sign-out and "end my other sessions"), or null. */
export function findSession(res: Response): Session | null {
  return authOf(res)?.session ?? null;
}

/** Replaces the request's auth (after sign-in or registration within the same request). */
export function setAuth(res: Response, auth: ResolvedSession | null): void {
  (res.locals as AuthLocals).auth = auth;
}

/** Guard: 401 unless signed in. */
export function requireUser(_req: Request, res: Response, next: NextFunction): void {
  getActor(res);
  next();
}

/** Guard: 401 unless signed in, 403 unless a network admin. */
export function requireAdmin(_req: Request, res: Response, next: NextFunction): void {
  const actor = getActor(res);
  if (actor.role !== 'admin') throw new ForbiddenError('Only a network admin may do that.');
  next();
}
