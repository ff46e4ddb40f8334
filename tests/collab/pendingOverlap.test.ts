/**
 * Regression (found by the fuzz test, FUZZ_SEED=363027496): a hostile update can leave
 * structs pending forever (their origin never exists) at clocks a real client uses as well.
 * `Y.encodeStateAsUpdate` merges pending structs into its result with `Y.mergeUpdates`, which
 * takes two structs with the same id for the same struct; depending on the merge order the
 * hostile one replaced the real one, and whoever applied the result (a compaction snapshot
 * after a restart, a fresh client's sync step 2) lost the real client's edits and everything
 * built on them. The server encodes its integrated state only (`encodeIntegratedState`).
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeIntegratedState, encodeSyncUpdate } from '../../server/collab/protocol';
import { connectRaw, seedDocument, tokenFor, useCollabScope, waitFor, waitSynced } from './helpers';

const scope = useCollabScope();

const MISSING_CLIENT = 5;
const REAL_CLIENT = 1000;
/** Between the real clients: it makes `Y.mergeUpdates` read the pending struct first. */
const HOSTILE_CLIENT = 1500;
const OTHER_CLIENT = 2000;

function stateVector(entries: Array<[client: number, clock: number]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [client, clock] of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Structs of `REAL_CLIENT` at clock 0 and of `HOSTILE_CLIENT`, both inserted after an item of
 * `MISSING_CLIENT` that the update leaves out: they stay pending for good.
 */
function hostileUpdate(): Uint8Array {
  const missing = new Y.Doc();
  missing.clientID = MISSING_CLIENT;
  missing.getText('text').insert(0, 'm');
  const parts = [REAL_CLIENT, HOSTILE_CLIENT].map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(missing));
    doc.getText('text').insert(1, 'EVIL');
    return Y.diffUpdate(Y.encodeStateAsUpdate(doc), stateVector([[MISSING_CLIENT, 1]]));
  });
  return Y.mergeUpdates(parts);
}

/** The real client types, another client edits on top of it. */
function honestUpdates(): Uint8Array[] {
  const real = new Y.Doc();
  real.clientID = REAL_CLIENT;
  real.getText('text').insert(0, 'hello world');
  const other = new Y.Doc();
  other.clientID = OTHER_CLIENT;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(real));
  other.getText('text').insert(11, ', again');
  return [Y.encodeStateAsUpdate(real), Y.encodeStateAsUpdate(other)];
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('text').toString();
}

describe('pending structs at clocks a real client uses', () => {
  it('are left out of the encoded state, which reproduces the integrated document', () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, hostileUpdate());
    for (const update of honestUpdates()) Y.applyUpdate(server, update);
    expect(server.getText('text').toString()).toBe('hello world, again');
    const pending = server.store.pendingStructs;
    expect(pending?.missing.get(MISSING_CLIENT)).toBe(0);

    expect(textOf(encodeIntegratedState(server))).toBe('hello world, again');
    // The live document keeps its pending parts.
    expect(server.store.pendingStructs).toBe(pending);
    // A diff for a peer that has part of the document is right too.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, honestUpdates()[0]!);
    Y.applyUpdate(peer, encodeIntegratedState(server, Y.encodeStateVector(peer)));
    expect(peer.getText('text').toString()).toBe('hello world, again');
  });

  it('do not reach fresh clients nor the snapshot written at close', async () => {
    let server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const raw = connectRaw({ serverUrl: server.serverUrl, documentId: document.id, token });
    await raw.opened;
    raw.ws.send(encodeSyncUpdate(hostileUpdate()));
    await waitFor(
      () => server.collab.registry.get(document.id)?.ydoc.store.pendingStructs != null,
      'pending on the server',
    );
    raw.ws.close();

    const writer = scope.client(server, document.id, token);
    await waitSynced(writer);
    for (const update of honestUpdates()) Y.applyUpdate(writer.ydoc, update);
    const live = scope.client(server, document.id, token);
    await waitFor(() => live.text() === 'hello world, again', 'a fresh client gets every edit');

    writer.provider.disconnect();
    live.provider.disconnect();
    const { dataDir } = server;
    await server.close();
    server = await scope.server({ dataDir });
    const fresh = scope.client(server, document.id, token);
    await waitSynced(fresh);
    expect(fresh.text()).toBe('hello world, again');
  });
});
