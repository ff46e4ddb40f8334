/** The built client is served with an SPA fallback; API, collab and socket paths never fall back. */
import { createMailSender } from '../../server/mail/mailSender';
import http from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createCollabServer } from '../../server/collab';
import { loadConfig } from '../../server/env';
import { createEventBus } from '../../server/events';
import { createLogger } from '../../server/logger';
import { createBroadcaster } from '../../server/realtime/broadcaster';
import type { RealtimeServer } from '../../server/realtime/types';
import { openStorage } from '../../server/storage';
import type { Storage } from '../../server/storage/types';
import { TEST_SESSION_SECRET } from '../helpers/server';

let dir: string;
let storage: Storage;
let httpServer: http.Server;
let url: string;
const unattachedIo: RealtimeServer = new Server();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clip-static-'));
  const clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(clientDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(path.join(clientDir, 'favicon.svg'), '<svg/>');
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: TEST_SESSION_SECRET,
  });
  const logger = createLogger(config);
  storage = await openStorage({ config, logger });
  const collab = createCollabServer({ config, storage, logger });
  httpServer = http.createServer(
    createApp({
      config,
      storage,
      logger,
      collab,
      events: createEventBus({ logger }),
      // A Socket.IO server bound to no HTTP server (nothing to close): /socket.io paths must 404 here.
      realtime: createBroadcaster(unattachedIo),
      mailer: createMailSender({ config: config.mail, logger }),
      clientDir,
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  httpServer.closeAllConnections();
  await new Promise((resolve) => httpServer.close(resolve));
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

it('serves index.html for page routes, revalidated on every load', async () => {
  for (const page of ['/', '/login', '/documents/abc', '/search']) {
    const res = await fetch(`${url}${page}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="root"');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  }
});

it('caches hashed assets for a year and other files not at all', async () => {
  const asset = await fetch(`${url}/assets/main-abc123.js`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const icon = await fetch(`${url}/favicon.svg`);
  expect(icon.headers.get('cache-control')).toBe('no-cache');
});

it('never answers API, collab or socket paths with the page', async () => {
  const api = await fetch(`${url}/api/unknown`);
  expect(api.status).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  for (const reserved of ['/collab/doc-1', '/socket.io/x']) {
    const res = await fetch(`${url}${reserved}`);
    expect(res.status).toBe(404);
  }
  const post = await fetch(`${url}/some/page`, { method: 'POST' });
  expect(post.status).toBe(404);
});
