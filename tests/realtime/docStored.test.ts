/**
 * `doc:stored` in one real server: throttled per document (at most one per 250 ms window, the
 * latest always sent when the window ends) and exact: after a burst of edits with compactions
 * in between, the last notice equals the state vector of what storage holds.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSession } from '../../server/auth/sessions';
import { STORED_NOTICE_INTERVAL_MS } from '../../server/realtime/storedNotices';
import { startServer } from '../../server/server';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import type { DocStored } from '../../shared/realtime/events';
import {
  connectClient,
  makeDataDir,
  seedDocument,
  sleep,
  testConfig,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
} from '../collab/helpers';
import { connected, openSocket } from './helpers';

const { defer } = useCollabScope();

const decode = (notice: DocStored): Map<number, number> =>
  Y.decodeStateVector(Buffer.from(notice.stateVector, 'base64'));

describe('doc:stored', () => {
  it('is throttled per document, ends with the latest state, and equals what storage holds', async () => {
    const server = await startServer({
      config: testConfig(makeDataDir()),
      // Every edit its own write, compactions in between, and 3 edits after the last one.
      tuning: { collab: { flushDelayMs: 1, compactAfterUpdates: 20 } },
    });
    defer(() => server.close());
    const seeded = await seedDocument(server.storage);
    const { token } = await startSession({
      storage: server.storage,
      userId: seeded.owner.id,
      ttlDays: 1,
    });
    const writer = connectClient({
      serverUrl: `ws://127.0.0.1:${server.port}/collab`,
      documentId: seeded.document.id,
      token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
    });
    defer(() => writer.destroy());
    await waitSynced(writer);
    const socket = openSocket(server.url, { cookie: `clip_session=${token}` });
    defer(() => socket.disconnect());
    const notices: { at: number; notice: DocStored }[] = [];
    socket.on('doc:stored', (notice) => notices.push({ at: Date.now(), notice }));
    await connected(socket);
    await socket.emitWithAck('presence:open', { documentId: seeded.document.id });
    await waitFor(() => notices.length === 1, 'the answer to presence:open');

    const fragment = writer.ydoc.getXmlFragment(EDITOR_FRAGMENT);
    const startedAt = Date.now();
    for (let edit = 0; edit < 63; edit++) {
      fragment.insert(fragment.length, [new Y.XmlText(`<e${edit}>`)]);
      await sleep(20);
    }
    const ownClock = Y.getState(writer.ydoc.store, writer.ydoc.clientID);
    await waitFor(
      () => (decode(notices.at(-1)!.notice).get(writer.ydoc.clientID) ?? 0) >= ownClock,
      'the latest state is sent',
    );
    await sleep(STORED_NOTICE_INTERVAL_MS * 2);

    const burst = notices.slice(1);
    const windows = Math.ceil((Date.now() - startedAt) / STORED_NOTICE_INTERVAL_MS);
    expect(burst.length).toBeGreaterThan(1);
    expect(burst.length).toBeLessThanOrEqual(windows + 1);
    for (let index = 1; index < burst.length; index++)
      expect(burst[index]!.at - burst[index - 1]!.at).toBeGreaterThanOrEqual(
        STORED_NOTICE_INTERVAL_MS - 20,
      );

    const state = await server.storage.loadDocState({ documentId: seeded.document.id });
    const stored = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(stored, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(stored, update.data);
    expect(decode(notices.at(-1)!.notice)).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(stored)),
    );
  });

  it('answers presence:open from storage when no editor has the document open on this process', async () => {
    const server = await startServer({ config: testConfig(makeDataDir()) });
    defer(() => server.close());
    const seeded = await seedDocument(server.storage);
    const other = await seedDocument(server.storage);
    // Stored state written by another process: what one author wrote, compacted into a
    // snapshot, then a second author's update (one document); both as updates (the other).
    const first = new Y.Doc();
    first.getXmlFragment(EDITOR_FRAGMENT).insert(0, [new Y.XmlText('first')]);
    const snapshotPart = Y.encodeStateAsUpdate(first);
    const author = new Y.Doc();
    Y.applyUpdate(author, snapshotPart);
    const before = Y.encodeStateVector(author);
    author.getXmlFragment(EDITOR_FRAGMENT).insert(1, [new Y.XmlText('second')]);
    const laterPart = Y.encodeStateAsUpdate(author, before);
    const seqs = await server.storage.appendDocUpdates({
      documentId: seeded.document.id,
      updates: [snapshotPart],
    });
    await server.storage.compactDoc({
      documentId: seeded.document.id,
      snapshot: snapshotPart,
      upToSeq: seqs[0]!,
    });
    await server.storage.appendDocUpdates({
      documentId: seeded.document.id,
      updates: [laterPart],
    });
    await server.storage.appendDocUpdates({
      documentId: other.document.id,
      updates: [snapshotPart, laterPart],
    });
    expect(
      (await server.storage.loadDocState({ documentId: seeded.document.id })).snapshot,
    ).not.toBeNull();

    for (const document of [seeded.document, other.document]) {
      const owner = document === seeded.document ? seeded.owner : other.owner;
      const { token } = await startSession({
        storage: server.storage,
        userId: owner.id,
        ttlDays: 1,
      });
      const socket = openSocket(server.url, { cookie: `clip_session=${token}` });
      defer(() => socket.disconnect());
      const notices: DocStored[] = [];
      socket.on('doc:stored', (notice) => notices.push(notice));
      await connected(socket);
      await socket.emitWithAck('presence:open', { documentId: document.id });
      await waitFor(() => notices.length === 1, 'the answer to presence:open');
      expect(notices[0]!.documentId).toBe(document.id);
      expect(decode(notices[0]!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(author)));
    }
  });
});
