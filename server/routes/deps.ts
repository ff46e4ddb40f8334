/**
 * What every route group's router factory receives. Adding a dependency here makes it
 * available to all groups without touching their signatures.
 */
import type { CollabServer } from '../collab';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

/** The dependencies of a route group: `createXRouter(deps)`. */
export interface RouteDeps {
  config: Config;
  storage: Storage;
  logger: Logger;
  collab: CollabServer;
}
