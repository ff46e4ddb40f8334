/**
 * Named versions through the real app with stock WebsocketProvider editors: taken from the
 * live document (edits not yet stored included), listed newest first, read, compared word by
 * word, taken automatically at each status change, and restored through the live document
 * while people type and while one of them is offline: every copy converges, history is kept.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VersionCompareDto, VersionDto, VersionTextDto } from '../../shared/api/versions';
import type { ApiClient } from '../helpers/server';
import {
  blockText,
  openEditor,
  paragraph,
  paragraphsOf,
  setParagraphs,
  startDocumentWorld,
  type OpenEditor,
} from './editorWorld';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

/** Waits until every editor shows the same paragraphs as `editors[0]`; returns them. */
async function converged(editors: OpenEditor[]): Promise<string[]> {
  await waitFor(() => {
    const first = paragraphsOf(editors[0]!.ydoc).join('\n');
    return editors.every((editor) => paragraphsOf(editor.ydoc).join('\n') === first);
  }, 'every copy converged');
  return paragraphsOf(editors[0]!.ydoc);
}

async function writeAndWait(writer: OpenEditor, observer: OpenEditor, texts: string[]) {
  setParagraphs(writer.ydoc, texts);
  await waitFor(
    () => paragraphsOf(observer.ydoc).join('\n') === texts.join('\n'),
    'the other editor sees the text (so the server has it)',
  );
}

async function takeVersion(api: ApiClient, documentId: string, label: string) {
  const answer = await api.post<{ version: VersionDto }>(`/api/documents/${documentId}/versions`, {
    label,
  });
  expect(answer.status).toBe(201);
  return answer.body.version;
}

async function listVersions(api: ApiClient, documentId: string): Promise<VersionDto[]> {
  const answer = await api.get<{ versions: VersionDto[] }>(`/api/documents/${documentId}/versions`);
  expect(answer.status).toBe(200);
  return answer.body.versions;
}

