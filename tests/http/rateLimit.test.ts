/** Sign-in and registration are rate limited per IP, per server instance. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDto } from '../../shared/api/entities';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';
import { expectStatus } from './workspaceWorld';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

it('answers the attempt after AUTH_RATE_LIMIT with 429 rate_limited, without touching another server', async () => {
  const limited = await startTestServer({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
  const other = await startTestServer({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
  servers.push(limited, other);
  const client = createApiClient(limited.url);
  const attempt = { email: 'someone@example.test', password: 'guess-guess' };

  for (let index = 0; index < 3; index += 1) {
    expect((await client.post('/api/auth/login', attempt)).status).toBe(401);
  }
  const blocked = await client.post('/api/auth/login', attempt);
  expect(blocked.status).toBe(429);
  expect(blocked.body.error?.code).toBe('rate_limited');
  expect(blocked.headers.get('ratelimit-policy')).toContain('3');

  // Registration shares the budget; other endpoints do not.
  const register = await client.post('/api/auth/register', {
    name: 'A',
    email: 'a@example.test',
    password: 'long-enough-1',
  });
  expect(register.status).toBe(429);
  expect((await client.get('/api/auth/setup-status')).status).toBe(200);

  const elsewhere = await createApiClient(other.url).post('/api/auth/login', attempt);
  expect(elsewhere.status).toBe(401);
});

describe('rate limit auditing', () => {
  it('audits a guessing attack once per window as auth.rate_limited, not once per request', async () => {
    const limited = await startTestServer({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
    try {
      const admin = await signUpAdmin(createApiClient(limited.url));
      const guesser = createApiClient(limited.url);
      const guess = { email: admin.email.toUpperCase(), password: 'wrong-guess-1' };
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push((await guesser.post('/api/auth/login', guess)).status);
      }
      expect(statuses).toEqual([401, 401, 429, 429, 429]);

      const res = await admin.client.get<{ events: AuditEventDto[] }>(
        '/api/audit?action=auth.rate_limited',
      );
      const events = expectStatus(res, 200).events;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: null, details: { path: '/auth/login' } });
    } finally {
      await limited.close();
    }
  });
});
