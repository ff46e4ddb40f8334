/**
 * Builds the Express app from its dependencies (no module-level state).
 * (Placeholder: built in issue #2.)
 */
import express from 'express';
import type { CollabServer } from './collab';
import type { Config } from './env';
import type { Logger } from './logger';
import type { Storage } from './storage/types';

export function createApp(_options: {
  config: Config;
  storage: Storage;
  logger: Logger;
  collab: CollabServer;
}): express.Express {
  return express();
}