describe('named versions', () => {
  it('takes versions from the live text, lists them newest first, reads and compares them', async () => {
    const world = await startDocumentWorld(defer);
    const { owner, documentId } = world;
    const editor = await world.member('editor');
    const ownerDoc = await openEditor(owner.client, documentId, defer);
    const editorDoc = await openEditor(editor.client, documentId, defer);
    await writeAndWait(ownerDoc, editorDoc, ['Housing first in Bologna', 'Second paragraph']);
    const first = await takeVersion(owner.client, documentId, 'Before the review');
    expect(first).toMatchObject({ label: 'Before the review', documentId });
    expect(first.author).toEqual({ id: owner.user.id, name: 'Ana Owner' });

    await writeAndWait(editorDoc, ownerDoc, [
      'Housing first in Bologna and Vienna',
      'Third paragraph',
    ]);
    const second = await takeVersion(editor.client, documentId, 'After the review');
    expect((await listVersions(owner.client, documentId)).map((v) => v.label)).toEqual([
      'After the review',
      'Before the review',
    ]);

    const read = await editor.client.get<VersionTextDto>(`/api/versions/${first.id}`);
    expect(read.status).toBe(200);
    expect(read.body.text).toBe('Housing first in Bologna\nSecond paragraph');
    expect(read.body.version.id).toBe(first.id);

    const compared = await owner.client.get<VersionCompareDto>(
      `/api/versions/${first.id}/compare?with=${second.id}`,
    );
    expect(compared.status).toBe(200);
    expect(compared.body.to?.id).toBe(second.id);
    expect(compared.body.paragraphs).toEqual([
      {
        kind: 'changed',
        ops: [
          { op: 'equal', text: 'Housing first in Bologna' },
          { op: 'insert', text: ' and Vienna' },
        ],
      },
      {
        kind: 'changed',
        ops: [
          { op: 'delete', text: 'Second' },
          { op: 'insert', text: 'Third' },
          { op: 'equal', text: ' paragraph' },
        ],
      },
    ]);

    // Formatting and comment marks are not differences: the current text only gained marks.
    ownerDoc.ydoc.transact(() => {
      blockText(ownerDoc.ydoc, 0).format(0, 7, { bold: {} });
      blockText(ownerDoc.ydoc, 1).format(0, 5, { comment: { threadId: 'thread-1' } });
    });
    await waitFor(
      () => blockText(editorDoc.ydoc, 1).toDelta().length > 1,
      'the marks reach the other editor',
    );
    const withCurrent = await owner.client.get<VersionCompareDto>(
      `/api/versions/${second.id}/compare?with=current`,
    );
    expect(withCurrent.body.to).toBeNull();
    expect(withCurrent.body.paragraphs.every((p) => p.kind === 'equal')).toBe(true);
  });

  it('keeps edits not yet written to storage in the version', async () => {
    // Nothing is flushed for a minute: the version must come from the live document.
    const world = await startDocumentWorld(
      defer,
      {},
      { tuning: { collab: { flushDelayMs: 60_000 } } },
    );
    const { owner, documentId } = world;
    const ownerDoc = await openEditor(owner.client, documentId, defer);
    const viewer = await world.member('viewer');
    const viewerDoc = await openEditor(viewer.client, documentId, defer);
    await writeAndWait(ownerDoc, viewerDoc, ['Typed a moment ago']);
    const stored = await world.server.storage.loadDocState({ documentId });
    const storedDoc = new Y.Doc();
    for (const part of [stored.snapshot, ...stored.updates.map((u) => u.data)])
      if (part) Y.applyUpdate(storedDoc, part);
    expect(paragraphsOf(storedDoc)).not.toContain('Typed a moment ago'); // only live so far
    const version = await takeVersion(owner.client, documentId, 'Right now');
    const read = await viewer.client.get<VersionTextDto>(`/api/versions/${version.id}`);
    expect(read.body.text).toBe('Typed a moment ago');
  });

  it('takes one automatically at each status change', async () => {
    const { owner, documentId } = await startDocumentWorld(defer);
    for (const status of ['in-review', 'approved', 'draft']) {
      const moved = await owner.client.post(`/api/documents/${documentId}/status`, { status });
      expect(moved.status).toBe(200);
    }
    const versions = await listVersions(owner.client, documentId);
    expect(versions.map((v) => v.label)).toEqual([
      'Status: draft',
      'Status: approved',
      'Status: in-review',
    ]);
    expect(versions[0]!.author?.id).toBe(owner.user.id);
  });

  it('restores through the live document while others type and one is offline; all converge', async () => {
    const world = await startDocumentWorld(defer);
    const { owner, documentId } = world;
    const editor = await world.member('editor');
    const ownerDoc = await openEditor(owner.client, documentId, defer);
    const editorDoc = await openEditor(editor.client, documentId, defer);
    const offlineDoc = await openEditor(editor.client, documentId, defer);
    await writeAndWait(ownerDoc, editorDoc, ['Alpha paragraph', 'Beta paragraph', 'Kept as is']);
    await waitFor(() => paragraphsOf(offlineDoc.ydoc).length === 3, 'third editor synced');
    const version = await takeVersion(owner.client, documentId, 'Alpha and beta');
    await writeAndWait(editorDoc, ownerDoc, ['Alpha rewritten', 'Kept as is']);
    await waitFor(() => paragraphsOf(offlineDoc.ydoc)[0] === 'Alpha rewritten', 'offline synced');

    // One editor goes offline and writes a new paragraph there.
    offlineDoc.provider.disconnect();
    offlineDoc.ydoc
      .getXmlFragment(EDITOR_FRAGMENT)
      .insert(2, [paragraph('Written offline during the restore')]);

    // The other keeps typing at the end of the last paragraph while the restore runs.
    let typed = 0;
    const typing = setInterval(() => {
      const index = paragraphsOf(editorDoc.ydoc).findIndex((p) => p.startsWith('Kept as is'));
      if (index < 0) return;
      const text = blockText(editorDoc.ydoc, index);
      text.insert(text.length, '!');
      typed += 1;
    }, 5);
    // Typing is under way before the restore starts (a fast restore could finish before the
    // first keystroke) and goes on while it runs.
    await waitFor(() => typed > 0, 'typing started');
    const restored = await owner.client.post(`/api/versions/${version.id}/restore`);
    clearInterval(typing);
    expect(restored.status).toBe(200);

    offlineDoc.provider.connect();
    const late = await openEditor(world.owner.client, documentId, defer);
    const result = await converged([ownerDoc, editorDoc, offlineDoc, late]);
    // The version's text, then what was typed meanwhile: the paragraph someone kept typing in
    // (keystrokes that reached the replaced copy go with it) and the offline one.
    expect(result).toHaveLength(4);
    expect(result.slice(0, 2)).toEqual(['Alpha paragraph', 'Beta paragraph']);
    expect(result[2]).toMatch(/^Kept as is!*$/);
    expect(result[3]).toBe('Written offline during the restore');

    // History is kept: the text before the restore is a version of its own.
    const labels = (await listVersions(owner.client, documentId)).map((v) => v.label);
    expect(labels).toEqual(['Before restoring “Alpha and beta”', 'Alpha and beta']);
    const audit = await owner.client.get<{ events: Array<{ details: { versionId?: string } }> }>(
      '/api/audit?action=document.version_restored',
    );
    expect(audit.body.events[0]?.details.versionId).toBe(version.id);
  });
});

