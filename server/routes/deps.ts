/**
 * What every route group's router factory receives. Adding a dependency here makes it
 * available to all groups without touching their signatures.
 */
import type { RequestHandler } from 'express';
import type { CollabServer } from '../collab';
import type { Config, CreationBucket } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

/**
 * Re-checks every open collab and Socket.IO connection against storage now. A route calls
 * it right after a change that takes access away (sign-out, deactivation, removal, demotion,
 * archiving, …), so the change reaches open connections at once instead of at the next
 * periodic re-check, which stays as the safety net. Resolves once the check has run.
 * (It stands in for the domain events of issue 10 until they exist.)
 */
export type RecheckAccess = () => Promise<void>;

/** The dependencies of a route group: `createXRouter(deps)`. */
export interface RouteDeps {
  config: Config;
  storage: Storage;
  logger: Logger;
  collab: CollabServer;
  recheckAccess: RecheckAccess;
  /**
   * One per-account limiter per kind of thing created (`createUserRateLimit`), shared by
   * every route that creates it (the admin's and the owners' invitations count together).
   */
  creationLimits: Record<CreationBucket, RequestHandler>;
}
