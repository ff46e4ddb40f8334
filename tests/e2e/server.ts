/**
 * The real server for browser tests: like `startTestServer` (fresh SQLite in a temp dir,
 * port 0) but serving the client build made by the e2e global setup.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/env';
import { startServer, type RunningServer } from '../../server/server';
import { TEST_SESSION_SECRET } from '../helpers/server';

/** A running server with the built client and its own data dir. */
export interface E2eServer {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1:0 with the client from `inject('e2eClientDir')`. */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-e2e-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: TEST_SESSION_SECRET,
    AUTH_RATE_LIMIT: '10000',
  });
  const server = await startServer({ config, clientDir: inject('e2eClientDir') });
  return {
    url: server.url,
    server,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
