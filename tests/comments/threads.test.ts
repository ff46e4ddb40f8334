/**
 * Comment threads anchored in the text, through the real server: the HTTP routes, the
 * `comment` mark the server writes into the live document (seen by a stock y-websocket
 * client), orphaned threads, overlapping threads, permissions per role, validation codes and
 * idempotency. Socket.IO events are in `live.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentDto, ThreadDto } from '../../shared/api/threads';
import { waitFor, type TestClient } from '../collab/helpers';
import type { TestServer } from '../helpers/server';
import { fillTemplateWithText } from '../helpers/templateText';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { anchorOn, markedTexts, openDocumentClient, plainOf, textsOf } from './anchors';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function clientOf(api: WorkspaceWorld['owner']['client'], documentId: string) {
  const client = await openDocumentClient(api, documentId);
  clients.push(client);
  return client;
}

/** A fresh case study (its template's guidance typed as text) and the owner's synced client. */
async function caseStudy() {
  const document = await createDoc(world, { title: `Threads ${Math.random()}` });
  await fillTemplateWithText(server, document.id);
  const ownerView = await clientOf(world.owner.client, document.id);
  return { document, ownerView };
}

async function startThread(
  api: WorkspaceWorld['owner']['client'],
  documentId: string,
  body: Record<string, unknown>,
) {
  return api.post<{ thread: ThreadDto }>(`/api/documents/${documentId}/threads`, body);
}

async function listThreads(api: WorkspaceWorld['owner']['client'], documentId: string) {
  const res = await api.get<{ threads: ThreadDto[] }>(`/api/documents/${documentId}/threads`);
  return expectStatus(res, 200).threads;
}

/** The server's live copy of the document. */
async function liveCopy(documentId: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await server.server.collab.encodeState({ documentId }));
  return ydoc;
}

