/**
 * Contract: review sessions. Stored whole with their agenda, hands, decisions and thread tags;
 * listed per document or per workspace by start time, filtered by state; updated only at the
 * version the writer read (a second writer gets `review_session_conflict`), and removed with
 * their document's purge.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID } from './helpers';

/** Registers the review-session tests. */
export function describeReviewSessionsContract(getStorage: GetStorage): void {
  const aDocument = async () => {
    const storage = getStorage();
    const owner = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner });
    const document = await buildDocument(storage, { workspace, createdBy: owner });
    return { storage, owner, workspace, document };
  };
  const agenda = [
    { id: 'item-1', title: 'Housing', minutes: 10, heading: 'Housing policy' },
    { id: 'item-2', title: 'Jobs', minutes: 5, heading: null },
  ];

  describe('review sessions', () => {
    it('creates a scheduled session at version 1 and reads it back whole', async () => {
      const { storage, owner, workspace, document } = await aDocument();
      const startsAt = new Date('2030-05-01T09:00:00.000Z');
      const created = await storage.createReviewSession({
        documentId: document.id,
        title: 'Peer review',
        startsAt,
        facilitatorId: owner.id,
        createdById: owner.id,
        agenda,
      });
      expect(created).toMatchObject({
        documentId: document.id,
        workspaceId: workspace.id,
        title: 'Peer review',
        startsAt,
        facilitatorId: owner.id,
        state: 'scheduled',
        agenda,
        currentItemId: null,
        itemEndsAt: null,
        hands: [],
        decisions: {},
        attendeeIds: [],
        threadTags: [],
        suggestionTags: [],
        minutesDocumentId: null,
        version: 1,
      });
      expect(await storage.getReviewSession({ id: created.id })).toEqual(created);
      expect(await storage.getReviewSession({ id: MISSING_ID })).toBeNull();
    });

    it('refuses a session of a missing document', async () => {
      const { storage, owner } = await aDocument();
      await expectRejection(
        storage.createReviewSession({
          documentId: MISSING_ID,
          title: 'x',
          startsAt: new Date(),
          facilitatorId: owner.id,
          createdById: owner.id,
          agenda: [],
        }),
        NotFoundError,
        'reference_not_found',
      );
    });

    it('updates at the expected version only, and every nested part round-trips', async () => {
      const { storage, owner, document } = await aDocument();
      const session = await storage.createReviewSession({
        documentId: document.id,
        title: 'Peer review',
        startsAt: new Date(),
        facilitatorId: owner.id,
        createdById: owner.id,
        agenda,
      });
      const endsAt = new Date(Date.now() + 600_000);
      const raisedAt = new Date('2030-01-01T10:00:00.000Z');
      const live = await storage.updateReviewSession({
        id: session.id,
        expectedVersion: 1,
        patch: {
          state: 'live',
          currentItemId: 'item-1',
          itemEndsAt: endsAt,
          hands: [{ userId: owner.id, raisedAt }],
          decisions: { 'item-1': 'Adopt the plan' },
          attendeeIds: [owner.id],
          threadTags: [{ threadId: 'thread-1', itemId: 'item-1' }],
          suggestionTags: [{ suggestionId: 'suggestion-1', itemId: 'item-1' }],
          startedAt: raisedAt,
        },
      });
      expect(live).toMatchObject({
        state: 'live',
        currentItemId: 'item-1',
        itemEndsAt: endsAt,
        hands: [{ userId: owner.id, raisedAt }],
        decisions: { 'item-1': 'Adopt the plan' },
        attendeeIds: [owner.id],
        threadTags: [{ threadId: 'thread-1', itemId: 'item-1' }],
        suggestionTags: [{ suggestionId: 'suggestion-1', itemId: 'item-1' }],
        startedAt: raisedAt,
        version: 2,
      });
      expect(await storage.getReviewSession({ id: session.id })).toEqual(live);
      // A second writer that read version 1 is refused and changes nothing.
      await expectRejection(
        storage.updateReviewSession({
          id: session.id,
          expectedVersion: 1,
          patch: { currentItemId: 'item-2' },
        }),
        ConflictError,
        'review_session_conflict',
      );
      expect((await storage.getReviewSession({ id: session.id }))?.currentItemId).toBe('item-1');
      await expectRejection(
        storage.updateReviewSession({ id: MISSING_ID, expectedVersion: 1, patch: {} }),
        NotFoundError,
        'review_session_not_found',
      );
    });

    it('lists per document and per workspace by start time, filtered by state', async () => {
      const { storage, owner, workspace, document } = await aDocument();
      const other = await buildDocument(storage, { workspace, createdBy: owner });
      const elsewhere = await buildWorkspace(storage, { owner });
      const far = await buildDocument(storage, { workspace: elsewhere, createdBy: owner });
      const make = (documentId: string, title: string, startsAt: string) =>
        storage.createReviewSession({
          documentId,
          title,
          startsAt: new Date(startsAt),
          facilitatorId: owner.id,
          createdById: owner.id,
          agenda: [],
        });
      const late = await make(document.id, 'late', '2030-02-01T00:00:00Z');
      await make(document.id, 'early', '2030-01-01T00:00:00Z');
      await make(other.id, 'other', '2030-01-15T00:00:00Z');
      await make(far.id, 'far', '2030-01-10T00:00:00Z');
      await storage.updateReviewSession({
        id: late.id,
        expectedVersion: 1,
        patch: { state: 'ended' },
      });
      const titles = (sessions: { title: string }[]) => sessions.map((s) => s.title);
      expect(titles(await storage.listReviewSessions({ documentId: document.id }))).toEqual([
        'early',
        'late',
      ]);
      expect(titles(await storage.listReviewSessions({ workspaceIds: [workspace.id] }))).toEqual([
        'early',
        'other',
        'late',
      ]);
      expect(
        titles(
          await storage.listReviewSessions({
            workspaceIds: [workspace.id, elsewhere.id],
            states: ['scheduled', 'live'],
          }),
        ),
      ).toEqual(['early', 'far', 'other']);
      expect(await storage.listReviewSessions({ workspaceIds: [] })).toEqual([]);
      expect(await storage.listReviewSessions({ documentId: MISSING_ID })).toEqual([]);
    });

    it('removes the sessions of a document', async () => {
      const { storage, owner, workspace, document } = await aDocument();
      const other = await buildDocument(storage, { workspace, createdBy: owner });
      for (const documentId of [document.id, other.id]) {
        await storage.createReviewSession({
          documentId,
          title: 'x',
          startsAt: new Date(),
          facilitatorId: owner.id,
          createdById: owner.id,
          agenda: [],
        });
      }
      await storage.deleteReviewSessionsOfDocument({ documentId: document.id });
      expect(await storage.listReviewSessions({ documentId: document.id })).toEqual([]);
      expect(await storage.listReviewSessions({ documentId: other.id })).toHaveLength(1);
    });
  });
}
