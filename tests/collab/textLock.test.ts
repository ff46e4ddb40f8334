/**
 * Approved and published text stays put: the collab server makes every connection read-only
 * (the editor's open connection at once, on the re-check the status change triggers), the
 * token answer says so, and moving the document back to draft makes it writable again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabTokenDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import {
  blockText,
  openEditor,
  paragraphsOf,
  setParagraphs,
  startDocumentWorld,
  type DocumentWorld,
  type OpenEditor,
} from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

async function moveTo(api: ApiClient, documentId: string, status: string): Promise<void> {
  const moved = await api.post(`/api/documents/${documentId}/status`, { status });
  expect(moved.status).toBe(200);
}

/**
 * Whether `writer`'s edit (appending `marker` to the first paragraph) reaches the server's
 * copy. Positive signal, no fixed sleep: an awareness change sent after the edit on the same
 * socket is seen by `observer`, so the server has handled the edit by then.
 */
async function isEditKept(input: {
  world: DocumentWorld;
  writer: OpenEditor;
  observer: OpenEditor;
  marker: string;
}): Promise<boolean> {
  const { writer, observer, marker } = input;
  const text = blockText(writer.ydoc, 0);
  text.insert(text.length, marker);
  const probe = `${marker}-${Math.random()}`;
  writer.provider.awareness.setLocalStateField('probe', probe);
  await waitFor(
    () => [...observer.provider.awareness.getStates().values()].some((s) => s.probe === probe),
    'awareness sent after the edit reaches the observer',
  );
  const serverCopy = new Y.Doc();
  Y.applyUpdate(
    serverCopy,
    await input.world.server.server.collab.encodeState({ documentId: input.world.documentId }),
  );
  return paragraphsOf(serverCopy).join('\n').includes(marker);
}

describe('the approved/published text lock', () => {
  it('drops an open editor’s edits as soon as the document is approved, and takes them again back in draft', async () => {
    const world = await startDocumentWorld(defer);
    const { owner, documentId } = world;
    const editor = await world.member('editor');
    const editorDoc = await openEditor(editor.client, documentId, defer);
    const ownerDoc = await openEditor(owner.client, documentId, defer);
    // Opened before the approval and silent while locked (a client whose dropped edits stay
    // local has a history the server lacks; the editor UI is read-only then).
    const quietDoc = await openEditor(editor.client, documentId, defer);
    expect(editorDoc.canWrite).toBe(true);
    setParagraphs(ownerDoc.ydoc, ['Agreed text']);
    await waitFor(() => paragraphsOf(editorDoc.ydoc)[0] === 'Agreed text', 'text synced');
    expect(await isEditKept({ world, writer: editorDoc, observer: ownerDoc, marker: ' A' })).toBe(
      true,
    );

    await moveTo(owner.client, documentId, 'in-review');
    await moveTo(owner.client, documentId, 'approved');
    // The connection opened while it was a draft is read-only now: the edit is dropped.
    expect(await isEditKept({ world, writer: editorDoc, observer: ownerDoc, marker: ' B' })).toBe(
      false,
    );
    // The owner too: nobody writes approved text.
    expect(await isEditKept({ world, writer: ownerDoc, observer: editorDoc, marker: ' C' })).toBe(
      false,
    );
    const token = await editor.client.post<CollabTokenDto>(
      `/api/documents/${documentId}/collab-token`,
    );
    expect(token.body.canWrite).toBe(false);
    const doc = await editor.client.get<{ document: { abilities: { edit: boolean } } }>(
      `/api/documents/${documentId}`,
    );
    expect(doc.body.document.abilities.edit).toBe(false);
    const template = await owner.client.post(`/api/documents/${documentId}/template-sections`);
    expect(template.status).toBe(409);
    expect(template.body.error?.code).toBe('document_locked');

    await moveTo(owner.client, documentId, 'published');
    expect(await isEditKept({ world, writer: editorDoc, observer: ownerDoc, marker: ' D' })).toBe(
      false,
    );

    // Back to draft (owners): a connection opened before the approval writes again.
    await moveTo(owner.client, documentId, 'draft');
    expect(await isEditKept({ world, writer: quietDoc, observer: ownerDoc, marker: ' E' })).toBe(
      true,
    );
  });
});
