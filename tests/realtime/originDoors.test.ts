/**
 * The HTTP API and the Socket.IO handshake accept the same origins (one `isAllowedOrigin`):
 * for each Origin, a state-changing HTTP request is refused with 403 `origin_mismatch`
 * exactly when a handshake is refused with `forbidden_origin`. ALLOWED_ORIGINS is written
 * with upper case and a trailing slash, which the two doors used to read differently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDSHAKE_ERRORS } from '../../shared/realtime/events';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectError, openSocket } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: 'http://Localhost:5173/' });
});

afterAll(async () => {
  await server.close();
});

/** Whether the HTTP door lets a state-changing request from `origin` through the origin check. */
async function httpAccepts(origin: string): Promise<boolean> {
  const res = await fetch(`${server.url}/api/workspaces`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Anything' }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  // Past the origin check, an anonymous caller is refused for not being signed in.
  if (res.status === 401) return true;
  expect(body.error?.code).toBe('origin_mismatch');
  return false;
}

/** Whether the Socket.IO door lets a handshake from `origin` through the origin check. */
async function socketAccepts(origin: string): Promise<boolean> {
  const socket = openSocket(server.url, { origin });
  try {
    // No cookie: past the origin check, the handshake is refused as unauthenticated.
    const message = await connectError(socket);
    expect([HANDSHAKE_ERRORS.unauthenticated, HANDSHAKE_ERRORS.forbiddenOrigin]).toContain(message);
    return message === HANDSHAKE_ERRORS.unauthenticated;
  } finally {
    socket.close();
  }
}

describe('the origin rule of both doors', () => {
  it.each([
    { origin: 'http://localhost:5173', isAllowed: true },
    { origin: 'http://LOCALHOST:5173', isAllowed: true },
    { origin: 'http://localhost:5174', isAllowed: false },
    { origin: 'https://evil.example', isAllowed: false },
    { origin: 'null', isAllowed: false },
  ])('treats $origin alike (allowed: $isAllowed)', async ({ origin, isAllowed }) => {
    expect(await httpAccepts(origin)).toBe(isAllowed);
    expect(await socketAccepts(origin)).toBe(isAllowed);
  });

  it('accepts the server’s own origin at both doors', async () => {
    expect(await httpAccepts(server.url)).toBe(true);
    expect(await socketAccepts(server.url)).toBe(true);
  });

  it('answers Socket.IO CORS by the same rule (a browser on an allowed origin can read it)', async () => {
    const corsFor = async (origin: string): Promise<string | null> => {
      const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
        headers: { Origin: origin },
      });
      await res.text();
      return res.headers.get('access-control-allow-origin');
    };
    expect(await corsFor('http://localhost:5173')).toBe('http://localhost:5173');
    expect(await corsFor('https://evil.example')).toBeNull();
  });
});
