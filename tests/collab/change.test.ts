/**
 * The server-side change API (`CollabServer.change`) and the hooks' typed origins, with stock
 * WebsocketProvider clients against a real collab server over real SQLite.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ChangeOrigin, CollabHook } from '../../server/collab';
import type { Storage } from '../../server/storage/types';
import { writeBlocks } from '../../server/templates';
import {
  seedDocument,
  sleep,
  startCollabTestServer,
  TEST_TEXT_ROOT,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
} from './helpers';

const scope = useCollabScope();

/** What storage holds for a document, as text of the tests' `text` root. */
async function storedText(storage: Storage, documentId: string): Promise<string> {
  const state = await storage.loadDocState({ documentId });
  const ydoc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(ydoc, update.data);
  const text = ydoc.getText(TEST_TEXT_ROOT).toString();
  ydoc.destroy();
  return text;
}

/** Two synced writers on one document. */
async function twoClients(server: CollabTestServer, documentId: string, userId: string) {
  const first = scope.clientAs(server, documentId, userId);
  const second = scope.clientAs(server, documentId, userId);
  await Promise.all([waitSynced(first), waitSynced(second)]);
  return [first, second] as const;
}

describe('collab.change', () => {
  it('reaches every connected client at once and survives a restart', async () => {
    const server = await startCollabTestServer();
    const { owner, document } = await seedDocument(server.storage);
    const [first, second] = await twoClients(server, document.id, owner.id);

    await server.collab.change(document.id, (ydoc) => {
      ydoc.getText(TEST_TEXT_ROOT).insert(0, 'from the server');
    });
    await waitFor(
      () => first.text() === 'from the server' && second.text() === 'from the server',
      'both clients see the server change',
    );
    first.destroy();
    second.destroy();
    await server.close();

    const restarted = await scope.server({ dataDir: server.dataDir });
    expect(await storedText(restarted.storage, document.id)).toBe('from the server');
    const later = scope.clientAs(restarted, document.id, owner.id);
    await waitFor(() => later.text() === 'from the server', 'a client after the restart sees it');
  });

  it('loads an unloaded document, applies, persists, refreshes derived data and unloads again', async () => {
    const server = await scope.server();
    const { document } = await seedDocument(server.storage);
    expect(server.collab.registry.get(document.id)).toBeUndefined();

    await server.collab.change(document.id, (ydoc) => {
      ydoc.getText(TEST_TEXT_ROOT).insert(0, 'nobody was here');
      writeBlocks(ydoc, [{ type: 'heading', level: 2, text: 'Written by the server' }]);
    });
    expect(server.collab.registry.get(document.id)).toBeDefined();

    await waitFor(
      () => server.collab.registry.get(document.id) === undefined,
      'unloaded after the grace period',
    );
    expect(await storedText(server.storage, document.id)).toBe('nobody was here');
    const record = await server.storage.getDocument({ id: document.id });
    expect(record?.plainText).toContain('Written by the server');
    expect(record?.outline.map((entry) => entry.text)).toEqual(['Written by the server']);
  });

  it('rejects when the change throws, and when the document does not exist', async () => {
    const server = await scope.server();
    const { document } = await seedDocument(server.storage);
    await expect(
      server.collab.change(document.id, () => {
        throw new Error('broken change');
      }),
    ).rejects.toThrow('broken change');
    await expect(server.collab.change('no-such-document', () => undefined)).rejects.toThrow();
  });

  it('broadcasts a relayed change to local peers without appending it to storage', async () => {
    const server = await scope.server();
    const { owner, document } = await seedDocument(server.storage);
    const [first, second] = await twoClients(server, document.id, owner.id);
    const live = server.collab.registry.get(document.id)!;
    await live.persistence.flush();
    const before = await server.storage.countDocUpdates({ documentId: document.id });

    await server.collab.change(
      document.id,
      (ydoc) => ydoc.getText(TEST_TEXT_ROOT).insert(0, 'relayed'),
      { origin: 'relay' },
    );
    await waitFor(
      () => first.text() === 'relayed' && second.text() === 'relayed',
      'both clients see the relayed change',
    );
    await live.persistence.flush();
    expect(await server.storage.countDocUpdates({ documentId: document.id })).toBe(before);

    // The same change made by this server is appended: the count above can tell the difference.
    await server.collab.change(document.id, (ydoc) =>
      ydoc.getText(TEST_TEXT_ROOT).insert(0, 'own '),
    );
    await live.persistence.flush();
    expect(await server.storage.countDocUpdates({ documentId: document.id })).toBe(before + 1);
  });
});

