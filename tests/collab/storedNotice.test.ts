/**
 * `doc:stored` is a promise the server keeps across a crash: a writer makes 200 quick edits,
 * waits until `doc:stored` covers its own client id's clock, the server process is killed with
 * SIGKILL at once and restarted, and a fresh client (the writer never reconnects) has all 200.
 * Killed before `doc:stored` covers them, the editor's rule (`coversClock`, what the pill
 * reads) still says "Saving…", and exactly the edits the notices had covered are sure to be
 * back. Storage is the run's (SQLite, or MongoDB / its emulator when MONGODB_URI is set).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSession } from '../../server/auth/sessions';
import { createLogger } from '../../server/logger';
import { openStorage } from '../../server/storage';
import type { Storage } from '../../server/storage/types';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import type { DocStored } from '../../shared/realtime/events';
import { coversClock, mergeStoredVectors } from '../../shared/realtime/storedVector';
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

/** What storage holds of the writer by the notices heard so far (merged, as the editor does). */
function storedVectorOf(notices: readonly DocStored[]): Map<number, number> | null {
  let merged: Map<number, number> | null = null;
  for (const notice of notices) {
    merged = mergeStoredVectors(
      merged,
      Y.decodeStateVector(Buffer.from(notice.stateVector, 'base64')),
    );
  }
  return merged;
}

/**
 * A server process on a fresh data dir with one document, a writer connected to it and a
 * Socket.IO socket that has the document open and records every `doc:stored`.
 */
async function crashWorld() {
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

  /** `count` quick edits (one XmlText each) after `from` earlier ones; the writer's clock after each. */
  const typeEdits = (count = 200, from = 0): { tokens: string[]; clocks: number[] } => {
    const fragment = writer.ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const tokens = Array.from({ length: count }, (_, edit) => `<e${from + edit}>`);
    const clocks = tokens.map((token) => {
      fragment.insert(fragment.length, [new Y.XmlText(token)]);
      return Y.getState(writer.ydoc.store, writer.ydoc.clientID);
    });
    return { tokens, clocks };
  };

  /** SIGKILL now; the writer never comes back; restarts and reads with a fresh client. */
  const killAndReadFresh = async (): Promise<string> => {
    first.child.kill('SIGKILL');
    writer.destroy();
    await first.exited;
    const second = await start(dataDir);
    const fresh = connectWriter(second, seeded);
    await waitSynced(fresh);
    return fresh.ydoc.getXmlFragment(EDITOR_FRAGMENT).toString();
  };

  return { writer, notices, typeEdits, killAndReadFresh };
}

describe('doc:stored across a crash', () => {
  it('edits covered by doc:stored survive SIGKILL of the server; a fresh client has all 200', async () => {
    const { writer, notices, typeEdits, killAndReadFresh } = await crashWorld();
    const { tokens } = typeEdits();
    const ownClock = Y.getState(writer.ydoc.store, writer.ydoc.clientID);
    expect(storedClockOf(notices.at(-1)!, writer.ydoc.clientID)).toBeLessThan(ownClock);

    await waitFor(
      () => storedClockOf(notices.at(-1)!, writer.ydoc.clientID) >= ownClock,
      'doc:stored covers the writer',
      10_000,
    );
    // The writer never comes back: only what storage held can reach the fresh client.
    const text = await killAndReadFresh();
    expect(tokens.filter((token) => !text.includes(token))).toEqual([]);
  });

  it('killed before doc:stored covers the edits: the pill says "Saving…", and every edit covered is back', async () => {
    const { writer, notices, typeEdits, killAndReadFresh } = await crashWorld();
    const { clientID } = writer.ydoc;
    // The first 100, and their notice: these are stored, and the editor knows it.
    const early = typeEdits(100);
    await waitFor(
      () => coversClock(storedVectorOf(notices), clientID, early.clocks.at(-1)!),
      'doc:stored covers the first 100',
      10_000,
    );
    // 100 more, and the kill goes out before any notice about them can be read: the editor's
    // pill shows "Saving…" at that moment (the rule `useSyncState` applies to the notices).
    const late = typeEdits(100, 100);
    const storedAtKill = storedVectorOf(notices);
    expect(coversClock(storedAtKill, clientID, late.clocks.at(-1)!)).toBe(false);
    const tokens = [...early.tokens, ...late.tokens];
    const clocks = [...early.clocks, ...late.clocks];
    const covered = tokens.filter((_, edit) => coversClock(storedAtKill, clientID, clocks[edit]!));
    expect(covered.length).toBeGreaterThanOrEqual(100);

    const text = await killAndReadFresh();
    // The promise holds edit by edit: what a notice covered is in storage; the rest was the
    // browser's to send again, and is gone with it.
    expect(covered.filter((token) => !text.includes(token))).toEqual([]);
    const back = tokens.filter((token) => text.includes(token));
    console.info(
      `doc:stored: killed while "Saving…": ${back.length}/200 edits in storage (${covered.length} covered by doc:stored at the kill)`,
    );
  });
});
