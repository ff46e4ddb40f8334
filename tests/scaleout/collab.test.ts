/**
 * Scale-out of the collab endpoint, with real processes: 2–3 `server/main.ts` processes on
 * one SQLite data dir and one real `redis-server`, stock WebsocketProvider clients on
 * different processes (directly, or through a round-robin TCP balancer with no stickiness).
 * Skipped with one line when `redis-server` is not on PATH.
 */
import { describe, expect, it } from 'vitest';
import { sleep, useCollabScope, waitFor, waitSynced, type TestClient } from '../collab/helpers';
import { addText, contentOf, storedText, withStorage } from '../collab/serverProcess';
import { startCluster, stopGracefully, type Cluster } from './cluster';
import { hasRedisServer } from './redisServer';

const { defer } = useCollabScope();

async function cluster(processes: number): Promise<Cluster> {
  const started = await startCluster({ processes });
  defer(() => started.close());
  return started;
}

/** Each client adds `count` tokens `<name><i>`, `gapMs` apart; resolves with every token. */
async function burst(
  clients: readonly TestClient[],
  count: number,
  gapMs: number,
): Promise<string[]> {
  await Promise.all(
    clients.map(async (client, index) => {
      for (let edit = 0; edit < count; edit++) {
        addText(client, `<c${index}e${edit}>`);
        await sleep(gapMs);
      }
    }),
  );
  return clients.flatMap((_, index) =>
    Array.from({ length: count }, (_unused, edit) => `<c${index}e${edit}>`),
  );
}

/** Missing tokens per client (all empty when every client has every edit). */
function missing(clients: readonly TestClient[], tokens: readonly string[]): string[][] {
  return clients.map((client) => tokens.filter((token) => !contentOf(client.ydoc).includes(token)));
}

function converged(clients: readonly TestClient[], tokens: readonly string[]): boolean {
  const first = contentOf(clients[0]!.ydoc);
  return clients.every(
    (client) => contentOf(client.ydoc) === first && tokens.every((token) => first.includes(token)),
  );
}

/** How many entries of the stored log (and snapshot) hold each token. */
async function storedCopies(
  dataDir: string,
  documentId: string,
  tokens: readonly string[],
): Promise<Array<{ token: string; count: number }>> {
  const state = await withStorage(dataDir, (storage) => storage.loadDocState({ documentId }));
  const entries = [state.snapshot, ...state.updates.map((update) => update.data)]
    .filter((entry): entry is Uint8Array => entry !== null)
    .map((entry) => Buffer.from(entry).toString('latin1'));
  return tokens.map((token) => ({
    token,
    count: entries.filter((entry) => entry.includes(token)).length,
  }));
}

const suite = hasRedisServer() ? describe : describe.skip;
if (!hasRedisServer()) console.log('Scale-out suite skipped: redis-server is not on PATH');

suite('several server processes sharing one document through Redis', () => {
  it('clients on two processes co-edit one document and converge within a second', async () => {
    const { servers, client, dataDir, seeded } = await cluster(2);
    const clients = [
      client(servers[0]!),
      client(servers[0]!),
      client(servers[1]!),
      client(servers[1]!),
    ];
    await Promise.all(clients.map((each) => waitSynced(each)));

    const tokens = await burst(clients, 30, 3);
    const startedAt = Date.now();
    await waitFor(() => converged(clients, tokens), 'clients converge', 1_000);
    console.info(`2 processes: converged ${Date.now() - startedAt} ms after the last edit`);

    // A single edit on one process reaches the other process's clients within a second too.
    addText(clients[0]!, '<late>');
    await waitFor(() => converged(clients, [...tokens, '<late>']), 'late edit relayed', 1_000);

    // Awareness (a caret) crosses processes too, and its removal when the client leaves.
    clients[0]!.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
    const clientId = clients[0]!.ydoc.clientID;
    const seenOnOtherProcess = (): boolean =>
      clients[2]!.provider.awareness.getStates().get(clientId)?.cursor !== undefined;
    await waitFor(seenOnOtherProcess, 'caret relayed to the other process', 1_000);
    clients[0]!.provider.disconnect();
    await waitFor(() => !seenOnOtherProcess(), 'caret removed on the other process', 2_000);

    // Each edit is in the shared log once: the process that received it stored it; the
    // processes it was relayed to did not store it again.
    await sleep(200);
    const copies = await storedCopies(dataDir, seeded.document.id, [...tokens, '<late>']);
    expect(copies.filter(({ count }) => count !== 1)).toEqual([]);
  });

  it('a third process opening the document later serves every edit to its client', async () => {
    const { servers, client } = await cluster(3);
    const early = [client(servers[0]!), client(servers[1]!)];
    await Promise.all(early.map((each) => waitSynced(each)));
    const tokens = await burst(early, 20, 2);
    await waitFor(() => converged(early, tokens), 'early clients converge', 2_000);

    const late = client(servers[2]!);
    await waitSynced(late);
    await waitFor(() => converged([...early, late], tokens), 'late client has every edit', 2_000);
  });

  it('SIGKILL of one process mid-burst loses no edit, and its clients reconnect to another process', async () => {
    const { servers, balancer, client, dataDir, seeded } = await cluster(2);
    // Through the balancer: clients spread over both processes, no stickiness.
    const clients = Array.from({ length: 4 }, () => client(balancer));
    await Promise.all(clients.map((each) => waitSynced(each)));
    const victim = servers[0]!;

    const edits = burst(clients, 100, 3);
    await sleep(150);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const onDiskAtCrash = await storedText(dataDir, seeded.document.id);
    const tokens = await edits;

    await Promise.all(clients.map((each) => waitSynced(each, 10_000)));
    await waitFor(() => converged(clients, tokens), 'clients converge after the crash', 10_000);
    expect(missing(clients, tokens).flat()).toEqual([]);
    // Every edit that was stored when the process died is still there.
    const stored = tokens.filter((token) => onDiskAtCrash.includes(token));
    expect(stored.filter((token) => !contentOf(clients[0]!.ydoc).includes(token))).toEqual([]);

    // The survivor stops gracefully: what it writes holds every edit, from either process.
    const expected = contentOf(clients[0]!.ydoc);
    for (const each of clients) each.provider.disconnect();
    await stopGracefully(servers[1]!);
    expect(await storedText(dataDir, seeded.document.id)).toBe(expected);
    console.info(
      `SIGKILL: ${stored.length}/${tokens.length} edits were on disk at the kill; the rest came back through the relay and the clients`,
    );
  });

  it('after Redis restarts mid-edit, the processes resynchronise and converge', async () => {
    const { servers, client, redis } = await cluster(2);
    if (!redis.isOwned) return; // REDIS_URL names a server this test must not kill.
    const clients = [client(servers[0]!), client(servers[1]!)];
    await Promise.all(clients.map((each) => waitSynced(each)));

    const before = await burst(clients, 10, 2);
    await waitFor(() => converged(clients, before), 'converge before the outage', 2_000);

    await redis.kill();
    // Edits on both sides while the processes cannot talk: they diverge.
    const during = await burst(clients, 10, 2);
    await sleep(200);
    expect(converged(clients, during)).toBe(false);

    await redis.start();
    const after = await burst(clients, 5, 2);
    await waitFor(
      () => converged(clients, [...before, ...during, ...after]),
      'converge after Redis is back',
      10_000,
    );
  });
});