describe('collab hooks on a live server', () => {
  it('run after the built-in ones, in order, with each change’s typed origin', async () => {
    const events: string[] = [];
    const recorder = (name: string): CollabHook => ({
      name,
      onLoad: () => void events.push(`${name}:loaded`),
      onChange: ({ origin }: { origin: ChangeOrigin }) => void events.push(`${name}:${origin}`),
      onStore: () => void events.push(`${name}:store`),
      onUnload: () => void events.push(`${name}:unloaded`),
    });
    const server = await scope.server({ hooks: [recorder('first'), recorder('second')] });
    const { owner, document } = await seedDocument(server.storage);
    const client = scope.clientAs(server, document.id, owner.id);
    await waitSynced(client);
    client.ydoc.getText(TEST_TEXT_ROOT).insert(0, 'typed');
    await waitFor(() => events.includes('second:store'), 'the peer change was stored');
    await server.collab.change(document.id, (ydoc) => ydoc.getText(TEST_TEXT_ROOT).insert(0, 'a'));
    await server.collab.change(document.id, (ydoc) => ydoc.getText(TEST_TEXT_ROOT).insert(0, 'b'), {
      origin: 'relay',
    });
    client.destroy();
    await waitFor(() => events.includes('second:unloaded'), 'unloaded');
    // Opened again: the stored state is applied with origin `load`. The unload's snapshot
    // is of the whole document, relayed 'b' included: harmless (Yjs updates are idempotent).
    const again = scope.clientAs(server, document.id, owner.id);
    await waitFor(() => again.text() === 'batyped', 'reopened with every change');
    // The reopened document is one snapshot: the client got it as is, and the server builds
    // its own copy (the `load` changes) only when something must be applied to it.
    expect(server.collab.registry.get(document.id)!.isHydrated()).toBe(false);
    expect(events.filter((event) => event.endsWith(':load'))).toEqual([]);
    again.ydoc.getText(TEST_TEXT_ROOT).insert(0, 'c');
    await waitFor(() => events.filter((e) => e === 'second:peer').length === 2, 'the new edit');

    const withoutStores = events.filter((event) => !event.endsWith(':store'));
    expect(withoutStores).toEqual([
      'first:loaded',
      'second:loaded',
      // The empty document's load applies nothing; the peer's edit, then the server's, then the relay.
      'first:peer',
      'second:peer',
      'first:server',
      'second:server',
      'first:relay',
      'second:relay',
      'first:unloaded',
      'second:unloaded',
      'first:loaded',
      'second:loaded',
      'first:load',
      'second:load',
      'first:peer',
      'second:peer',
    ]);
    // Two local changes were appended (the relayed one was not); each store ran both hooks in order.
    const stores = events.filter((event) => event.endsWith(':store'));
    expect(stores.length % 2).toBe(0);
    for (let i = 0; i < stores.length; i += 2) {
      expect(stores.slice(i, i + 2)).toEqual(['first:store', 'second:store']);
    }
  });

  it('a hook that throws on change and store loses no edit, and the next hook still runs', async () => {
    let changesSeenAfterBrokenHook = 0;
    const broken: CollabHook = {
      name: 'broken',
      onChange: () => {
        throw new Error('change hook failure');
      },
      onStore: () => {
        throw new Error('store hook failure');
      },
    };
    const after: CollabHook = {
      name: 'after',
      onChange: () => {
        changesSeenAfterBrokenHook += 1;
      },
    };
    const server = await startCollabTestServer({ hooks: [broken, after] });
    const { owner, document } = await seedDocument(server.storage);
    const writer = scope.clientAs(server, document.id, owner.id);
    const reader = scope.clientAs(server, document.id, owner.id);
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    for (const word of ['kept ', 'despite ', 'hooks']) {
      writer.ydoc.getText(TEST_TEXT_ROOT).insert(writer.text().length, word);
      await sleep(20);
    }
    await waitFor(() => reader.text() === 'kept despite hooks', 'the reader sees every edit');
    await waitFor(
      async () => (await storedText(server.storage, document.id)) === 'kept despite hooks',
      'every edit stored',
    );
    expect(changesSeenAfterBrokenHook).toBeGreaterThanOrEqual(3);
    writer.destroy();
    reader.destroy();
    await server.close();

    const restarted = await scope.server({ dataDir: server.dataDir });
    const later = scope.clientAs(restarted, document.id, owner.id);
    await waitFor(() => later.text() === 'kept despite hooks', 'edits survive a restart');
    // Stored once each: no batch was retried because a store hook threw.
    expect(
      await restarted.storage.countDocUpdates({ documentId: document.id }),
    ).toBeLessThanOrEqual(3);
  });
});
