/**
 * What every route group's router factory receives. Adding a dependency here makes it
 * available to all groups without touching their signatures.
 */
import type { RateLimitStoreFactory } from '../scaleout/rateLimitStore';
import type { RequestHandler } from 'express';
import type { CollabServer } from '../collab';
import type { Config, CreationBucket } from '../env';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { MailSender } from '../mail/mailSender';
import type { Broadcaster } from '../realtime/broadcaster';
import type { Storage } from '../storage/types';

/** The dependencies of a route group: `createXRouter(deps)`. */
export interface RouteDeps {
  config: Config;
  storage: Storage;
  logger: Logger;
  collab: CollabServer;
  /**
   * The domain event bus: commands emit after their writes (audit, broadcasts and access
   * re-checks of open connections subscribe; see `server/events/`).
   */
  events: EventBus;
  /** Typed Socket.IO emits to rooms, for features that broadcast from HTTP. */
  realtime: Broadcaster;
  /** E-mail the HTTP answer depends on (a document share's invitation: sent, or a link to copy). */
  mailer: MailSender;
  /**
   * One per-account limiter per kind of thing created (`createUserRateLimit`), shared by
   * every route that creates it (the admin's and the owners' invitations count together).
   */
  creationLimits: Record<CreationBucket, RequestHandler>;
  /** Stores of the HTTP rate limits shared by several processes (Redis); absent: in memory. */
  rateLimitStore?: RateLimitStoreFactory;
}
