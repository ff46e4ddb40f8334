/**
 * Paths outside /api that are not page routes (other methods, plain HTTP to the collab and
 * other reserved prefixes) answer the API's JSON 404 rather than Express's HTML page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('unknown non-API paths', () => {
  it('answer with a JSON 404 not_found', async () => {
    const client = createApiClient(server.url);
    for (const [method, path] of [
      ['POST', '/anything'],
      ['PUT', '/some/page'],
      ['DELETE', '/workspaces/x'],
      ['GET', '/collab/x'],
      ['GET', '/collab'],
      ['POST', '/collab/x'],
    ] as const) {
      const res = await client.request({ method, path });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.error?.code).toBe('not_found');
      expect(typeof res.body.error?.message).toBe('string');
    }
  });
});
