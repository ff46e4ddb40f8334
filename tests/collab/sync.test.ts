/**
 * Convergence, persistence and the document lifecycle, with stock WebsocketProvider clients
 * against a real collab server over real SQLite. The cold open (the stored snapshot sent as it
 * is, the server's copy built only for a change): `syncColdOpen.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_ORIGIN } from '../../server/collab/changeOrigins';
import {
  connectClient,
  connectRaw,
  mulberry32,
  seedDocument,
  seedFrom,
  startCollabTestServer,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type TestClient,
} from './helpers';

const scope = useCollabScope();

/**
 * A member's client once its first sync is done. Opened after everything settled, it shows
 * what the server (and its storage) hold.
 */
async function syncedClient(
  server: CollabTestServer,
  documentId: string,
  userId: string,
): Promise<TestClient> {
  const client = scope.clientAs(server, documentId, userId);
  await waitSynced(client);
  return client;
}

describe('collab sync', () => {
  it('converges interleaved random edits from several clients with disconnects and reconnects', async () => {
    const seed = seedFrom('CONVERGENCE_SEED');
    console.info(`convergence seed: ${seed} (replay with CONVERGENCE_SEED=${seed})`);
    const random = mulberry32(seed);
    const server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const clients = Array.from({ length: 4 }, () => scope.clientAs(server, document.id, owner.id));
    await Promise.all(clients.map((client) => waitSynced(client)));

    for (let round = 0; round < 300; round++) {
      const client = clients[Math.floor(random() * clients.length)]!;
      const text = client.ydoc.getText('text');
      const roll = random();
      if (roll < 0.05) {
        // Offline for a while: edits made meanwhile are synced on reconnect.
        if (client.provider.shouldConnect) client.provider.disconnect();
        else client.provider.connect();
      } else if (roll < 0.75 || text.length === 0) {
        const word = `w${round}-${Math.floor(random() * 1000)} `;
        text.insert(Math.floor(random() * (text.length + 1)), word);
      } else if (roll < 0.9) {
        const at = Math.floor(random() * text.length);
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 5)));
      } else {
        const fragment = client.ydoc.getXmlFragment('default');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`p${round}`)]);
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
      }
      if (round % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
    await Promise.all(clients.map((client) => waitSynced(client)));
    const reference = clients[0]!;
    await waitFor(
      () =>
        clients.every(
          (client) =>
            client.text() === reference.text() &&
            client.ydoc.getXmlFragment('default').toString() ===
              reference.ydoc.getXmlFragment('default').toString(),
        ),
      'all clients converge',
      10_000,
    );
    expect(reference.text().length).toBeGreaterThan(0);

    const fresh = await syncedClient(server, document.id, owner.id);
    await waitFor(() => fresh.text() === reference.text(), 'fresh client sees the same text');
    expect(fresh.ydoc.getXmlFragment('default').toString()).toBe(
      reference.ydoc.getXmlFragment('default').toString(),
    );
    expect(clients.flatMap((client) => client.closeCodes)).toEqual([]);
  });

  it('persists edits across a server restart on the same data directory', async () => {
    const first = await startCollabTestServer();
    const { owner, document } = await seedDocument(first.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const writer = connectClient({ serverUrl: first.serverUrl, documentId: document.id, token });
    await waitSynced(writer);
    writer.ydoc.getText('text').insert(0, 'Bologna case study');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Housing')]);
    writer.ydoc.getXmlFragment('default').insert(0, [heading]);
    await waitFor(
      async () => (await first.storage.countDocUpdates({ documentId: document.id })) >= 2,
      'updates flushed',
    );
    writer.destroy();
    await first.close();

    const second = await scope.server({ dataDir: first.dataDir });
    const reader = await syncedClient(second, document.id, owner.id);
    expect(reader.text()).toBe('Bologna case study');
    expect(reader.ydoc.getXmlFragment('default').toString()).toBe(
      '<heading level="2">Housing</heading>',
    );
  });

  it('unloads an idle document: compacts its log into a snapshot and writes derived fields', async () => {
    const server = await scope.server({ options: { compactAfterUpdates: 1000 } });
    const { owner, document } = await seedDocument(server.storage);
    const client = await syncedClient(server, document.id, owner.id);
    const fragment = client.ydoc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 1 as unknown as string);
    heading.insert(0, [new Y.XmlText('Intercultural relations')]);
    const paragraph = new Y.XmlElement('paragraph');
    const body = new Y.XmlText();
    paragraph.insert(0, [body]);
    fragment.insert(0, [heading, paragraph]);
    for (const word of ['Vienna ', 'and ', 'Liège ', 'compare ', 'notes'])
      body.insert(body.length, word);
    await waitFor(
      async () => (await server.storage.countDocUpdates({ documentId: document.id })) >= 3,
      'log written',
    );
    expect(server.collab.registry.get(document.id)).toBeDefined();

    client.destroy();
    await waitFor(
      () => server.collab.registry.list().length === 0,
      'document unloaded after the grace period',
    );
    // `list()` leaves out a document as soon as its unload starts; the compaction it runs
    // takes a few round trips on MongoDB (instant on SQLite), so wait for the log to empty.
    await waitFor(
      async () => (await server.storage.countDocUpdates({ documentId: document.id })) === 0,
      'log compacted at unload',
    );
    const state = await server.storage.loadDocState({ documentId: document.id });
    expect(state.snapshot).not.toBeNull();
    const restored = new Y.Doc();
    Y.applyUpdate(restored, state.snapshot!);
    expect(restored.getXmlFragment('default').toString()).toBe(fragment.toString());

    const record = await server.storage.getDocument({ id: document.id });
    expect(record).toMatchObject({
      plainText: 'Intercultural relations\nVienna and Liège compare notes',
      outline: [{ level: 1, text: 'Intercultural relations' }],
      wordCount: 7,
      lastEditorIds: [owner.id],
    });
    expect(record?.contentUpdatedAt).toBeInstanceOf(Date);
  });

  it('compacts after N updates while the document stays open, and a cold load reads the snapshot', async () => {
    const server = await scope.server({ options: { compactAfterUpdates: 20, flushDelayMs: 1 } });
    const { owner, document } = await seedDocument(server.storage);
    const client = await syncedClient(server, document.id, owner.id);
    const text = client.ydoc.getText('text');
    for (let index = 0; index < 60; index++) {
      text.insert(text.length, `${index},`);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await waitFor(
      async () =>
        (await server.storage.loadDocState({ documentId: document.id })).snapshot !== null,
      'snapshot written',
    );
    // Without transactions (MongoDB standalone, the emulator) the compacted entries go in a
    // second write after the snapshot: wait for it rather than catch the moment between.
    await waitFor(
      async () => (await server.storage.countDocUpdates({ documentId: document.id })) < 20,
      'compacted entries removed',
    );
    const other = await syncedClient(server, document.id, owner.id);
    await waitFor(() => other.text() === text.toString(), 'second client sees everything');
  });

  it('applies server-side changes through the live document so clients see them', async () => {
    const server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const client = await syncedClient(server, document.id, owner.id);
    const source = new Y.Doc();
    source.getText('text').insert(0, 'restored version');
    await server.collab.applyUpdate({
      documentId: document.id,
      update: Y.encodeStateAsUpdate(source),
    });
    await waitFor(() => client.text() === 'restored version', 'client sees the server change');
    const state = new Y.Doc();
    Y.applyUpdate(state, await server.collab.encodeState({ documentId: document.id }));
    expect(state.getText('text').toString()).toBe('restored version');
  });
});

