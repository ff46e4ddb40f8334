/**
 * The real server process: graceful shutdown on SIGTERM (clients get 1001, edits on disk,
 * exit 0; from the sources and as built for `npm start`) and crash recovery after SIGKILL in
 * the middle of a burst of edits (every edit is back in every client and in a fresh client,
 * via the log plus Yjs sync from the clients).
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { useServerEntries } from '../helpers/builtServer';
import {
  connectClient,
  makeDataDir,
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type Seeded,
  type TestClient,
} from './helpers';
import {
  addText,
  contentOf,
  spawnServer,
  storedText,
  withStorage,
  type ServerProcess,
} from './serverProcess';

const { defer } = useCollabScope();
const serverEntries = useServerEntries();

async function start(dataDir: string, port?: number, entry?: string): Promise<ServerProcess> {
  const server = await spawnServer({
    dataDir,
    ...(port ? { port } : {}),
    ...(entry ? { entry } : {}),
  });
  defer(() => {
    if (server.child.exitCode === null && server.child.signalCode === null)
      server.child.kill('SIGKILL');
  });
  return server;
}

function clientsFor(serverUrl: string, seeded: Seeded, count: number): TestClient[] {
  return Array.from({ length: count }, () => {
    const client = connectClient({
      serverUrl,
      documentId: seeded.document.id,
      token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
    });
    defer(() => client.destroy());
    return client;
  });
}

describe('collab server process', () => {
  it.each(serverEntries)(
    '$runs: on SIGTERM closes clients with 1001, flushes every document to disk and exits 0',
    async ({ entry }) => {
      const dataDir = makeDataDir();
      const seeded = await withStorage(dataDir, seedDocument);
      const builtEntry = await entry();
      const server = await start(dataDir, undefined, builtEntry);
      const clients = clientsFor(server.serverUrl, seeded, 3);
      await Promise.all(clients.map((client) => waitSynced(client)));
      clients.forEach((client, index) => {
        for (let edit = 0; edit < 20; edit++) addText(client, `c${index}e${edit};`, true);
      });
      const allTokens = clients.flatMap((_, index) =>
        Array.from({ length: 20 }, (_unused, edit) => `c${index}e${edit};`),
      );
      await waitFor(
        () =>
          clients.every(
            (client) =>
              contentOf(client.ydoc) === contentOf(clients[0]!.ydoc) &&
              allTokens.every((token) => contentOf(client.ydoc).includes(token)),
          ),
        'clients converge',
      );
      const expected = contentOf(clients[0]!.ydoc);

      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      await waitFor(
        () => clients.every((client) => client.closeCodes.includes(CLOSE_CODES.goingAway)),
        'clients got 1001',
      );
      clients.forEach((client) => client.provider.disconnect());

      expect(await storedText(dataDir, seeded.document.id)).toBe(expected);
      await withStorage(dataDir, async (storage) => {
        expect(await storage.countDocUpdates({ documentId: seeded.document.id })).toBe(0);
        expect((await storage.getDocument({ id: seeded.document.id }))?.lastEditorIds).toEqual([
          seeded.owner.id,
        ]);
      });

      // And the restarted server serves exactly that to a fresh client.
      const restarted = await start(dataDir, undefined, builtEntry);
      const fresh = clientsFor(restarted.serverUrl, seeded, 1)[0]!;
      await waitSynced(fresh);
      expect(contentOf(fresh.ydoc)).toBe(expected);
    },
  );

  it('after SIGKILL mid-burst and a restart, every edit is in every client and in a fresh client', async () => {
    const dataDir = makeDataDir();
    const seeded = await withStorage(dataDir, seedDocument);
    const first = await start(dataDir);
    const clients = clientsFor(first.serverUrl, seeded, 3);
    await Promise.all(clients.map((client) => waitSynced(client)));

    const editsPerClient = 150;
    const burst = Promise.all(
      clients.map(async (client, index) => {
        for (let edit = 0; edit < editsPerClient; edit++) {
          addText(client, `<c${index}e${edit}>`);
          await sleep(2);
        }
      }),
    );
    await sleep(120);
    first.child.kill('SIGKILL');
    await first.exited;
    const onDiskAtCrash = await storedText(dataDir, seeded.document.id);
    const second = await start(dataDir, first.port);
    await burst;

    const expectedTokens = clients.flatMap((_, index) =>
      Array.from({ length: editsPerClient }, (_unused, edit) => `<c${index}e${edit}>`),
    );
    await Promise.all(clients.map((client) => waitSynced(client, 10_000)));
    await waitFor(
      () => clients.every((client) => contentOf(client.ydoc) === contentOf(clients[0]!.ydoc)),
      'clients converge after restart',
      10_000,
    );
    for (const client of clients)
      expect(expectedTokens.filter((token) => !contentOf(client.ydoc).includes(token))).toEqual([]);

    const fresh = clientsFor(second.serverUrl, seeded, 1)[0]!;
    await waitSynced(fresh);
    await waitFor(
      () => contentOf(fresh.ydoc) === contentOf(clients[0]!.ydoc),
      'fresh client sees every edit',
      10_000,
    );
    const persistedAtCrash = expectedTokens.filter((token) => onDiskAtCrash.includes(token)).length;
    console.info(
      `crash recovery: ${persistedAtCrash}/${expectedTokens.length} edits were on disk at SIGKILL; the rest came back from the clients`,
    );
    expect(clients.flatMap((client) => client.closeCodes).filter((code) => code >= 4000)).toEqual(
      [],
    );
  });
});
