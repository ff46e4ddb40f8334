/** `/api/settings`: network-wide settings, read and changed by the network admin. */
import express, { type Router } from 'express';
import { UpdateSettingsBody } from '../../../shared/api/settings';
import { readNetworkSettings, updateNetworkSettings } from '../../commands/networkSettings';
import { getActor, requireAdmin } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import type { RouteDeps } from '../deps';

/** Router for `/api/settings`. */
export function createSettingsRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/settings', requireAdmin, async (_req, res) => {
    res.json({ settings: await readNetworkSettings({ storage }) });
  });

  router.patch('/settings', requireAdmin, async (req, res) => {
    const { body } = validate(req, { body: UpdateSettingsBody });
    const settings = await updateNetworkSettings({
      storage,
      actor: getActor(res),
      patch: body,
      ip: clientIp(req),
    });
    res.json({ settings });
  });

  return router;
}
