/** `GET /api/audit`: the security audit log, newest first, for the network admin. */
import express, { type Router } from 'express';
import { ListAuditQuery } from '../../../shared/api/audit';
import { requireAdmin } from '../../http/authentication';
import { validate } from '../../http/validate';
import { presentAuditEvent } from '../../presenters/audit';
import type { RouteDeps } from '../deps';

/** Router for `/api/audit`. */
export function createAuditRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/audit', requireAdmin, async (req, res) => {
    const { query } = validate(req, { query: ListAuditQuery });
    const events = await storage.listAudit({
      limit: query.limit,
      ...(query.before ? { before: query.before } : {}),
      ...(query.action ? { action: query.action } : {}),
    });
    const last = events.at(-1);
    const nextBefore = events.length === query.limit && last ? last.at.toISOString() : null;
    res.json({ events: events.map(presentAuditEvent), nextBefore });
  });

  return router;
}
