/**
 * Child process running OUR server exactly as production does (startServer: SQLite under a
 * temp DATA_DIR, persistence, auth, derived data), configured by the coordinator through the
 * environment. It also seeds accounts and documents through the storage port on request.
 */
import * as Y from 'yjs';
import { startSession } from '../server/auth/sessions';
import { EDITOR_FRAGMENT } from '../shared/editor/schema';
import { loadConfig } from '../server/env';
import { tuneHeapForManyDocuments } from '../server/heapTuning';
import { createLogger } from '../server/logger';
import { startServer, type RunningServer } from '../server/server';
import { openStorage } from '../server/storage';
import { ablatedStorage, ablatedTuning, parseAblations } from './ablation';
import type { LargeDocumentAnswer, SeedAnswer } from './ipc';
import { serveServerChild } from './serverChild';

async function seed(input: {
  server: RunningServer;
  users: number;
  documents: number;
}): Promise<SeedAnswer> {
  const { storage } = input.server;
  const userIds: string[] = [];
  for (let i = 0; i < input.users; i += 1) {
    const user = await storage.createUser({
      name: `Bench user ${i}`,
      email: `bench-${i}-${Date.now()}@example.org`,
      role: 'member',
      passwordHash: 'bench-accounts-never-sign-in',
    });
    userIds.push(user.id);
  }
  const owner = userIds[0];
  if (owner === undefined) throw new Error('seed needs at least one user');
  const workspace = await storage.createWorkspace({ name: 'Benchmark', createdById: owner });
  for (const userId of userIds) {
    await storage.addMembership({
      workspaceId: workspace.id,
      userId,
      role: userId === owner ? 'owner' : 'editor',
    });
  }
  const documentIds: string[] = [];
  for (let i = 0; i < input.documents; i += 1) {
    const document = await storage.createDocument({
      workspaceId: workspace.id,
      title: `Benchmark document ${i}`,
      kind: 'note',
      createdById: owner,
    });
    documentIds.push(document.id);
  }
  return { userIds, documentIds };
}

/**
 * One account with a live session, owning a workspace with one document whose derived plain
 * text is `textChars` long (the largest a document row gets): what the Socket.IO flood soak
 * aims at, since every access check used to read the whole row.
 */
async function seedLargeDocument(input: {
  server: RunningServer;
  textChars: number;
}): Promise<LargeDocumentAnswer> {
  const { storage, config } = input.server;
  const user = await storage.createUser({
    name: 'Flood soak',
    email: `flood-${Date.now()}@example.org`,
    role: 'member',
    passwordHash: 'soak-accounts-never-sign-in',
  });
  const { token } = await startSession({
    storage,
    userId: user.id,
    ttlDays: config.sessionTtlDays,
  });
  const workspace = await storage.createWorkspace({ name: 'Flood soak', createdById: user.id });
  await storage.addMembership({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
  const document = await storage.createDocument({
    workspaceId: workspace.id,
    title: 'A very long document',
    kind: 'note',
    createdById: user.id,
  });
  const words = 'integration housing city policy review ';
  const plainText = words
    .repeat(Math.ceil(input.textChars / words.length))
    .slice(0, input.textChars);
  await storage.updateDocument({ id: document.id, patch: { plainText } });
  return { cookie: `clip_session=${token}`, workspaceId: workspace.id, documentId: document.id };
}

/**
 * Writes a history of `edits` small edits (typing one character, sometimes deleting one) to
 * the document's update log, one log entry per edit, as a long editing life would leave it
 * without compaction.
 */
async function seedHistory(input: { server: RunningServer; documentId: string; edits: number }) {
  const startedAt = performance.now();
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  let pending: Uint8Array[] = [];
  let bytes = 0;
  doc.on('update', (update: Uint8Array) => {
    pending.push(update);
    bytes += update.byteLength;
  });
  paragraph.insert(0, [text]);
  doc.getXmlFragment(EDITOR_FRAGMENT).push([paragraph]);
  let cursor = 0;
  let state = 12345;
  const letters = 'abcdefghijklmnopqrstuvwxyz ';
  for (let i = 1; i < input.edits; i += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    if (state % 10 === 0 && cursor > 0) {
      text.delete(cursor - 1, 1);
      cursor -= 1;
    } else {
      if (state % 97 === 0) cursor = state % (text.length + 1);
      text.insert(cursor, letters[state % letters.length] as string);
      cursor += 1;
    }
    if (pending.length >= 5000) {
      await input.server.storage.appendDocUpdates({
        documentId: input.documentId,
        updates: pending,
      });
      pending = [];
    }
  }
  if (pending.length > 0) {
    await input.server.storage.appendDocUpdates({ documentId: input.documentId, updates: pending });
  }
  return { edits: input.edits, bytes, textLength: text.length, ms: performance.now() - startedAt };
}

async function main(): Promise<void> {
  tuneHeapForManyDocuments(); // as server/main.ts does
  const config = loadConfig(process.env);
  const ablations = parseAblations(process.env.BENCH_WITHOUT);
  const logger = createLogger(config);
  const server = await startServer({
    config,
    logger,
    storage: ablatedStorage(await openStorage({ config, logger }), ablations),
    tuning: ablatedTuning(ablations),
  });
  serveServerChild({
    name: 'ours',
    beforeStop: () => server.close(),
    handle: (request) => {
      switch (request.type) {
        case 'seed':
          return seed({ server, users: request.users, documents: request.documents });
        case 'seedHistory':
          return seedHistory({ server, documentId: request.documentId, edits: request.edits });
        case 'seedLargeDocument':
          return seedLargeDocument({ server, textChars: request.textChars });
        case 'countUpdates':
          return server.storage
            .countDocUpdates({ documentId: request.documentId })
            .then((count) => ({ count }));
        default:
          return undefined;
      }
    },
  });
  process.send?.({ ready: true, port: server.port });
}

void main();
