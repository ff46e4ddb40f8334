/**
 * In production the server never trusts the Host header (issue 8 item 8): it refuses to start
 * without PUBLIC_URL, and neither origin checks nor invitation links come from Host.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationDto } from '../../shared/api/entities';
import { ConfigError, loadConfig } from '../../server/env';
import { startTestServer, type TestServer } from '../helpers/server';

describe('starting in production', () => {
  it('refuses to start without PUBLIC_URL, listing it with every other problem', () => {
    const start = () =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PORT: 'many' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/PUBLIC_URL: required when NODE_ENV=production/);
    expect(start).toThrow(/PORT/);
  });

  it('starts with PUBLIC_URL, and without it outside production', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(40) };
    const production = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://clip.example.org/',
      ...secret,
    });
    expect(production.publicUrl).toBe('https://clip.example.org');
    expect(production.isHostHeaderTrusted).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', ...secret }).isHostHeaderTrusted).toBe(true);
  });
});

describe('a production server reached with a forged Host header', () => {
  const PUBLIC_URL = 'http://clip.example.org';
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'production', PUBLIC_URL });
  });
  afterAll(async () => {
    await server.close();
  });

  /** A raw HTTP request (fetch may not set Host) with the given Host and Origin. */
  function post(options: {
    path: string;
    host: string;
    origin: string;
    body: unknown;
    cookie?: string;
  }): Promise<{ status: number; body: string; setCookie: string[] }> {
    const { port } = new URL(server.url);
    const payload = JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: options.path,
          headers: {
            Host: options.host,
            Origin: options.origin,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(payload),
            ...(options.cookie ? { Cookie: options.cookie } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: text,
              setCookie: res.headers['set-cookie'] ?? [],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  it('refuses a state-changing request whose Origin only matches the forged Host', async () => {
    const res = await post({
      path: '/api/auth/register',
      host: 'evil.example',
      origin: 'http://evil.example',
      body: { name: 'Mallory', email: 'mallory@example.test', password: 'long-password-1' },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'origin_mismatch' } });
  });

  it('builds invitation links from PUBLIC_URL whatever Host says', async () => {
    const registered = await post({
      path: '/api/auth/register',
      host: 'evil.example',
      origin: PUBLIC_URL,
      body: { name: 'Network Admin', email: 'admin@example.test', password: 'long-password-1' },
    });
    expect(registered.status).toBe(201);
    const cookie = registered.setCookie.map((value) => value.split(';')[0]).join('; ');
    const invited = await post({
      path: '/api/invitations',
      host: 'evil.example',
      origin: PUBLIC_URL,
      cookie,
      body: { email: 'guest@example.test' },
    });
    expect(invited.status).toBe(201);
    const { invitation } = JSON.parse(invited.body) as { invitation: InvitationDto };
    expect(invitation.link).toMatch(/^http:\/\/clip\.example\.org\/invite\//);
  });
});
