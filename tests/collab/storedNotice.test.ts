/**
 * `doc:stored` is a promise the server keeps across a crash: a writer makes 200 quick edits,
 * waits until `doc:stored` covers its own client id's clock, the server process is killed with
 * SIGKILL at once and restarted, and a fresh client (the writer never reconnects) has all 200.
 * Storage is the run's (SQLite, or MongoDB / its emulator when MONGODB_URI is set).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSession } from '../../server/auth/sessions';
import { createLogger } from '../../server/logger';
import { openStorage } from '../../server/storage';
import type { Storage } from '../../server/storage/types';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import type { DocStored } from '../../shared/realtime/events';
import { connected, openSocket } from '../realtime/helpers';
import {
  connectClient,
  makeDataDir,
  seedDocument,
  testConfig,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type Seeded,
} from './helpers';
import { spawnServer, type ServerProcess } from './serverProcess';

const { defer } = useCollabScope();

async function withStorage<T>(dataDir: string, use: (storage: Storage) => Promise<T>): Promise<T> {
  const config = testConfig(dataDir);
  const storage = await openStorage({ config, logger: createLogger(config) });
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer({ dataDir });
  defer(() => {
    if (server.child.exitCode === null && server.child.signalCode === null)
      server.child.kill('SIGKILL');
  });
  return server;
}

function connectWriter(server: ServerProcess, seeded: Seeded) {
  const client = connectClient({
    serverUrl: server.serverUrl,
    documentId: seeded.document.id,
    token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
  });
  defer(() => client.destroy());
  return client;
}

/** The clock `doc:stored` reports for one client id (0 when the vector does not name it). */
function storedClockOf(notice: DocStored, clientId: number): number {
  return Y.decodeStateVector(Buffer.from(notice.stateVector, 'base64')).get(clientId) ?? 0;
}

describe('doc:stored across a crash', () => {
  it('edits covered by doc:stored survive SIGKILL of the server; a fresh client has all 200', async () => {
    const dataDir = makeDataDir();
    const { seeded, cookie } = await withStorage(dataDir, async (storage) => {
      const seeded = await seedDocument(storage);
      const { token } = await startSession({ storage, userId: seeded.owner.id, ttlDays: 1 });
      return { seeded, cookie: `clip_session=${token}` };
    });
    const first = await start(dataDir);
    const writer = connectWriter(first, seeded);
    await waitSynced(writer);

    const socket = openSocket(`http://127.0.0.1:${first.port}`, { cookie });
    defer(() => socket.disconnect());
    const notices: DocStored[] = [];
    socket.on('doc:stored', (notice) => notices.push(notice));
    await connected(socket);
    const ack = await socket.emitWithAck('presence:open', { documentId: seeded.document.id });
    expect(ack).toEqual({ ok: true });
    // Answered once on open, for the state storage holds now.
    await waitFor(() => notices.length > 0, 'doc:stored after presence:open');
    expect(notices[0]!.documentId).toBe(seeded.document.id);

    const fragment = writer.ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const tokens = Array.from({ length: 200 }, (_, edit) => `<e${edit}>`);
    for (const token of tokens) fragment.insert(fragment.length, [new Y.XmlText(token)]);
    const ownClock = Y.getState(writer.ydoc.store, writer.ydoc.clientID);
    expect(storedClockOf(notices.at(-1)!, writer.ydoc.clientID)).toBeLessThan(ownClock);

    await waitFor(
      () => storedClockOf(notices.at(-1)!, writer.ydoc.clientID) >= ownClock,
      'doc:stored covers the writer',
      10_000,
    );
    first.child.kill('SIGKILL');
    // The writer never comes back: only what storage held can reach the fresh client.
    writer.destroy();
    await first.exited;

    const second = await start(dataDir);
    const fresh = connectWriter(second, seeded);
    await waitSynced(fresh);
    const text = fresh.ydoc.getXmlFragment(EDITOR_FRAGMENT).toString();
    expect(tokens.filter((token) => !text.includes(token))).toEqual([]);
  });
});
