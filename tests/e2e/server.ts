/**
 * The real server for browser tests: `startTestServer` (fresh SQLite in a temp dir, port 0)
 * serving the client build made by the e2e global setup.
 */
import { inject } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/** A running server with the built client and its own data dir. */
export type E2eServer = TestServer;

/** Starts the server on 127.0.0.1:0 with the client from `inject('e2eClientDir')`. */
export function startE2eServer(): Promise<E2eServer> {
  return startTestServer({}, { clientDir: inject('e2eClientDir') });
}
