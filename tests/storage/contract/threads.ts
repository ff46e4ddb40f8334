/** Contract: comment threads and their comments. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import type { Storage } from '../../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

async function seedThread(storage: Storage) {
  const author = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: author });
  const document = await buildDocument(storage, { workspace, createdBy: author });
  const thread = await storage.createThread({
    documentId: document.id,
    authorId: author.id,
    quote: 'social housing',
    anchorStart: 'AAAA',
    anchorEnd: 'BBBB',
  });
  return { author, workspace, document, thread };
}

/** Registers the thread and comment tests. */
export function describeThreadsContract(getStorage: GetStorage): void {
  describe('threads', () => {
    it('creates an open thread, gets and lists it', async () => {
      const storage = getStorage();
      const { author, document, thread } = await seedThread(storage);
      expect(thread).toMatchObject({
        documentId: document.id,
        authorId: author.id,
        quote: 'social housing',
        anchorStart: 'AAAA',
        anchorEnd: 'BBBB',
        status: 'open',
        resolvedById: null,
        resolvedAt: null,
      });
      expect(await storage.getThread({ id: thread.id })).toEqual(thread);
      expect(await storage.getThread({ id: MISSING_ID })).toBeNull();
      expect(await storage.listThreads({ documentId: document.id })).toEqual([thread]);
      expect(await storage.listThreads({ documentId: MISSING_ID })).toEqual([]);
    });

    it('refuses a thread on a missing document', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      await expectRejection(
        storage.createThread({
          documentId: MISSING_ID,
          authorId: author.id,
          quote: 'q',
          anchorStart: 'a',
          anchorEnd: 'b',
        }),
        NotFoundError,
        'reference_not_found',
      );
    });

    it('resolves and reopens, counting open threads per document', async () => {
      const storage = getStorage();
      const { author, document, thread } = await seedThread(storage);
      const second = await storage.createThread({
        documentId: document.id,
        authorId: author.id,
        quote: 'two',
        anchorStart: 'c',
        anchorEnd: 'd',
      });
      expect(await storage.countOpenThreads({ documentIds: [document.id, MISSING_ID] })).toEqual(
        new Map([[document.id, 2]]),
      );
      const at = new Date();
      const resolved = await storage.updateThread({
        id: thread.id,
        patch: { status: 'resolved', resolvedById: author.id, resolvedAt: at },
      });
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedById: author.id,
        resolvedAt: at,
      });
      expect(await storage.countOpenThreads({ documentIds: [document.id] })).toEqual(
        new Map([[document.id, 1]]),
      );
      const reopened = await storage.updateThread({
        id: thread.id,
        patch: { status: 'open', resolvedById: null, resolvedAt: null },
      });
      expect(reopened).toMatchObject({ status: 'open', resolvedById: null, resolvedAt: null });
      expect((await storage.listThreads({ documentId: document.id })).map((t) => t.id)).toEqual([
        thread.id,
        second.id,
      ]);
      await expectRejection(
        storage.updateThread({ id: MISSING_ID, patch: { status: 'open' } }),
        NotFoundError,
        'thread_not_found',
      );
    });

    it('re-anchors: a new quote and anchor', async () => {
      const storage = getStorage();
      const { thread } = await seedThread(storage);
      const moved = await storage.updateThread({
        id: thread.id,
        patch: { quote: 'new text', anchorStart: 'x', anchorEnd: 'y' },
      });
      expect(moved).toMatchObject({ quote: 'new text', anchorStart: 'x', anchorEnd: 'y' });
    });

    it('comments: create, list per thread and per document, edit, delete', async () => {
      const storage = getStorage();
      const { author, document, thread } = await seedThread(storage);
      const first = await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'Is this figure from 2023?',
        mentions: [author.id],
      });
      expect(first).toMatchObject({
        threadId: thread.id,
        documentId: document.id,
        authorId: author.id,
        body: 'Is this figure from 2023?',
        mentions: [author.id],
        idempotencyKey: null,
        editedAt: null,
      });
      await tick();
      const second = await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'Yes.',
        mentions: [],
      });
      expect((await storage.listComments({ threadId: thread.id })).map((c) => c.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect(
        (await storage.listCommentsOfDocument({ documentId: document.id })).map((c) => c.id),
      ).toEqual([first.id, second.id]);
      const edited = await storage.updateComment({ id: first.id, body: 'Edited', mentions: [] });
      expect(edited).toMatchObject({ body: 'Edited', mentions: [] });
      expect(edited.editedAt).toBeInstanceOf(Date);
      expect(await storage.getComment({ id: first.id })).toEqual(edited);
      await storage.deleteComment({ id: first.id });
      expect(await storage.getComment({ id: first.id })).toBeNull();
      await expectRejection(
        storage.deleteComment({ id: first.id }),
        NotFoundError,
        'comment_not_found',
      );
      await expectRejection(
        storage.updateComment({ id: MISSING_ID, body: 'x', mentions: [] }),
        NotFoundError,
        'comment_not_found',
      );
    });

    it('refuses a comment in a missing thread', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      await expectRejection(
        storage.createComment({
          threadId: MISSING_ID,
          authorId: author.id,
          body: 'x',
          mentions: [],
        }),
        NotFoundError,
        'reference_not_found',
      );
    });

    it('an idempotency key makes one comment per author', async () => {
      const storage = getStorage();
      const { author, thread } = await seedThread(storage);
      const other = await buildUser(storage);
      const made = await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'once',
        mentions: [],
        idempotencyKey: 'key-1',
      });
      await expectRejection(
        storage.createComment({
          threadId: thread.id,
          authorId: author.id,
          body: 'twice',
          mentions: [],
          idempotencyKey: 'key-1',
        }),
        ConflictError,
        'comment_exists',
      );
      // Another author's key space is their own; comments without a key never collide.
      await storage.createComment({
        threadId: thread.id,
        authorId: other.id,
        body: 'mine',
        mentions: [],
        idempotencyKey: 'key-1',
      });
      await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'a',
        mentions: [],
      });
      await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'b',
        mentions: [],
      });
      expect(
        await storage.findCommentByIdempotencyKey({ authorId: author.id, idempotencyKey: 'key-1' }),
      ).toEqual(made);
      expect(
        await storage.findCommentByIdempotencyKey({ authorId: author.id, idempotencyKey: 'nope' }),
      ).toBeNull();
    });

    it('deleting a thread removes its comments; so does deleting a document’s threads', async () => {
      const storage = getStorage();
      const { author, document, thread } = await seedThread(storage);
      const comment = await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'x',
        mentions: [],
      });
      await storage.deleteThread({ id: thread.id });
      expect(await storage.getThread({ id: thread.id })).toBeNull();
      expect(await storage.getComment({ id: comment.id })).toBeNull();
      await expectRejection(
        storage.deleteThread({ id: thread.id }),
        NotFoundError,
        'thread_not_found',
      );

      const again = await storage.createThread({
        documentId: document.id,
        authorId: author.id,
        quote: 'q',
        anchorStart: 'a',
        anchorEnd: 'b',
      });
      await storage.createComment({
        threadId: again.id,
        authorId: author.id,
        body: 'y',
        mentions: [],
      });
      await storage.deleteThreadsOfDocument({ documentId: document.id });
      expect(await storage.listThreads({ documentId: document.id })).toEqual([]);
      expect(await storage.listCommentsOfDocument({ documentId: document.id })).toEqual([]);
    });
  });
}
