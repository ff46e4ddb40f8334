/**
 * `/api/users/*`: the network admin's account management (list, deactivate, reactivate,
 * change role and organisation); members may rename themselves via PATCH.
 */
import express, { type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import { UpdateUserBody } from '../../../shared/api/users';
import { setUserActive } from '../../commands/setUserActive';
import { updateUserProfile } from '../../commands/updateUserProfile';
import { getActor, requireAdmin, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { presentUser } from '../../presenters/users';
import type { RouteDeps } from '../deps';

/** Router for `/api/users/*`. */
export function createUsersRouter(deps: Pick<RouteDeps, 'storage' | 'events'>): Router {
  const { storage, events } = deps;
  const router = express.Router();

  router.get('/users', requireAdmin, async (_req, res) => {
    const users = await storage.listUsers({});
    const byName = [...users].sort((a, b) => a.name.localeCompare(b.name));
    res.json({ users: byName.map(presentUser) });
  });

  router.patch('/users/:id', requireUser, async (req, res) => {
    const { params, body } = validate(req, { params: IdParams, body: UpdateUserBody });
    const user = await updateUserProfile({
      storage,
      events,
      actor: getActor(res),
      userId: params.id,
      patch: body,
      ip: clientIp(req),
    });
    res.json({ user: presentUser(user) });
  });

  for (const [action, isActive] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`/users/:id/${action}`, requireAdmin, async (req, res) => {
      const { params } = validate(req, { params: IdParams });
      const { user } = await setUserActive({
        storage,
        events,
        actor: getActor(res),
        userId: params.id,
        isActive,
        ip: clientIp(req),
      });
      res.json({ user: presentUser(user) });
    });
  }

  return router;
}
