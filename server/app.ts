/**
 * Builds the Express app from its dependencies (no module-level state, so several apps can
 * live in one process). Order matters: request id + logging → security headers → origin
 * check → /api (JSON body, session, routes, JSON 404) → public library → built client → JSON 404 → error
 * renderer.
 */
import type { RateLimitStoreFactory } from './scaleout/rateLimitStore';
import express from 'express';
import type { CollabServer } from './collab';
import type { Config } from './env';
import type { EventBus } from './events';
import { createSessionLoader } from './http/authentication';
import { apiNotFound, createErrorHandler, notFound } from './http/errorHandler';
import { createOriginCheck } from './http/originCheck';
import { createLibraryRouter } from './library/routes';
import { createRequestLogging } from './http/requestLogging';
import { createSecurityHeaders } from './http/securityHeaders';
import { createStaticClient } from './http/staticClient';
import type { Logger } from './logger';
import type { Broadcaster } from './realtime/broadcaster';
import type { MailSender } from './mail/mailSender';
import { mountApiRoutes } from './routes';
import { createHealthRouter } from './routes/health/health';
import type { Storage } from './storage/types';

/** Largest JSON body the API accepts; bigger ones get 413 `payload_too_large`. */
export const JSON_BODY_LIMIT = '1mb';

/** The whole HTTP app: API under /api, the built client elsewhere. */
export function createApp(options: {
  config: Config;
  storage: Storage;
  logger: Logger;
  collab: CollabServer;
  events: EventBus;
  realtime: Broadcaster;
  /** E-mail (invitations to a shared document); logs instead of sending without SMTP_URL. */
  mailer: MailSender;
  /** Where the built client lives; default `dist/client` (served only if it exists). */
  clientDir?: string;
  /** HTTP rate limits counted in Redis for several processes; default in memory. */
  rateLimitStore?: RateLimitStoreFactory;
}): express.Express {
  const { config, storage, logger, collab, events, realtime, mailer, rateLimitStore } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxyHops);

  app.use(createRequestLogging({ logger }));
  app.use(createSecurityHeaders({ config }));
  app.use(createOriginCheck({ config }));

  const api = express.Router();
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Health first: it must answer even when the session lookup (storage) is failing.
  api.use(createHealthRouter({ storage, logger }));
  api.use(createSessionLoader({ storage }));
  mountApiRoutes({
    api,
    deps: {
      config,
      storage,
      logger,
      collab,
      events,
      realtime,
      mailer,
      ...(rateLimitStore ? { rateLimitStore } : {}),
    },
  });
  api.use(apiNotFound);
  app.use('/api', api);

  // Server-rendered and public: before the client, whose SPA fallback would answer /library.
  app.use(createLibraryRouter({ storage, config }));

  const client = createStaticClient(options.clientDir ? { clientDir: options.clientDir } : {});
  if (client) app.use(client);
  app.use(notFound);

  app.use(createErrorHandler({ logger }));
  return app;
}
