/**
 * Contract: review requests and the status history. One request per reviewer and document (a
 * new round makes it pending again), answers recorded, lists per document and per reviewer
 * (filtered by verdict), the history newest first, and both removed with the document.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the review-request tests. */
export function describeReviewRequestsContract(getStorage: GetStorage): void {
  const aDocument = async () => {
    const storage = getStorage();
    const owner = await buildUser(storage);
    const reviewer = await buildUser(storage);
    const other = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner });
    const document = await buildDocument(storage, { workspace, createdBy: owner });
    return { storage, owner, reviewer, other, workspace, document };
  };

  describe('review requests', () => {
    it('requests, answers and lists per document and per reviewer', async () => {
      const { storage, owner, reviewer, other, document } = await aDocument();
      const dueAt = new Date('2030-03-01T12:00:00.000Z');
      const made = await storage.requestReviews({
        documentId: document.id,
        requestedById: owner.id,
        reviewerIds: [reviewer.id, other.id, reviewer.id],
        note: 'Please look at housing',
        dueAt,
      });
      expect(made).toHaveLength(2);
      expect(made[0]).toMatchObject({
        documentId: document.id,
        reviewerId: reviewer.id,
        requestedById: owner.id,
        note: 'Please look at housing',
        dueAt,
        verdict: 'pending',
        answerNote: '',
        answeredAt: null,
      });
      const answered = await storage.answerReviewRequest({
        id: made[0]?.id ?? '',
        verdict: 'changes_requested',
        note: 'Add figures',
      });
      expect(answered).toMatchObject({ verdict: 'changes_requested', answerNote: 'Add figures' });
      expect(answered.answeredAt).toBeInstanceOf(Date);
      expect(await storage.getReviewRequest({ id: answered.id })).toEqual(answered);
      expect(await storage.getReviewRequest({ id: MISSING_ID })).toBeNull();
      expect(
        (await storage.listReviewRequests({ documentId: document.id })).map((r) => r.reviewerId),
      ).toEqual([reviewer.id, other.id]);
      expect(
        await storage.listReviewRequests({ reviewerId: reviewer.id, verdicts: ['pending'] }),
      ).toEqual([]);
      expect(await storage.listReviewRequests({ reviewerId: other.id })).toHaveLength(1);
      await expectRejection(
        storage.answerReviewRequest({ id: MISSING_ID, verdict: 'approved', note: '' }),
        NotFoundError,
        'review_request_not_found',
      );
    });

    it('a new round makes the same reviewer’s request pending again', async () => {
      const { storage, owner, reviewer, document } = await aDocument();
      const [first] = await storage.requestReviews({
        documentId: document.id,
        requestedById: owner.id,
        reviewerIds: [reviewer.id],
        note: 'one',
        dueAt: null,
      });
      await storage.answerReviewRequest({ id: first?.id ?? '', verdict: 'approved', note: 'ok' });
      const [second] = await storage.requestReviews({
        documentId: document.id,
        requestedById: owner.id,
        reviewerIds: [reviewer.id],
        note: 'two',
        dueAt: null,
      });
      expect(second).toMatchObject({
        id: first?.id,
        verdict: 'pending',
        note: 'two',
        answerNote: '',
      });
      expect(await storage.listReviewRequests({ documentId: document.id })).toHaveLength(1);
    });

    it('refuses a missing document or reviewer', async () => {
      const { storage, owner, document } = await aDocument();
      await expectRejection(
        storage.requestReviews({
          documentId: MISSING_ID,
          requestedById: owner.id,
          reviewerIds: [owner.id],
          note: '',
          dueAt: null,
        }),
        NotFoundError,
        'reference_not_found',
      );
      await expectRejection(
        storage.requestReviews({
          documentId: document.id,
          requestedById: owner.id,
          reviewerIds: [MISSING_ID],
          note: '',
          dueAt: null,
        }),
        NotFoundError,
        'reference_not_found',
      );
    });

    it('keeps the status history newest first and removes it all with the document', async () => {
      const { storage, owner, reviewer, document } = await aDocument();
      await storage.recordStatusChange({
        documentId: document.id,
        actorId: owner.id,
        from: 'draft',
        to: 'in-review',
        note: 'Ready',
      });
      await tick();
      await storage.recordStatusChange({
        documentId: document.id,
        actorId: owner.id,
        from: 'in-review',
        to: 'approved',
        note: '',
      });
      const history = await storage.listStatusChanges({ documentId: document.id });
      expect(history.map((change) => [change.from, change.to, change.note])).toEqual([
        ['in-review', 'approved', ''],
        ['draft', 'in-review', 'Ready'],
      ]);
      expect(history[0]?.actorId).toBe(owner.id);
      await storage.requestReviews({
        documentId: document.id,
        requestedById: owner.id,
        reviewerIds: [reviewer.id],
        note: '',
        dueAt: null,
      });
      await storage.deleteReviewRequestsOfDocument({ documentId: document.id });
      expect(await storage.listStatusChanges({ documentId: document.id })).toEqual([]);
      expect(await storage.listReviewRequests({ documentId: document.id })).toEqual([]);
    });
  });
}