describe('collab fan-out', () => {
  it('merges updates applied in one event-loop turn into one frame per peer', async () => {
    const server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const listener = await syncedClient(server, document.id, owner.id);
    const frames: number[] = [];
    listener.provider.ws?.addEventListener('message', (event: { data: unknown }) => {
      frames.push((event.data as ArrayBuffer).byteLength);
    });
    const live = server.collab.registry.get(document.id)!;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three'])
      source.getText('text').insert(source.getText('text').length, word);
    for (const update of updates) live.applyUpdate(update, SERVER_ORIGIN);
    await waitFor(() => listener.text() === 'one two three', 'listener sees all three');
    expect(frames).toHaveLength(1);
  });
});

describe('collab pending updates', () => {
  it('sends a change that completed pending structs back to its sender too', async () => {
    const server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const [a, b] = [
      scope.client(server, document.id, token),
      scope.client(server, document.id, token),
    ];
    await Promise.all([a, b].map((client) => waitSynced(client)));
    // A third party's two edits, the second depending on the first.
    const third = new Y.Doc();
    const updates: Uint8Array[] = [];
    third.on('update', (update: Uint8Array) => updates.push(update));
    third.getText('text').insert(0, 'abc');
    third.getText('text').insert(3, 'def');
    // The second reaches the server first (e.g. relayed by a client that reconnected): pending.
    const raw = connectRaw({ serverUrl: server.serverUrl, documentId: document.id, token });
    await raw.opened;
    raw.ws.send(Uint8Array.from([0, 2, ...lengthPrefixed(updates[1]!)]));
    await waitFor(
      () => server.collab.registry.get(document.id)?.ydoc.store.pendingStructs !== null,
      'pending on the server',
    );
    // A then relays the first: the server integrates both in A's transaction.
    Y.applyUpdate(a.ydoc, updates[0]!);
    await waitFor(() => b.text() === 'abcdef', 'b sees both');
    await waitFor(() => a.text() === 'abcdef', 'a gets the pending part back');
  });
});

function lengthPrefixed(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let length = bytes.length;
  while (length > 127) {
    out.push((length & 127) | 128);
    length >>>= 7;
  }
  out.push(length);
  return [...out, ...bytes];
}

describe('collab document lifecycle', () => {
  it('keeps every edit when clients come and go around unloads', async () => {
    const server = await scope.server({ options: { unloadGraceMs: 1 } });
    const { owner, document } = await seedDocument(server.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    for (let round = 0; round < 15; round++) {
      const client = connectClient({ serverUrl: server.serverUrl, documentId: document.id, token });
      await waitSynced(client);
      const text = client.ydoc.getText('text');
      text.insert(text.length, `r${round};`);
      await waitFor(
        async () =>
          (await server.collab.encodeState({ documentId: document.id })).length > 0 &&
          client.provider.synced,
        'connected',
      );
      await new Promise((resolve) => setTimeout(resolve, round % 3)); // sometimes leave at once
      client.destroy();
    }
    await waitFor(() => server.collab.registry.list().length === 0, 'finally unloaded');
    const reader = await syncedClient(server, document.id, owner.id);
    const expected = Array.from({ length: 15 }, (_, round) => `r${round};`).join('');
    expect(reader.text()).toBe(expected);
  });
});
