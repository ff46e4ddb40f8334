/**
 * Contract: what the e-mail digest reads and writes. People with due notifications (unread,
 * not yet e-mailed, older than the delay); a claim takes a person's unread, not yet e-mailed
 * notifications exactly once, even with two stores (two processes) claiming at once; a claim
 * whose mail failed is given back.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetHarness } from '../contract';
import { tick } from './helpers';

/** A second from now: every notification made so far is "older" than this. */
const soon = (): Date => new Date(Date.now() + 1000);

async function notifyMany(storage: Storage, count: number) {
  const actor = await buildUser(storage);
  const reader = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: actor });
  const document = await buildDocument(storage, { workspace, createdBy: actor });
  const notifications = [];
  for (let i = 0; i < count; i += 1) {
    notifications.push(
      await storage.createNotification({
        userId: reader.id,
        kind: i % 2 === 0 ? 'mention' : 'reply',
        actorId: actor.id,
        documentId: document.id,
      }),
    );
    await tick();
  }
  return { actor, reader, document, notifications };
}

/** Registers the digest's storage tests. */
export function describeNotificationMailContract(getHarness: GetHarness): void {
  describe('notification e-mail claims', () => {
    it('lists people with due notifications: unread, not e-mailed, older than the delay', async () => {
      const storage = getHarness().storage;
      const { actor, reader, notifications } = await notifyMany(storage, 2);
      expect(notifications[0]!.emailedAt).toBeNull();
      expect(
        await storage.listNotificationMailRecipients({ createdBefore: soon(), limit: 10 }),
      ).toEqual([reader.id]);
      // Not due yet: created after the cut-off.
      const past = new Date(notifications[0]!.createdAt.getTime() - 1);
      expect(
        await storage.listNotificationMailRecipients({ createdBefore: past, limit: 10 }),
      ).toEqual([]);
      expect(
        await storage.listNotificationMailRecipients({ createdBefore: soon(), limit: 0 }),
      ).toEqual([]);
      // Read in the app: no longer due.
      await storage.markNotificationsRead({ userId: reader.id });
      expect(
        await storage.listNotificationMailRecipients({ createdBefore: soon(), limit: 10 }),
      ).toEqual([]);
      expect(
        await storage.claimNotificationsForMail({ userId: reader.id, at: new Date() }),
      ).toEqual([]);
      expect(await storage.claimNotificationsForMail({ userId: actor.id, at: new Date() })).toEqual(
        [],
      );
    });

    it('claims a person’s unread notifications once, oldest first, and gives a failed claim back', async () => {
      const storage = getHarness().storage;
      const { reader, notifications } = await notifyMany(storage, 3);
      const other = await notifyMany(storage, 1);
      await storage.markNotificationsRead({ userId: reader.id, ids: [notifications[1]!.id] });
      const at = new Date();
      const claimed = await storage.claimNotificationsForMail({ userId: reader.id, at });
      expect(claimed.map((n) => n.id)).toEqual([notifications[0]!.id, notifications[2]!.id]);
      expect(claimed.map((n) => n.emailedAt)).toEqual([at, at]);
      expect(
        await storage.claimNotificationsForMail({ userId: reader.id, at: new Date() }),
      ).toEqual([]);
      // Still unread in the app; the other person's are untouched.
      expect(await storage.countUnreadNotifications({ userId: reader.id })).toBe(2);
      expect(
        await storage.listNotificationMailRecipients({ createdBefore: soon(), limit: 10 }),
      ).toEqual([other.reader.id]);
      const [listed] = await storage.listNotifications({ userId: reader.id, limit: 1 });
      expect(listed?.emailedAt).toEqual(at);

      // Given back only with the claim's own time.
      const ids = claimed.map((n) => n.id);
      expect(
        await storage.releaseNotificationMailClaim({ ids, at: new Date(at.getTime() + 1) }),
      ).toBe(0);
      expect(await storage.releaseNotificationMailClaim({ ids, at })).toBe(2);
      expect(
        (await storage.listNotificationMailRecipients({ createdBefore: soon(), limit: 10 })).sort(),
      ).toEqual([reader.id, other.reader.id].sort());
      const again = await storage.claimNotificationsForMail({ userId: reader.id, at: new Date() });
      expect(again.map((n) => n.id)).toEqual(ids);
    });

    it('never gives one notification to two stores claiming at once', async () => {
      const harness = getHarness();
      const sibling = await harness.openSibling();
      const { reader, notifications } = await notifyMany(harness.storage, 12);
      const claims = await Promise.all(
        [harness.storage, sibling, harness.storage, sibling].map((storage) =>
          storage.claimNotificationsForMail({ userId: reader.id, at: new Date() }),
        ),
      );
      const claimedIds = claims.flat().map((n) => n.id);
      expect(claimedIds.length).toBe(new Set(claimedIds).size);
      expect(claimedIds.sort()).toEqual(notifications.map((n) => n.id).sort());
    });
  });
}