describe('starting a thread', () => {
  it('a reviewer comments on a selection; every connected client sees the mark at once', async () => {
    const { document, ownerView } = await caseStudy();
    const reviewerView = await clientOf(world.reviewer.client, document.id);
    const anchor = anchorOn(reviewerView.ydoc, 'migrant population');
    const res = await startThread(world.reviewer.client, document.id, {
      anchor,
      body: 'Which year are these figures from?',
    });
    const { thread } = expectStatus(res, 201);
    expect(thread).toMatchObject({
      documentId: document.id,
      quote: 'migrant population',
      status: 'open',
      orphaned: false,
      author: { id: world.reviewer.user.id, name: 'Rita Reviewer' },
      abilities: { reply: true, resolve: true },
      comments: [
        {
          body: 'Which year are these figures from?',
          author: { id: world.reviewer.user.id },
          abilities: { edit: true, delete: true },
        },
      ],
    });
    for (const view of [ownerView, reviewerView]) {
      await waitFor(
        () => markedTexts(view.ydoc).get(thread.id) === 'migrant population',
        'the comment mark reaches the client',
      );
    }
    expect(await listThreads(world.viewer.client, document.id)).toMatchObject([
      { id: thread.id, quote: 'migrant population', abilities: { reply: false, resolve: false } },
    ]);
  });

  it('the reviewer still cannot edit the text', async () => {
    const { document, ownerView } = await caseStudy();
    const reviewerView = await clientOf(world.reviewer.client, document.id);
    textsOf(reviewerView.ydoc)[0]!.insert(0, 'REVIEWER WROTE THIS ');
    // An awareness change sent after the edit, seen by the owner, proves the server had the edit.
    reviewerView.provider.awareness.setLocalStateField('probe', 'after-edit');
    await waitFor(
      () =>
        [...ownerView.provider.awareness.getStates().values()].some(
          (state) => state.probe === 'after-edit',
        ),
      'the probe reaches the owner',
    );
    const live = await liveCopy(document.id);
    expect(textsOf(live).map(plainOf).join(' ')).not.toContain('REVIEWER WROTE THIS');
    const anchor = anchorOn(ownerView.ydoc, 'City profile');
    expectStatus(
      await startThread(world.reviewer.client, document.id, { anchor, body: 'ok' }),
      201,
    );
  });

  it('overlapping threads keep both marks and are listed in document order', async () => {
    const { document, ownerView } = await caseStudy();
    const later = expectStatus(
      await startThread(world.editor.client, document.id, {
        anchor: anchorOn(ownerView.ydoc, 'countries of origin'),
        body: 'Second in the text, first made',
      }),
      201,
    ).thread;
    const earlier = expectStatus(
      await startThread(world.reviewer.client, document.id, {
        anchor: anchorOn(ownerView.ydoc, 'main countries'),
        body: 'First in the text',
      }),
      201,
    ).thread;
    await waitFor(() => markedTexts(ownerView.ydoc).size === 2, 'both marks arrive');
    const marks = markedTexts(ownerView.ydoc);
    expect(marks.get(later.id)).toBe('countries of origin');
    expect(marks.get(earlier.id)).toBe('main countries');
    expect((await listThreads(world.owner.client, document.id)).map((t) => t.id)).toEqual([
      earlier.id,
      later.id,
    ]);
  });

  it('a thread whose text was deleted stays listed as orphaned, and can be re-anchored', async () => {
    const { document, ownerView } = await caseStudy();
    const { thread } = expectStatus(
      await startThread(world.reviewer.client, document.id, {
        anchor: anchorOn(ownerView.ydoc, 'recent trends'),
        body: 'Source?',
      }),
      201,
    );
    await waitFor(() => markedTexts(ownerView.ydoc).has(thread.id), 'the mark arrives');
    const text = textsOf(ownerView.ydoc).find((node) => plainOf(node).includes('recent trends'))!;
    const at = plainOf(text).indexOf('recent trends');
    text.delete(at, 'recent trends'.length);
    await waitFor(async () => {
      const [listed] = await listThreads(world.owner.client, document.id);
      return listed?.orphaned === true;
    }, 'the thread is orphaned');
    const [orphan] = await listThreads(world.owner.client, document.id);
    expect(orphan).toMatchObject({ id: thread.id, quote: 'recent trends', orphaned: true });

    const moved = await world.reviewer.client.patch<{ thread: ThreadDto }>(
      `/api/threads/${thread.id}`,
      { anchor: anchorOn(ownerView.ydoc, 'Policy context') },
    );
    expect(expectStatus(moved, 200).thread).toMatchObject({
      quote: 'Policy context',
      orphaned: false,
    });
    await waitFor(
      () => markedTexts(ownerView.ydoc).get(thread.id) === 'Policy context',
      'the new mark arrives',
    );
  });

  it('a double submission with one idempotency key makes one thread', async () => {
    const { document, ownerView } = await caseStudy();
    const body = {
      anchor: anchorOn(ownerView.ydoc, 'target groups'),
      body: 'Once',
      idempotencyKey: 'double-click-0001',
    };
    const [first, second] = await Promise.all([
      startThread(world.reviewer.client, document.id, body),
      startThread(world.reviewer.client, document.id, body),
    ]);
    const a = expectStatus(first, 201).thread;
    const b = expectStatus(second, 201).thread;
    expect(a.id).toBe(b.id);
    expect(await listThreads(world.owner.client, document.id)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('answers 400 with stable codes and writes nothing', async () => {
    const { document, ownerView } = await caseStudy();
    const anchor = anchorOn(ownerView.ydoc, 'Summarise');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ anchor, body: '   ' }, 'validation_failed'],
      [{ anchor, body: 'x'.repeat(10_001) }, 'validation_failed'],
      [{ anchor: { start: 'not base64!', end: anchor.end }, body: 'x' }, 'validation_failed'],
      [{ anchor: { start: 'AQ==', end: anchor.end }, body: 'x' }, 'invalid_anchor'],
      [{ anchor: { start: 'Zm9v', end: anchor.end }, body: 'x' }, 'invalid_anchor'],
      [{ anchor: { start: anchor.start, end: anchor.start }, body: 'x' }, 'empty_range'],
      [{ anchor, body: 'x', extra: true }, 'validation_failed'],
      [{ body: 'x' }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await startThread(world.editor.client, document.id, body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code });
    }
    expect(await listThreads(world.owner.client, document.id)).toEqual([]);
    expect(markedTexts(await liveCopy(document.id)).size).toBe(0);
  });

  it('an anchor in text that is gone is 409 anchor_not_found; nothing is kept', async () => {
    const { document, ownerView } = await caseStudy();
    const anchor = anchorOn(ownerView.ydoc, 'responsibilities');
    // The whole paragraph goes: its Y.XmlText is deleted, so the positions resolve nowhere.
    const fragment = ownerView.ydoc.getXmlFragment('default');
    const index = fragment
      .toArray()
      .findIndex(
        (node) =>
          node instanceof Y.XmlElement &&
          node.nodeName === 'paragraph' &&
          node.toString().includes('responsibilities'),
      );
    fragment.delete(index, 1);
    await waitFor(
      async () =>
        !textsOf(await liveCopy(document.id)).some((t) => plainOf(t).includes('responsibilities')),
      'the deletion reaches the server',
    );
    const res = await startThread(world.editor.client, document.id, { anchor, body: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('anchor_not_found');
    expect(await listThreads(world.owner.client, document.id)).toEqual([]);
  });
});

describe('replies, edits, resolving: who may', () => {
  async function threadBy(author: WorkspaceWorld['owner']) {
    const { document, ownerView } = await caseStudy();
    const { thread } = expectStatus(
      await startThread(author.client, document.id, {
        anchor: anchorOn(ownerView.ydoc, 'Explain what the city does'),
        body: 'Opening remark',
      }),
      201,
    );
    return { document, thread };
  }

  it('members who may comment reply; viewers 403; outsiders 404', async () => {
    const { thread } = await threadBy(world.reviewer);
    for (const person of [world.owner, world.editor, world.reviewer, world.admin]) {
      const res = await person.client.post<{ comment: CommentDto }>(
        `/api/threads/${thread.id}/comments`,
        { body: `Reply from ${person.user.name}` },
      );
      expect(expectStatus(res, 201).comment).toMatchObject({
        threadId: thread.id,
        author: { id: person.user.id },
      });
    }
    const byViewer = await world.viewer.client.post(`/api/threads/${thread.id}/comments`, {
      body: 'x',
    });
    expect(byViewer.status).toBe(403);
    const byOutsider = await world.outsider.client.post(`/api/threads/${thread.id}/comments`, {
      body: 'x',
    });
    expect(byOutsider.status).toBe(404);
    const missing = await world.owner.client.post('/api/threads/no-such-thread/comments', {
      body: 'x',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('thread_not_found');
    expect(
      (await world.outsider.client.get(`/api/documents/${thread.documentId}/threads`)).status,
    ).toBe(404);
    expect((await world.anonymous.get(`/api/documents/${thread.documentId}/threads`)).status).toBe(
      401,
    );
  });

  it('only the author edits or deletes a comment', async () => {
    const { thread } = await threadBy(world.reviewer);
    const commentId = thread.comments[0]!.id;
    const byOwner = await world.owner.client.patch(`/api/comments/${commentId}`, {
      body: 'hijack',
    });
    expect(byOwner.status).toBe(403);
    const edited = await world.reviewer.client.patch<{ comment: CommentDto }>(
      `/api/comments/${commentId}`,
      { body: 'Opening remark, clarified' },
    );
    expect(expectStatus(edited, 200).comment.body).toBe('Opening remark, clarified');
    expect(edited.body.comment.editedAt).not.toBeNull();
    expect((await world.editor.client.delete(`/api/comments/${commentId}`)).status).toBe(403);
    expect((await world.reviewer.client.delete(`/api/comments/${commentId}`)).status).toBe(204);
    const [listed] = await listThreads(world.owner.client, thread.documentId);
    expect(listed?.comments).toEqual([]);
  });

  it('owners, editors and the thread’s author resolve and reopen; other reviewers and viewers cannot', async () => {
    const { thread } = await threadBy(world.editor);
    const byReviewer = await world.reviewer.client.patch(`/api/threads/${thread.id}`, {
      status: 'resolved',
    });
    expect(byReviewer.status).toBe(403);
    const byViewer = await world.viewer.client.patch(`/api/threads/${thread.id}`, {
      status: 'resolved',
    });
    expect(byViewer.status).toBe(403);
    const resolved = await world.owner.client.patch<{ thread: ThreadDto }>(
      `/api/threads/${thread.id}`,
      { status: 'resolved' },
    );
    expect(expectStatus(resolved, 200).thread).toMatchObject({
      status: 'resolved',
      resolvedBy: { id: world.owner.user.id },
    });
    const reopened = await world.editor.client.patch<{ thread: ThreadDto }>(
      `/api/threads/${thread.id}`,
      { status: 'open' },
    );
    expect(expectStatus(reopened, 200).thread).toMatchObject({ status: 'open', resolvedBy: null });

    const own = await threadBy(world.reviewer);
    const byAuthor = await world.reviewer.client.patch<{ thread: ThreadDto }>(
      `/api/threads/${own.thread.id}`,
      { status: 'resolved' },
    );
    expect(expectStatus(byAuthor, 200).thread.status).toBe('resolved');
    const bad = await world.owner.client.patch(`/api/threads/${own.thread.id}`, {});
    expect(bad.status).toBe(400);
  });

  it('mentions keep only people who can read the document', async () => {
    const { thread } = await threadBy(world.reviewer);
    const res = await world.reviewer.client.post<{ comment: CommentDto }>(
      `/api/threads/${thread.id}/comments`,
      {
        body: '@Viktor @Otto please look',
        mentions: [world.viewer.user.id, world.outsider.user.id, 'no-such-user'],
      },
    );
    expect(expectStatus(res, 201).comment.mentions).toEqual([
      { id: world.viewer.user.id, name: 'Viktor Viewer' },
    ]);
  });
});

describe('search covers comments', () => {
  it('finds a document by the words of its comments, and forgets them when the comment goes', async () => {
    const { document, ownerView } = await caseStudy();
    const search = async (q: string) => {
      const res = await world.owner.client.get<{ results: Array<{ document: { id: string } }> }>(
        `/api/search?q=${encodeURIComponent(q)}`,
      );
      return expectStatus(res, 200).results.map((result) => result.document.id);
    };
    expect(await search('Quartiersmanagement')).not.toContain(document.id);
    const started = await startThread(world.owner.client, document.id, {
      anchor: anchorOn(ownerView.ydoc, 'migrant population'),
      body: 'Compare with the Quartiersmanagement of Berlin',
    });
    const { thread } = expectStatus(started, 201);
    expect(await search('quartiersmanag')).toContain(document.id);

    const commentId = thread.comments[0]!.id;
    const edited = await world.owner.client.patch(`/api/comments/${commentId}`, {
      body: 'Compare with Vienna’s Gebietsbetreuung',
    });
    expectStatus(edited, 200);
    expect(await search('Quartiersmanagement')).not.toContain(document.id);
    expect(await search('Gebietsbetreuung')).toContain(document.id);
  });
});
