/**
 * `GET /api/health`: liveness plus a storage round trip, for load balancers and `npm start` checks.
 * 200 `{ status: 'ok', storage }`, or 503 `{ status: 'degraded', storage }` when storage is down.
 */
import express, { type Router } from 'express';
import type { RouteDeps } from '../deps';

/** Router for the health probe. */
export function createHealthRouter(deps: Pick<RouteDeps, 'storage' | 'logger'>): Router {
  const router = express.Router();
  router.get('/health', async (_req, res) => {
    const { storage } = deps;
    try {
      await storage.ping();
      res.json({ status: 'ok', storage: storage.engine });
    } catch (error) {
      deps.logger.warn({ err: error }, 'health check: storage ping failed');
      res.status(503).json({ status: 'degraded', storage: storage.engine });
    }
  });
  return router;
}
