/**
 * The HTTP plumbing every route relies on: JSON errors, body limits, origin check,
 * request ids, security headers, health, and no internals in 500s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const client = createApiClient(server.url);
    const res = await client.post('/api/auth/login', '{"email": "a@b.c", ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('answers a body over 1 MB with 413 payload_too_large', async () => {
    const client = createApiClient(server.url);
    const res = await client.post('/api/auth/login', {
      email: 'a@b.c',
      password: 'x'.repeat(1_100_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
  });

  it('accepts a body just under the limit (then validates it)', async () => {
    const client = createApiClient(server.url);
    const res = await client.post('/api/auth/login', {
      email: 'a@b.c',
      password: 'x'.repeat(900_000),
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
  });

  it('rejects wrong types with 400 validation_failed and lists the issues', async () => {
    const client = createApiClient(server.url);
    const res = await client.post('/api/auth/register', {
      name: 42,
      email: 'not-an-email',
      password: 'short',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    const details = res.body.error?.details as { issues: { path: string }[] };
    expect(details.issues.map((issue) => issue.path).sort()).toEqual([
      'body.email',
      'body.name',
      'body.password',
    ]);
  });

  it('rejects NoSQL operator objects where strings are expected', async () => {
    const client = createApiClient(server.url);
    for (const body of [
      { email: { $gt: '' }, password: 'x' },
      { email: 'a@b.c', password: { $ne: null } },
      { email: ['a@b.c'], password: 'x' },
    ]) {
      const res = await client.post('/api/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
  });
});

describe('routing', () => {
  it('answers unknown /api routes with a JSON 404 not_found', async () => {
    const client = createApiClient(server.url);
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/auth/nope'],
      ['DELETE', '/api'],
    ] as const) {
      const res = await client.request({ method, path });
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('not_found');
      expect(res.headers.get('content-type')).toContain('application/json');
    }
  });
});

describe('origin check', () => {
  it('refuses a state-changing request from a foreign Origin with 403 origin_mismatch', async () => {
    const client = createApiClient(server.url);
    const res = await client.request({
      method: 'POST',
      path: '/api/auth/login',
      body: { email: 'a@b.c', password: 'whatever' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('origin_mismatch');
  });

  it('falls back to the Referer when there is no Origin, and rejects "null" origins', async () => {
    const withReferer = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Referer: 'https://evil.example/page' },
    });
    expect(withReferer.status).toBe(403);
    const nullOrigin = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Origin: 'null' },
    });
    expect(nullOrigin.status).toBe(403);
    const sameReferer = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Referer: `${server.url}/login` },
    });
    expect(sameReferer.status).toBe(204);
  });

  it('allows requests without Origin or Referer (non-browser clients) and safe methods from anywhere', async () => {
    const noOrigin = await fetch(`${server.url}/api/auth/logout`, { method: 'POST' });
    expect(noOrigin.status).toBe(204);
    const foreignGet = await fetch(`${server.url}/api/health`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreignGet.status).toBe(200);
  });

  it('allows PUBLIC_URL and ALLOWED_ORIGINS', async () => {
    const other = await startTestServer({
      PUBLIC_URL: 'https://clip.example.org',
      ALLOWED_ORIGINS: 'https://admin.example.org, http://localhost:5173',
    });
    try {
      for (const origin of [
        'https://clip.example.org',
        'http://localhost:5173',
        'https://admin.example.org',
      ]) {
        const res = await fetch(`${other.url}/api/auth/logout`, {
          method: 'POST',
          headers: { Origin: origin },
        });
        expect(res.status).toBe(204);
      }
      const foreign = await fetch(`${other.url}/api/auth/logout`, {
        method: 'POST',
        headers: { Origin: 'https://clip.example.org.evil.example' },
      });
      expect(foreign.status).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe('headers', () => {
  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const sane = await fetch(`${server.url}/api/health`, {
      headers: { 'X-Request-Id': 'abc-123.4' },
    });
    expect(sane.headers.get('x-request-id')).toBe('abc-123.4');
    const unsafe = await fetch(`${server.url}/api/health`, {
      headers: { 'X-Request-Id': 'bad id\twith spaces' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${server.url}/api/health`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a CSP that allows same-origin websockets and https images, and no X-Powered-By', async () => {
    const res = await fetch(`${server.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("img-src 'self' data: https:");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('health and failures', () => {
  // The engine this run configured: MongoDB when MONGODB_URI is set (tests/helpers/server.ts).
  const engine = process.env.MONGODB_URI ? 'mongo' : 'sqlite';

  it('reports ok with the storage engine', async () => {
    const res = await createApiClient(server.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', storage: engine });
  });

  it('reports 503 degraded when storage is down, and hides internals in 500s', async () => {
    const broken = await startTestServer();
    const client = createApiClient(broken.url);
    await signUpAdmin(client);
    await broken.storage.close();
    try {
      const health = await client.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'degraded', storage: engine });
      const me = await client.get('/api/auth/me');
      expect(me.status).toBeGreaterThanOrEqual(500);
      expect(me.body.error?.code).toMatch(/^(internal_error|storage_unavailable)$/);
      expect(me.body.error?.message).toBe('Something went wrong on our side.');
      expect(JSON.stringify(me.body)).not.toMatch(/at .*\.ts|sqlite|database/i);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
