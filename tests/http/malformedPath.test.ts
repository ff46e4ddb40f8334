/**
 * A path parameter with a malformed percent-encoding is the caller's mistake: 400
 * `malformed_path`, logged as a warning without a stack, never a 500 `internal_error`
 * (issue 8, item 5).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';

/** Levels pino writes as numbers: 50 is `error`. */
const ERROR_LEVEL = 50;

let server: TestServer;
const logged: Array<{ level: number; msg?: string; err?: unknown }> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line) logged.push(JSON.parse(line) as (typeof logged)[number]);
      }
      done();
    },
  });
  server = await startTestServer({}, { logger: pino({ level: 'info' }, sink) });
});

afterAll(async () => {
  await server.close();
});

const MALFORMED = [
  ['GET', '/api/documents/%E0%A4%A'],
  ['GET', '/api/users/%ff'],
  ['GET', '/api/workspaces/%ZZ/members'],
  ['PATCH', '/api/documents/%E0%A4%A'],
  ['POST', '/api/documents/%/restore'],
] as const;

describe('malformed percent-encoding in the path', () => {
  it('answers 400 malformed_path, signed in or not, and logs no error', async () => {
    const anonymous = createApiClient(server.url);
    const signedIn = (await signUpAdmin(createApiClient(server.url))).client;
    logged.length = 0;
    for (const client of [anonymous, signedIn]) {
      for (const [method, path] of MALFORMED) {
        const res = await client.request({ method, path });
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.body.error?.code, `${method} ${path}`).toBe('malformed_path');
        expect(typeof res.body.error?.message).toBe('string');
      }
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((entry) => entry.level >= ERROR_LEVEL)).toEqual([]);
    expect(logged.filter((entry) => entry.err !== undefined)).toEqual([]);
  });
});