describe('versions: bad input and permissions', () => {
  it('refuses restoring into a trashed document (404) or a locked one (409), and leaves the text', async () => {
    const { owner, documentId } = await startDocumentWorld(defer);
    const version = await takeVersion(owner.client, documentId, 'Start');
    for (const status of ['in-review', 'approved']) {
      await owner.client.post(`/api/documents/${documentId}/status`, { status });
    }
    const locked = await owner.client.post(`/api/versions/${version.id}/restore`);
    expect(locked.status).toBe(409);
    expect(locked.body.error?.code).toBe('document_locked');

    await owner.client.post(`/api/documents/${documentId}/status`, { status: 'draft' });
    expect((await owner.client.delete(`/api/documents/${documentId}`)).status).toBe(204);
    const trashed = await owner.client.post(`/api/versions/${version.id}/restore`);
    expect(trashed.status).toBe(404);
    expect((await owner.client.get(`/api/versions/${version.id}`)).status).toBe(404);
    expect((await owner.client.get(`/api/documents/${documentId}/versions`)).status).toBe(404);
  });

  it('refuses a restore that could take the document past its size cap (413), without changing it', async () => {
    const world = await startDocumentWorld(defer, { COLLAB_MAX_DOC_BYTES: '11000' });
    const { owner, documentId } = world;
    const viewer = await world.member('viewer');
    const ownerDoc = await openEditor(owner.client, documentId, defer);
    const viewerDoc = await openEditor(viewer.client, documentId, defer);
    const big = (word: string) => Array.from({ length: 40 }, () => `${word} `.repeat(20).trim());
    await writeAndWait(ownerDoc, viewerDoc, big('version'));
    const version = await takeVersion(owner.client, documentId, 'Large');
    await writeAndWait(ownerDoc, viewerDoc, big('current'));
    const refused = await owner.client.post(`/api/versions/${version.id}/restore`);
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe('version_too_large');
    expect(paragraphsOf(viewerDoc.ydoc)[0]).toContain('current');
  });

  it('lets readers list, read and compare; only owners and editors take and restore; others see nothing', async () => {
    const world = await startDocumentWorld(defer);
    const { owner, documentId } = world;
    const version = await takeVersion(owner.client, documentId, 'Start');
    const viewer = await world.member('viewer');
    const reviewer = await world.member('reviewer');
    for (const reader of [viewer, reviewer]) {
      expect((await listVersions(reader.client, documentId)).map((v) => v.id)).toEqual([
        version.id,
      ]);
      expect((await reader.client.get(`/api/versions/${version.id}`)).status).toBe(200);
      expect((await reader.client.get(`/api/versions/${version.id}/compare`)).status).toBe(200);
      const take = await reader.client.post(`/api/documents/${documentId}/versions`, {
        label: 'Mine',
      });
      expect(take.status).toBe(403);
      expect((await reader.client.post(`/api/versions/${version.id}/restore`)).status).toBe(403);
    }
    const stranger = await world.stranger();
    for (const path of [
      `/api/versions/${version.id}`,
      `/api/versions/${version.id}/compare`,
      `/api/documents/${documentId}/versions`,
    ]) {
      expect((await stranger.client.get(path)).status).toBe(404);
    }
    expect((await stranger.client.post(`/api/versions/${version.id}/restore`)).status).toBe(404);
    expect((await owner.client.get('/api/versions/no-such-version')).status).toBe(404);
    expect((await owner.client.post('/api/versions/no-such-version/restore')).status).toBe(404);
    const badLabel = await owner.client.post(`/api/documents/${documentId}/versions`, {
      label: '   ',
    });
    expect(badLabel.status).toBe(400);
    const badWith = await owner.client.get(`/api/versions/${version.id}/compare?with=%22%3B`);
    expect(badWith.status).toBe(400);
    // A version of another document is not a version of this one.
    const other = await owner.client.post<{ document: { id: string } }>(
      `/api/workspaces/${world.workspaceId}/documents`,
      { title: 'Other', kind: 'note' },
    );
    const otherVersion = await takeVersion(owner.client, other.body.document.id, 'Other');
    const mixed = await owner.client.get(
      `/api/versions/${version.id}/compare?with=${otherVersion.id}`,
    );
    expect(mixed.status).toBe(404);
  });
});
