/**
 * Soak: one writer connection floods a ~225 KB document with 400 six-byte sync step 1
 * requests (each asks for the whole document), as the security probe of issue 8 did. Prints
 * the answers and bytes the server sent back and the longest event-loop stall meanwhile.
 * Run: `npx tsx bench/syncStep1Flood.ts` (figures in docs/PERFORMANCE.md).
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { signCollabToken } from '../server/auth/collabToken';
import { createCollabServer } from '../server/collab';
import { loadConfig } from '../server/env';
import { createLogger } from '../server/logger';
import { openStorage } from '../server/storage';
import { EDITOR_FRAGMENT } from '../shared/editor/schema';
import { buildDocument, buildUser, buildWorkspace } from '../tests/helpers/factories';

const REQUESTS = 400;
const DOCUMENT_CHARS = 225_000;

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'clip-step1-flood-')),
    SESSION_SECRET: 'step1-flood-secret-0123456789abcdef-0123456789',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger(config);
  const storage = await openStorage({ config, logger });
  const collab = createCollabServer({ config, storage, logger });
  const httpServer = http.createServer();
  httpServer.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  const owner = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner });
  const document = await buildDocument(storage, { workspace, createdBy: owner });
  // Two log entries, so the document is not cold-opened (a cold open sends the stored state
  // once and answers later step 1 requests with only what that connection still lacks).
  const content = new Y.Doc();
  const updates: Uint8Array[] = [];
  content.on('update', (update: Uint8Array) => updates.push(update));
  const text = new Y.XmlText();
  content.getXmlFragment(EDITOR_FRAGMENT).insert(0, [text]);
  text.insert(0, 'x'.repeat(DOCUMENT_CHARS));
  await storage.appendDocUpdates({ documentId: document.id, updates });
  const { token } = signCollabToken({
    secret: config.sessionSecret,
    userId: owner.id,
    documentId: document.id,
    canWrite: true,
    ttlSeconds: 300,
  });

  const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${document.id}?token=${token}`);
  let answers = 0;
  let bytes = 0;
  let isCounting = false;
  ws.on('message', (data: Buffer) => {
    if (!isCounting || data[0] !== 0 || data[1] !== 1) return;
    answers += 1;
    bytes += data.byteLength;
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  await new Promise((resolve) => setTimeout(resolve, 500));

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  const request = encoding.toUint8Array(encoder);
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  isCounting = true;
  for (let index = 0; index < REQUESTS; index += 1) ws.send(request);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  stall.disable();
  const isOpen = ws.readyState === WebSocket.OPEN;
  ws.close();
  const code = await closed;

  console.info(
    JSON.stringify({
      requests: REQUESTS,
      requestBytes: request.byteLength,
      answersIn3s: answers,
      answeredMB: Number((bytes / 1e6).toFixed(2)),
      maxEventLoopStallMs: Number((stall.max / 1e6).toFixed(1)),
      connection: isOpen ? 'open' : `closed ${code}`,
    }),
  );
  httpServer.close();
  await collab.close();
  await storage.close();
}

await main();
