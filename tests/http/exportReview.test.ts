/**
 * `GET /api/documents/:id/export?format=docx&comments=open|all`: the DOCX with the document's
 * comment threads as Word comments, through the real server (threads started over HTTP, their
 * marks written into the live document, text changed by a stock y-websocket client), and who
 * may ask for them.
 */
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { ThreadDto } from '../../shared/api/threads';
import { UNANCHORED_HEADING } from '../../server/exports/docxReview';
import { waitFor, type TestClient } from '../collab/helpers';
import { anchorOn, markedTexts, openDocumentClient, plainOf, textsOf } from '../comments/anchors';
import type { ApiClient, TestServer } from '../helpers/server';
import { fillTemplateWithText } from '../helpers/templateText';
import { downloadExport, errorCode, publishDocument } from './exportDownload';
import { createDoc, expectStatus, useWorkspaceWorld, type WorkspaceWorld } from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** A case study (its template's guidance typed as text) and the owner's synced client on it. */
async function caseStudy(): Promise<{ document: DocumentDto; ownerView: TestClient }> {
  const document = await createDoc(world, { title: `Review notes ${Math.random()}` });
  await fillTemplateWithText(server, document.id);
  const ownerView = await openDocumentClient(world.owner.client, document.id);
  clients.push(ownerView);
  return { document, ownerView };
}

/** Starts a thread on `words` as `author` and waits until the owner's copy has its mark. */
async function threadOn(
  author: ApiClient,
  view: TestClient,
  documentId: string,
  words: string,
  body: string,
): Promise<ThreadDto> {
  const res = await author.post<{ thread: ThreadDto }>(`/api/documents/${documentId}/threads`, {
    anchor: anchorOn(view.ydoc, words),
    body,
  });
  const { thread } = expectStatus(res, 201);
  await waitFor(() => markedTexts(view.ydoc).has(thread.id), 'the mark arrives');
  return thread;
}

const download = (client: ApiClient, documentId: string, query: string) =>
  downloadExport(server.url, client, documentId, query);

async function partsOf(body: Buffer): Promise<{ document: string; comments: string }> {
  const zip = await JSZip.loadAsync(body);
  return {
    document: (await zip.file('word/document.xml')?.async('string')) ?? '',
    comments: (await zip.file('word/comments.xml')?.async('string')) ?? '',
  };
}

/** The `<w:comment …>` elements' authors, in comment order. */
const commentAuthors = (comments: string): string[] =>
  [...comments.matchAll(/<w:comment [^>]*w:author="([^"]*)"/g)].map((match) => match[1] ?? '');

/** The document.xml text inside Word comment `id`'s range. */
function rangeText(document: string, id: number): string {
  const start = document.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start, `comment ${id} starts`).toBeGreaterThan(-1);
  expect(end, `comment ${id} ends after it starts`).toBeGreaterThan(start);
  return [...document.slice(start, end).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
    .map((match) => match[1])
    .join('');
}

describe('DOCX export with comments', () => {
  it('a reviewer gets the open threads as Word comments on their text, replies included', async () => {
    const { document, ownerView } = await caseStudy();
    const figures = await threadOn(
      world.reviewer.client,
      ownerView,
      document.id,
      'migrant population',
      'Which year are these figures from?',
    );
    expectStatus(
      await world.owner.client.post(`/api/threads/${figures.id}/comments`, { body: 'From 2025.' }),
      201,
    );
    const trends = await threadOn(
      world.owner.client,
      ownerView,
      document.id,
      'recent trends',
      'Source?',
    );
    expectStatus(
      await world.owner.client.patch(`/api/threads/${trends.id}`, { status: 'resolved' }),
      200,
    );

    const open = await download(world.reviewer.client, document.id, 'format=docx&comments=open');
    expect(open.status).toBe(200);
    const { document: xml, comments } = await partsOf(open.body);
    expect(commentAuthors(comments)).toEqual(['Rita Reviewer', 'Olga Owner']);
    expect(comments).toContain('Which year are these figures from?');
    expect(comments).toContain('From 2025.');
    expect(comments).not.toContain('Source?');
    expect(rangeText(xml, 0)).toBe('migrant population');
    expect(rangeText(xml, 1)).toBe('migrant population');

    // `all` adds the resolved thread, done in Word.
    const all = await download(world.reviewer.client, document.id, 'format=docx&comments=all');
    const withResolved = await partsOf(all.body);
    expect(commentAuthors(withResolved.comments)).toHaveLength(3);
    expect(withResolved.comments).toContain('Source?');
    // Ids in document order: the first thread 0 (its reply 1), the resolved one 2.
    expect(rangeText(withResolved.document, 2)).toBe('recent trends');
    const zip = await JSZip.loadAsync(all.body);
    const extended = await zip.file('word/commentsExtended.xml')?.async('string');
    expect(extended).toContain('w15:paraId="00000003" w15:done="1"');
  });

  it('lists a thread whose text was deleted after the document, on its quote', async () => {
    const { document, ownerView } = await caseStudy();
    const thread = await threadOn(
      world.editor.client,
      ownerView,
      document.id,
      'recent trends',
      'Still true?',
    );
    const text = textsOf(ownerView.ydoc).find((node) => plainOf(node).includes('recent trends'));
    if (!text) throw new Error('the template has no "recent trends"');
    text.delete(plainOf(text).indexOf('recent trends'), 'recent trends'.length);
    await waitFor(async () => {
      const res = await world.owner.client.get<{ threads: ThreadDto[] }>(
        `/api/documents/${document.id}/threads`,
      );
      return expectStatus(res, 200).threads.find((t) => t.id === thread.id)?.orphaned === true;
    }, 'the thread is orphaned');

    const res = await download(world.viewer.client, document.id, 'format=docx&comments=open');
    const { document: xml, comments } = await partsOf(res.body);
    expect(comments).toContain('Still true?');
    expect(xml.indexOf(UNANCHORED_HEADING)).toBeGreaterThan(-1);
    expect(rangeText(xml, 0)).toBe('“recent trends”');
    expect(xml.indexOf('<w:commentRangeStart w:id="0"/>')).toBeGreaterThan(
      xml.indexOf(UNANCHORED_HEADING),
    );
  });

  it('the public gets a published text without comments; asking for them needs a reader', async () => {
    const { document, ownerView } = await caseStudy();
    await threadOn(world.reviewer.client, ownerView, document.id, 'migrant population', 'Hm?');
    const comments = 'format=docx&comments=open';
    // Unpublished: whoever may not read it learns nothing, comments or not.
    expect((await download(world.anonymous, document.id, comments)).status).toBe(404);
    expect((await download(world.outsider.client, document.id, comments)).status).toBe(404);

    await publishDocument(world, document);
    const plain = await download(world.anonymous, document.id, 'format=docx');
    expect(plain.status).toBe(200);
    const { document: xml, comments: commentsPart } = await partsOf(plain.body);
    expect(commentAuthors(commentsPart)).toEqual([]);
    expect(xml).not.toContain('commentRangeStart');
    expect(xml).toContain('migrant population');

    const anonymous = await download(world.anonymous, document.id, comments);
    expect([anonymous.status, errorCode(anonymous.body)]).toEqual([401, 'unauthenticated']);
    const outsider = await download(world.outsider.client, document.id, comments);
    expect([outsider.status, errorCode(outsider.body)]).toEqual([403, 'forbidden']);
    const viewer = await download(world.viewer.client, document.id, comments);
    expect(viewer.status).toBe(200);
    expect(commentAuthors((await partsOf(viewer.body)).comments)).toEqual(['Rita Reviewer']);
  });

  it('comments are a DOCX option (400 elsewhere); commented text exports in every format', async () => {
    const { document, ownerView } = await caseStudy();
    await threadOn(world.reviewer.client, ownerView, document.id, 'migrant population', 'Hm?');
    for (const query of ['format=md&comments=open', 'format=docx&comments=yes']) {
      const res = await download(world.editor.client, document.id, query);
      expect([res.status, errorCode(res.body)], query).toEqual([400, 'validation_failed']);
    }
    for (const format of ['md', 'html', 'docx', 'pdf']) {
      const res = await download(world.editor.client, document.id, `format=${format}`);
      expect(res.status, format).toBe(200);
    }
    const markdown = await download(world.editor.client, document.id, 'format=md');
    expect(markdown.body.toString('utf8')).toContain('migrant population');
  });
});
