/**
 * Socket.IO on `/socket.io`: presence, and later comment threads and review sessions.
 * (Placeholder: built in issue #3.)
 */
import type http from 'node:http';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

export function attachRealtime(_options: {
  httpServer: http.Server;
  config: Config;
  storage: Storage;
  logger: Logger;
}): { close(): Promise<void> } {
  return { close: async () => {} };
}
