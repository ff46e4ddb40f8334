/**
 * The cold open, with stock WebsocketProvider clients against a real collab server over real
 * SQLite: a restarted server sends the stored snapshot as it is, with the state vector stored
 * beside it, and builds its copy of the document only for a change (offline insertions, an
 * offline deletion), never for a reader or a reviewer. Convergence, persistence and the
 * document lifecycle: `sync.test.ts`.
 */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildMembership, buildUser } from '../helpers/factories';
import {
  connectRaw,
  seedDocument,
  startCollabTestServer,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
} from './helpers';

const scope = useCollabScope();

describe('collab cold open', () => {
  it('sends the stored snapshot and builds the server copy only for a change, then collects a client’s offline edits', async () => {
    const first = await startCollabTestServer();
    const { owner, workspace, document } = await seedDocument(first.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const writer = scope.client(first, document.id, token);
    await waitSynced(writer);
    // With a deletion: every client's answer to the server's step 1 carries its deletions.
    writer.ydoc.getText('text').insert(0, 'stored, .');
    writer.ydoc.getText('text').delete(6, 2);
    expect(writer.text()).toBe('stored.');
    writer.ydoc.getText('text').insert(7, ' ');
    await waitFor(
      async () => (await first.storage.countDocUpdates({ documentId: document.id })) > 0,
      'flushed',
    );
    writer.provider.disconnect();
    await first.close();
    writer.ydoc.getText('text').insert(8, 'offline edit.');

    const second = await scope.server({ dataDir: first.dataDir, port: first.port });
    const state = await second.storage.loadDocState({ documentId: document.id });
    expect({ hasSnapshot: state.snapshot !== null, updates: state.updates.length }).toEqual({
      hasSnapshot: true,
      updates: 0,
    });
    const raw = connectRaw({ serverUrl: second.serverUrl, documentId: document.id, token });
    await waitFor(() => raw.messages.length >= 2, 'raw client got its first messages');
    // First a step 2 carrying the snapshot as stored, then the server's step 1 with the
    // snapshot's state vector, read from its bytes: the server has not built its copy.
    expect([...raw.messages[0]!.subarray(0, 2)]).toEqual([0, 1]);
    const step1 = decoding.createDecoder(raw.messages[1]!);
    expect([decoding.readVarUint(step1), decoding.readVarUint(step1)]).toEqual([0, 0]);
    const built = new Y.Doc();
    Y.applyUpdate(built, state.snapshot!);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(step1))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(built)),
    );
    raw.ws.close();
    const reader = scope.client(second, document.id, token);
    await waitSynced(reader);
    expect(reader.text()).toBe('stored. ');
    // A reader's answer to that step 1 is the snapshot's deletions, and so is a reviewer's
    // (suggest-only, judged per update): recognised as stored, nothing to build the copy for.
    const reviewer = await buildUser(second.storage);
    await buildMembership(second.storage, { workspace, user: reviewer, role: 'reviewer' });
    const reviewing = scope.client(
      second,
      document.id,
      tokenFor({ userId: reviewer.id, documentId: document.id }),
    );
    await waitSynced(reviewing);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reviewing.text()).toBe('stored. ');
    expect(second.collab.registry.get(document.id)?.isHydrated()).toBe(false);

    writer.provider.connect();
    await waitFor(
      () => reader.text() === 'stored. offline edit.',
      'offline edit reaches the reader through the server',
    );
    expect(writer.text()).toBe('stored. offline edit.');
    expect(second.collab.registry.get(document.id)?.isHydrated()).toBe(true);
  });
});

describe('collab cold open, deletions', () => {
  it('takes a reconnecting client’s offline deletion (no new structs) through a cold open', async () => {
    const first = await startCollabTestServer();
    const { owner, document } = await seedDocument(first.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const writer = scope.client(first, document.id, token);
    await waitSynced(writer);
    writer.ydoc.getText('text').insert(0, 'keep drop');
    await waitFor(
      async () => (await first.storage.countDocUpdates({ documentId: document.id })) > 0,
      'flushed',
    );
    writer.provider.disconnect();
    await first.close();
    writer.ydoc.getText('text').delete(4, 5); // offline: a deletion only
    expect(writer.text()).toBe('keep');

    const second = await scope.server({ dataDir: first.dataDir, port: first.port });
    writer.provider.connect();
    await waitSynced(writer);
    const reader = scope.client(second, document.id, token);
    await waitFor(() => reader.text() === 'keep', 'the offline deletion reached the reader');
    expect(second.collab.registry.get(document.id)?.isHydrated()).toBe(true);
  });
});

describe('collab snapshot vectors', () => {
  it('stores each snapshot with its state vector, and a cold open takes it as stored', async () => {
    const first = await startCollabTestServer();
    const { owner, document } = await seedDocument(first.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const writer = scope.client(first, document.id, token);
    await waitSynced(writer);
    writer.ydoc.getText('text').insert(0, 'stored..');
    writer.ydoc.getText('text').delete(7, 1);
    await waitFor(
      async () => (await first.storage.countDocUpdates({ documentId: document.id })) > 0,
      'flushed',
    );
    writer.destroy();
    await first.close(); // unloads: compacts into a snapshot
    const second = await scope.server({ dataDir: first.dataDir, port: first.port });
    const stored = await second.storage.loadDocState({ documentId: document.id });
    expect(stored.snapshotVector).toEqual(Y.encodeStateVector(writer.ydoc));
    expect(stored.snapshotDeletes).toEqual(
      Y.encodeStateAsUpdate(writer.ydoc, Y.encodeStateVector(writer.ydoc)),
    );

    // A vector that claims one more client: only a server that reads the stored vector,
    // rather than parsing the snapshot, sends that client on.
    const claimed = new Map(Y.decodeStateVector(stored.snapshotVector!)).set(424242, 3);
    await second.storage.compactDoc({
      documentId: document.id,
      snapshot: stored.snapshot!,
      upToSeq: Number.MAX_SAFE_INTEGER,
      snapshotVector: Y.encodeStateVector(claimed),
    });
    const raw = connectRaw({ serverUrl: second.serverUrl, documentId: document.id, token });
    await waitFor(() => raw.messages.length >= 2, 'raw client got its first messages');
    const step1 = decoding.createDecoder(raw.messages[1]!);
    expect([decoding.readVarUint(step1), decoding.readVarUint(step1)]).toEqual([0, 0]);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(step1))).toEqual(claimed);
    const live = second.collab.registry.get(document.id)!;
    expect(Y.decodeStateVector(live.persistence.storedStateVector())).toEqual(claimed);
    expect(live.isHydrated()).toBe(false);
    raw.ws.close();
  });
});
