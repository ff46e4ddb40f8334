/**
 * Awareness in a busy meeting (issue 9.2): awareness frames never count toward the budget that
 * closes a connection (excess is dropped, the newest state still arrives), document-update
 * floods still do, and the server coalesces awareness into about one frame per peer per window.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_COLLAB_OPTIONS } from '../../server/collab/options';
import { encodeSyncUpdate } from '../../server/collab/protocol';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { awarenessFrame, readAwarenessFrame } from './awarenessFrames';
import {
  connectRaw,
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type RawClient,
} from './helpers';

const { server, clientAs, defer } = useCollabScope();

async function rawAs(
  target: CollabTestServer,
  documentId: string,
  userId: string,
): Promise<RawClient> {
  const raw = connectRaw({
    serverUrl: target.serverUrl,
    documentId,
    token: tokenFor({ userId, documentId }),
  });
  defer(() => raw.ws.terminate());
  await raw.opened;
  return raw;
}

function isStillOpen(raw: RawClient): Promise<boolean> {
  return Promise.race([raw.closed.then(() => false), sleep(50).then(() => true)]);
}

describe('the awareness budget', () => {
  it('closes a connection that floods document updates, not one that sends 2,000 awareness frames', async () => {
    // The production budget, as a browser meets it.
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const observer = clientAs(target, document.id, owner.id);
    await waitSynced(observer);

    const flooder = await rawAs(target, document.id, owner.id);
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'x');
    const update = encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
    for (let index = 0; index < 2000; index++) flooder.ws.send(update);
    expect((await flooder.closed).code).toBe(CLOSE_CODES.rateLimited);

    const chatty = await rawAs(target, document.id, owner.id);
    const chattyId = 4242;
    for (let clock = 1; clock <= 2000; clock++) {
      chatty.ws.send(awarenessFrame([{ clientId: chattyId, clock, state: { step: clock } }]));
      if (clock % 20 === 0) await sleep(20);
    }
    await waitFor(
      () => observer.provider.awareness.getStates().get(chattyId)?.['step'] === 2000,
      'the newest awareness state reaches the peer',
    );
    expect(await isStillOpen(chatty)).toBe(true);
    expect(observer.closeCodes).toEqual([]);
  });

  it('coalesces: a peer gets about one awareness frame per window, holding every newest state', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const peer = await rawAs(target, document.id, owner.id);
    const senders = await Promise.all(
      [0, 1, 2, 3, 4].map(() => rawAs(target, document.id, owner.id)),
    );
    await sleep(100);
    const arrivals: Array<{
      at: number;
      entries: NonNullable<ReturnType<typeof readAwarenessFrame>>;
    }> = [];
    peer.ws.on('message', (data: Buffer) => {
      const entries = readAwarenessFrame(new Uint8Array(data));
      if (entries) arrivals.push({ at: performance.now(), entries });
    });

    const burst = 20;
    senders.forEach((sender, index) => {
      for (let clock = 1; clock <= burst; clock++) {
        sender.ws.send(awarenessFrame([{ clientId: 9000 + index, clock, state: { step: clock } }]));
      }
    });
    const newestSeen = (clientId: number): unknown =>
      arrivals
        .flatMap((arrival) => arrival.entries)
        .filter((entry) => entry.clientId === clientId)
        .at(-1)?.state?.['step'];
    await waitFor(
      () => senders.every((_, index) => newestSeen(9000 + index) === burst),
      'every newest state arrives',
    );
    await sleep(DEFAULT_COLLAB_OPTIONS.awarenessWindowMs * 2);

    // 100 frames were sent; a peer gets one per window while the burst lasts.
    const span = arrivals.at(-1)!.at - arrivals[0]!.at;
    expect(arrivals.length).toBeLessThanOrEqual(
      Math.ceil(span / DEFAULT_COLLAB_OPTIONS.awarenessWindowMs) + 1,
    );
    expect(arrivals.length).toBeLessThan(burst);
  });
});
