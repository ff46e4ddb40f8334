/**
 * A document purged from the trash while the collab server still holds it live: storage
 * refuses every write for it, and the server must drop those writes (not retry them until
 * unload), keep serving other documents and shut down cleanly.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { CollabOptions } from '../../server/collab';
import { CLOSE_CODES } from '../../shared/closeCodes';
import {
  connectClient,
  seedDocument,
  sleep,
  startCollabTestServer,
  tokenFor,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type TestClient,
} from './helpers';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options?: Partial<CollabOptions>): Promise<CollabTestServer> {
  const started = await startCollabTestServer({ options });
  cleanups.push(() => started.close());
  return started;
}

function client(target: CollabTestServer, documentId: string, token: string): TestClient {
  const connected = connectClient({ serverUrl: target.serverUrl, documentId, token });
  cleanups.push(() => connected.destroy());
  return connected;
}

describe('collab persistence of a purged document', () => {
  it('drops refused writes instead of retrying them, and keeps serving other documents', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const other = await seedDocument(target.storage);
    const editor = client(
      target,
      document.id,
      tokenFor({ userId: owner.id, documentId: document.id }),
    );
    await waitSynced(editor);
    editor.ydoc.getText('text').insert(0, 'before the purge');
    await waitFor(
      async () => (await target.storage.countDocUpdates({ documentId: document.id })) > 0,
      'first edit persisted',
    );

    // Trashed and purged behind the open connection's back (as another process would, before
    // the next access re-check): the client keeps editing a document storage no longer has.
    await target.storage.updateDocument({
      id: document.id,
      patch: { deletedAt: new Date(), deletedById: owner.id },
    });
    await target.storage.purgeDocument({ id: document.id });
    const appends = spyOnAppends(target);
    const compactions = vi.spyOn(target.storage, 'compactDoc');
    for (let index = 0; index < 5; index += 1) {
      editor.ydoc.getText('text').insert(0, `after ${index} `);
      await sleep(100);
    }
    await sleep(500);
    // One refused append marks the document gone; later edits are not even sent to storage.
    expect(appends(document.id)).toBe(1);

    // Other documents are unaffected.
    const otherEditor = client(
      target,
      other.document.id,
      tokenFor({ userId: other.owner.id, documentId: other.document.id }),
    );
    await waitSynced(otherEditor);
    otherEditor.ydoc.getText('text').insert(0, 'still fine');
    await waitFor(
      async () => (await target.storage.countDocUpdates({ documentId: other.document.id })) > 0,
      'other document persisted',
    );

    // The next access re-check closes the connection; the unload writes nothing for the gone doc.
    await target.collab.recheckAccess();
    await waitFor(() => editor.closeCodes.includes(CLOSE_CODES.notFound), 'closed with 4404');
    editor.destroy();
    await waitFor(() => target.collab.registry.get(document.id) === undefined, 'document unloaded');
    await sleep(200);
    expect(compactions.mock.calls.filter(([call]) => call.documentId === document.id)).toEqual([]);
    expect(appends(document.id)).toBe(1);
    await target.close();
  });

  it('refuses the purged document alone in a group write: the others in it are stored', async () => {
    // A long flush window, so both server-side changes below are due at the same moment; both
    // documents stay loaded throughout (no unload flush writing one of them on its own).
    const target = await server({ flushDelayMs: 300, unloadGraceMs: 60_000 });
    const purged = await seedDocument(target.storage);
    const kept = await seedDocument(target.storage);
    for (const seeded of [purged, kept]) {
      await target.collab.change(seeded.document.id, (ydoc) =>
        ydoc.getText('text').insert(0, 'loaded '),
      );
    }
    // Both first edits stored before the purge, so the write below is the next one for both.
    for (const seeded of [purged, kept]) {
      await waitFor(
        async () => (await storedText(target, seeded.document.id)) === 'loaded ',
        'the first edit stored',
      );
    }
    await target.storage.updateDocument({
      id: purged.document.id,
      patch: { deletedAt: new Date(), deletedById: purged.owner.id },
    });
    await target.storage.purgeDocument({ id: purged.document.id });
    const writes = vi.spyOn(target.storage, 'appendDocUpdatesBatch');

    await Promise.all([
      target.collab.change(purged.document.id, (ydoc) => ydoc.getText('text').insert(0, 'lost ')),
      target.collab.change(kept.document.id, (ydoc) => ydoc.getText('text').insert(0, 'kept ')),
    ]);
    await waitFor(
      async () => (await storedText(target, kept.document.id)) === 'kept loaded ',
      'the kept document’s edit stored',
    );

    // One write carried both documents (group commit) …
    const documentsPerWrite = writes.mock.calls.map(([call]) =>
      call.batches.map((batch) => batch.documentId).sort(),
    );
    expect(documentsPerWrite).toContainEqual([kept.document.id, purged.document.id].sort());
    // … and the refusal of one did not cost the other its edit, nor was the kept one retried.
    await sleep(400);
    expect(writes.mock.calls.filter(([call]) => includes(call, kept.document.id))).toHaveLength(1);
    await target.close();
  });
});

/** The `text` stored for a document (snapshot and log), as a fresh load would see it. */
async function storedText(target: CollabTestServer, documentId: string): Promise<string> {
  const state = await target.storage.loadDocState({ documentId });
  const ydoc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(ydoc, update.data);
  return ydoc.getText('text').toString();
}

/** Whether a group write's input holds a batch for `documentId`. */
function includes(call: { batches: Array<{ documentId: string }> }, documentId: string): boolean {
  return call.batches.some((batch) => batch.documentId === documentId);
}

/** Counts the appends storage was asked to make for a document, by either method. */
function spyOnAppends(target: CollabTestServer): (documentId: string) => number {
  const single = vi.spyOn(target.storage, 'appendDocUpdates');
  const grouped = vi.spyOn(target.storage, 'appendDocUpdatesBatch');
  return (documentId) =>
    single.mock.calls.filter(([call]) => call.documentId === documentId).length +
    grouped.mock.calls.filter(([call]) => includes(call, documentId)).length;
}
