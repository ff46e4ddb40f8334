/**
 * Fuzz: at least 10,000 malformed messages from a seeded generator, each sent alone over a real
 * socket to a live server, while two honest WebsocketProvider clients keep editing. The server
 * must stay up, close each hostile connection with 4400 (a socket still open after the message
 * means the server accepted it), never disturb the honest clients, and persist exactly what
 * they converge to. Replay a failure with FUZZ_SEED=<seed>.
 *
 * Only malformed messages are sent. A mutated update that still decodes is a forgery, not a
 * malformed message: it reuses the ids of the generator's own structs with other content or
 * other neighbours, and Yjs assumes that one id names one struct, so the same set of such
 * updates applied in another order (a live document vs the same document rebuilt from its
 * snapshot after a restart) can place a segment elsewhere. Sending those made this test fail
 * about once in twenty runs under load (seed 818672340: one "fuzz0" segment moved after the
 * restart); persistence replays genuine updates exactly.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildMembership, buildUser } from '../helpers/factories';
import {
  mulberry32,
  seedDocument,
  seedFrom,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type TestClient,
} from './helpers';
import { hostileMessage, isMalformed, realMessagePool, type Random } from './fuzzMessages';

const MALFORMED_TARGET = Number(process.env.FUZZ_MESSAGES ?? 10_000);
const PARALLEL_SOCKETS = 16;
/** How long a hostile socket may stay open before the message counts as accepted (generous: a loaded CI). */
const ACCEPTED_AFTER_MS = 10_000;
/** Stop early once this many messages were not refused: the test has failed anyway. */
const MAX_REPORTED = 5;

const scope = useCollabScope();

/**
 * Opens a socket, sends the one message, resolves with the server's close code, or with
 * 'still open' when the server kept the socket open (it accepted the message).
 */
function sendHostile(url: string, message: Uint8Array): Promise<number | 'still open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let timer: NodeJS.Timeout | undefined;
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.send(message);
      timer = setTimeout(() => {
        resolve('still open');
        ws.terminate();
      }, ACCEPTED_AFTER_MS);
    });
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function startHonestEditing(clients: TestClient[], random: Random): () => void {
  let round = 0;
  const timer = setInterval(() => {
    const client = clients[round % clients.length]!;
    const text = client.ydoc.getText('text');
    if (random() < 0.8 || text.length < 10) {
      text.insert(Math.floor(random() * (text.length + 1)), `h${round} `);
    } else {
      text.delete(Math.floor(random() * (text.length - 5)), 3);
    }
    round += 1;
  }, 10);
  return () => clearInterval(timer);
}

describe('collab fuzz', () => {
  it(`survives ${MALFORMED_TARGET} malformed messages while honest clients keep editing`, async () => {
    const seed = seedFrom('FUZZ_SEED');
    console.info(`fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    const random = mulberry32(seed);
    let server = await scope.server({ options: { maxConnectionsPerUser: 1000 } });
    const { owner, workspace, document } = await seedDocument(server.storage);
    const fuzzer = await buildUser(server.storage);
    await buildMembership(server.storage, { workspace, user: fuzzer, role: 'editor' });
    const writerUrl = `${server.serverUrl}/${document.id}?token=${tokenFor({ userId: fuzzer.id, documentId: document.id, ttlSeconds: 3600 })}`;
    const readerUrl = `${server.serverUrl}/${document.id}?token=${tokenFor({ userId: fuzzer.id, documentId: document.id, canWrite: false, ttlSeconds: 3600 })}`;

    const honest = [0, 1].map(() =>
      scope.client(
        server,
        document.id,
        tokenFor({ userId: owner.id, documentId: document.id, ttlSeconds: 3600 }),
      ),
    );
    await Promise.all(honest.map((client) => waitSynced(client)));
    const stopEditing = startHonestEditing(honest, mulberry32(seed ^ 0x5eed));

    // The whole hostile sequence is generated up front from the seed, so a replay sends the
    // same messages (only their interleaving with the honest edits depends on timing).
    const pool = realMessagePool(random);
    const kinds = new Map<string, number>();
    const plan: Array<{ kind: string; bytes: Uint8Array; url: string }> = [];
    let malformed = 0;
    while (malformed < MALFORMED_TARGET) {
      const { kind, bytes } = hostileMessage(random, pool);
      const url = random() < 0.8 ? writerUrl : readerUrl;
      if (!isMalformed(bytes)) continue;
      malformed += 1;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      plan.push({ kind, bytes, url });
    }
    const unexpectedCodes: Array<{ kind: string; code: number | 'still open'; reader: boolean }> =
      [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < plan.length && unexpectedCodes.length < MAX_REPORTED) {
        const { kind, bytes, url } = plan[next]!;
        next += 1;
        const code = await sendHostile(url, bytes);
        if (code !== CLOSE_CODES.badMessage) {
          unexpectedCodes.push({ kind, code, reader: url === readerUrl });
        }
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: PARALLEL_SOCKETS }, worker));
    stopEditing();
    console.info(
      `fuzz: ${malformed} malformed messages in ${Math.round(performance.now() - startedAt)} ms`,
      Object.fromEntries(kinds),
    );
    expect(malformed).toBeGreaterThanOrEqual(MALFORMED_TARGET);
    expect(unexpectedCodes).toEqual([]);

    // Honest clients were never disturbed and converge.
    const [first, second] = honest as [TestClient, TestClient];
    await waitFor(() => first.text() === second.text(), 'honest clients converge', 10_000).catch(
      (error: unknown) => {
        const a = first.text();
        const b = second.text();
        let at = 0;
        while (at < a.length && a[at] === b[at]) at += 1;
        console.error('diverged', {
          lengths: [a.length, b.length],
          at,
          first: a.slice(Math.max(0, at - 40), at + 80),
          second: b.slice(Math.max(0, at - 40), at + 80),
          stateVectors: [first.ydoc, second.ydoc].map((doc) => [
            ...Y.decodeStateVector(Y.encodeStateVector(doc)),
          ]),
          pending: [first.ydoc, second.ydoc].map((doc) => doc.store.pendingStructs !== null),
          synced: honest.map((client) => client.provider.synced),
        });
        throw error;
      },
    );
    expect(first.ydoc.getXmlFragment('default').toString()).toBe(
      second.ydoc.getXmlFragment('default').toString(),
    );
    expect(honest.flatMap((client) => client.closeCodes)).toEqual([]);
    expect(first.text()).toMatch(/h\d+ /);
    const converged = first.text();

    // What the server persisted is exactly what they have: restart, then read with a fresh client.
    honest.forEach((client) => client.provider.disconnect());
    const { dataDir } = server;
    await server.close();
    server = await scope.server({ dataDir });
    const fresh = scope.clientAs(server, document.id, owner.id);
    await waitSynced(fresh);
    expect(fresh.text()).toBe(converged);
  }, 300_000);
});
