/**
 * `/api/auth/*`: registration, sign-in/out, the current user, first-run setup status and
 * password change. Sign-in, registration and password change are rate limited per IP.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ChangePasswordBody, LoginBody, RegisterBody } from '../../../shared/api/auth';
import { clearedSessionCookieHeader, sessionCookieHeader, startSession } from '../../auth/sessions';
import { authenticateUser, createDecoy } from '../../commands/authenticateUser';
import { changePassword } from '../../commands/changePassword';
import { readNetworkSettings } from '../../commands/networkSettings';
import { recordAudit } from '../../commands/recordAudit';
import { registerUser } from '../../commands/registerUser';
import { findActor, findSession, getActor, requireUser, setAuth } from '../../http/authentication';
import { createAuthRateLimit } from '../../http/rateLimit';
import { clientIp, isSecureRequest } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { presentUser } from '../../presenters/users';
import type { User } from '../../storage/types';
import type { RouteDeps } from '../deps';

/** Runs async tasks one after another (per router instance, never module-wide). */
function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Router for `/api/auth/*`. */
export function createAuthRouter(
  deps: Pick<RouteDeps, 'config' | 'storage' | 'events' | 'rateLimitStore'>,
): Router {
  const { config, storage, events, rateLimitStore } = deps;
  const router = express.Router();
  const limitAttempts = createAuthRateLimit({
    config,
    ...(rateLimitStore ? { store: rateLimitStore('auth') } : {}),
    // Someone guessing passwords from one address shows up in the audit log, once per window.
    onLimited: async (req) => {
      await recordAudit({
        storage,
        actor: req.res ? findActor(req.res) : null,
        action: 'auth.rate_limited',
        details: { path: req.path },
        ip: clientIp(req),
      });
    },
  });
  const decoyHash = createDecoy();
  const inRegistrationOrder = createSerialQueue();

  /** Starts a session for `user` and sets the cookie on `res`. */
  async function signIn(req: Request, res: Response, user: User): Promise<void> {
    const { token, session } = await startSession({
      storage,
      userId: user.id,
      ttlDays: config.sessionTtlDays,
    });
    res.append(
      'Set-Cookie',
      sessionCookieHeader({ token, config, isSecure: isSecureRequest(req, config) }),
    );
    setAuth(res, { user, session });
  }

  router.get('/auth/setup-status', async (_req, res) => {
    const [userCount, settings] = await Promise.all([
      storage.countUsers(),
      readNetworkSettings({ storage }),
    ]);
    res.json({ needsSetup: userCount === 0, isOpenRegistration: settings.openRegistration });
  });

  router.post('/auth/register', limitAttempts, async (req, res) => {
    const { body } = validate(req, { body: RegisterBody });
    // One registration at a time per server, so two first sign-ups cannot both become admin.
    const { user } = await inRegistrationOrder(() =>
      registerUser({
        storage,
        name: body.name,
        email: body.email,
        password: body.password,
        ...(body.inviteToken ? { inviteToken: body.inviteToken } : {}),
        ip: clientIp(req),
      }),
    );
    await signIn(req, res, user);
    res.status(201).json({ user: presentUser(user) });
  });

  router.post('/auth/login', limitAttempts, async (req, res) => {
    const { body } = validate(req, { body: LoginBody });
    const user = await authenticateUser({
      storage,
      email: body.email,
      password: body.password,
      decoyHash,
      ip: clientIp(req),
    });
    // A sign-in replaces any session this browser had.
    const previous = findSession(res);
    if (previous) {
      await storage.deleteSession({ id: previous.id });
      // Connections opened under the replaced sign-in end with it.
      await events.emit('session.ended', {
        userId: previous.userId,
        reason: 'replaced_by_sign_in',
      });
    }
    await signIn(req, res, user);
    res.json({ user: presentUser(user) });
  });

  router.post('/auth/logout', async (req, res) => {
    const session = findSession(res);
    const actor = findActor(res);
    if (session) {
      await storage.deleteSession({ id: session.id });
      // Open collab and Socket.IO connections of this sign-in close now (4401), not at the next poll.
      await events.emit('session.ended', { userId: session.userId, reason: 'sign_out' });
    }
    if (actor) {
      await recordAudit({
        storage,
        actor,
        action: 'auth.logout',
        target: { type: 'user', id: actor.id },
        ip: clientIp(req),
      });
    }
    setAuth(res, null);
    res.append(
      'Set-Cookie',
      clearedSessionCookieHeader({ isSecure: isSecureRequest(req, config) }),
    );
    res.status(204).end();
  });

  router.get('/auth/me', requireUser, (_req, res) => {
    res.json({ user: presentUser(getActor(res)) });
  });

  router.post('/auth/password', requireUser, limitAttempts, async (req, res) => {
    const { body } = validate(req, { body: ChangePasswordBody });
    const { endedSessions } = await changePassword({
      storage,
      actor: getActor(res),
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      currentSessionId: findSession(res)?.id ?? null,
      ip: clientIp(req),
    });
    // The other sessions' open connections close now.
    if (endedSessions > 0)
      await events.emit('session.ended', { userId: getActor(res).id, reason: 'password_changed' });
    res.status(204).end();
  });

  return router;
}
