/**
 * Limits and hostile input: each bad connection is closed with its code while the document
 * and every other connection carry on.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildMembership, buildUser, buildDocument } from '../helpers/factories';
import {
  connectRaw,
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
} from './helpers';

const { server, client, clientAs } = useCollabScope();

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncUpdate(update: Uint8Array): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** An awareness message for one client (id 42, clock 1) whose state is `stateJson` as sent. */
function awarenessUpdate(stateJson: string): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(
      encoder,
      message((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 42);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, stateJson);
      }),
    );
  });
}

const SYNC_STEP1_EMPTY = message((encoder) => {
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
});

function realUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Sends `payload` on a fresh raw writer connection and resolves with its close code. */
async function sendAndClose(
  target: CollabTestServer,
  documentId: string,
  token: string,
  payload: Uint8Array,
): Promise<number> {
  const raw = connectRaw({ serverUrl: target.serverUrl, documentId, token });
  await raw.opened;
  raw.ws.send(payload);
  return (await raw.closed).code;
}

describe('collab limits and hostile input', () => {
  it('closes only the offending connection with 4400 for each kind of malformed message', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const honest = client(target, document.id, token);
    await waitSynced(honest);
    honest.ydoc.getText('text').insert(0, 'steady');

    const update = realUpdate('hello');
    const malformed: Record<string, Uint8Array> = {
      empty: new Uint8Array(0),
      unknownType: Uint8Array.of(7, 1, 2),
      unknownSyncType: Uint8Array.of(0, 9, 0),
      truncatedStep1: SYNC_STEP1_EMPTY.subarray(0, 2),
      hugeVarint: Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
      truncatedUpdate: syncUpdate(update.subarray(0, update.length - 3)),
      garbageUpdate: syncUpdate(Uint8Array.of(5, 200, 1, 99, 7, 3, 3, 3)),
      trailingBytes: Uint8Array.of(...SYNC_STEP1_EMPTY, 1, 2, 3),
      awarenessNotJson: awarenessUpdate('{not json'),
      awarenessArrayState: awarenessUpdate('[1,2]'),
    };
    for (const [name, payload] of Object.entries(malformed)) {
      expect({ name, code: await sendAndClose(target, document.id, token, payload) }).toEqual({
        name,
        code: CLOSE_CODES.badMessage,
      });
    }
    honest.ydoc.getText('text').insert(6, '!');
    const fresh = client(target, document.id, token);
    await waitFor(() => fresh.text() === 'steady!', 'document intact and still syncing');
    expect(honest.closeCodes).toEqual([]);
  });

  it('closes with 4413 a message over maxMessageBytes, and an update that would exceed the document cap', async () => {
    const target = await server({ options: { maxMessageBytes: 2048, maxDocBytes: 8192 } });
    const { owner, document } = await seedDocument(target.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    expect(
      await sendAndClose(target, document.id, token, syncUpdate(realUpdate('x'.repeat(4000)))),
    ).toBe(CLOSE_CODES.tooLarge);

    const watcher = client(target, document.id, token);
    const bloater = client(target, document.id, token);
    await Promise.all([watcher, bloater].map((each) => waitSynced(each)));
    watcher.ydoc.getText('text').insert(0, 'kept');
    await waitFor(() => bloater.text() === 'kept', 'bloater synced');
    const text = bloater.ydoc.getText('text');
    for (let index = 0; index < 12 && bloater.closeCodes.length === 0; index++) {
      text.insert(text.length, 'y'.repeat(1000));
      await sleep(20);
    }
    await waitFor(
      () => bloater.closeCodes.includes(CLOSE_CODES.tooLarge),
      'bloater closed with 4413',
    );
    const estimated = target.collab.registry.get(document.id)?.estimatedBytes() ?? 0;
    expect(estimated).toBeLessThanOrEqual(8192);
    expect(watcher.closeCodes).toEqual([]);
    // The refused update never reached anyone: a fresh client sees exactly what the watcher sees.
    const fresh = client(target, document.id, token);
    await waitSynced(fresh);
    expect(fresh.text()).toBe(watcher.text());
    expect(fresh.text().startsWith('kept')).toBe(true);
    expect(bloater.text().length).toBeGreaterThan(watcher.text().length);
  });

  it('closes with 4429 a connection over its message rate', async () => {
    const target = await server({ options: { messagesPerSecond: 20, messageBurst: 30 } });
    const { owner, document } = await seedDocument(target.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const calm = client(target, document.id, token);
    await waitSynced(calm);
    const raw = connectRaw({ serverUrl: target.serverUrl, documentId: document.id, token });
    await raw.opened;
    for (let index = 0; index < 100; index++) raw.ws.send(SYNC_STEP1_EMPTY);
    expect((await raw.closed).code).toBe(CLOSE_CODES.rateLimited);
    calm.ydoc.getText('text').insert(0, 'still fine');
    await waitFor(async () => {
      const serverCopy = new Y.Doc();
      Y.applyUpdate(serverCopy, await target.collab.encodeState({ documentId: document.id }));
      return serverCopy.getText('text').toString() === 'still fine';
    }, 'the calm connection’s edit is applied');
    expect(calm.closeCodes).toEqual([]);
  });

  it('caps connections per document and per user with 4429', async () => {
    const target = await server({
      options: { maxConnectionsPerDocument: 2, maxConnectionsPerUser: 3 },
    });
    const { owner, workspace, document } = await seedDocument(target.storage);
    const colleague = await buildUser(target.storage);
    await buildMembership(target.storage, { workspace, user: colleague, role: 'editor' });
    const first = clientAs(target, document.id, owner.id);
    const second = clientAs(target, document.id, colleague.id);
    await Promise.all([first, second].map((each) => waitSynced(each)));
    const raw = connectRaw({
      serverUrl: target.serverUrl,
      documentId: document.id,
      token: tokenFor({ userId: colleague.id, documentId: document.id }),
    });
    expect((await raw.closed).code).toBe(CLOSE_CODES.rateLimited);

    const others = await Promise.all(
      [0, 1, 2].map(() => buildDocument(target.storage, { workspace, createdBy: owner })),
    );
    const ownerClients = others.slice(0, 2).map((doc) => clientAs(target, doc.id, owner.id));
    await Promise.all(ownerClients.map((each) => waitSynced(each)));
    const third = others[2]!;
    const overUser = connectRaw({
      serverUrl: target.serverUrl,
      documentId: third.id,
      token: tokenFor({ userId: owner.id, documentId: third.id }),
    });
    expect((await overUser.closed).code).toBe(CLOSE_CODES.rateLimited);

    // Slots are given back when connections close.
    first.destroy();
    await waitFor(() => target.collab.stats().connections === 3, 'first connection gone');
    const again = clientAs(target, third.id, owner.id);
    await waitSynced(again);
  });
});
