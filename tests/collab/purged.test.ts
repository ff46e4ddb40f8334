/**
 * A document purged from the trash while the collab server still holds it live: storage
 * refuses every write for it, and the server must drop those writes (not retry them until
 * unload), keep serving other documents and shut down cleanly.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
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

async function server(): Promise<CollabTestServer> {
  const started = await startCollabTestServer();
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
    const appends = vi.spyOn(target.storage, 'appendDocUpdates');
    const compactions = vi.spyOn(target.storage, 'compactDoc');
    for (let index = 0; index < 5; index += 1) {
      editor.ydoc.getText('text').insert(0, `after ${index} `);
      await sleep(100);
    }
    await sleep(500);
    // One refused append marks the document gone; later edits are not even sent to storage.
    expect(appends.mock.calls.filter(([call]) => call.documentId === document.id)).toHaveLength(1);

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
    expect(appends.mock.calls.filter(([call]) => call.documentId === document.id)).toHaveLength(1);
    await target.close();
  });
});
