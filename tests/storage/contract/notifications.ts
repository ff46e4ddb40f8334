/** Contract: in-app notifications. */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { NOTIFICATION_KINDS } from '../../../server/storage/port/notifications';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the notification tests. */
export function describeNotificationsContract(getStorage: GetStorage): void {
  describe('notifications', () => {
    it('creates, lists newest first, counts unread and marks read', async () => {
      const storage = getStorage();
      const actor = await buildUser(storage);
      const reader = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: actor });
      const document = await buildDocument(storage, { workspace, createdBy: actor });
      const first = await storage.createNotification({
        userId: reader.id,
        kind: 'mention',
        actorId: actor.id,
        documentId: document.id,
      });
      expect(first).toMatchObject({
        userId: reader.id,
        kind: 'mention',
        actorId: actor.id,
        documentId: document.id,
        threadId: null,
        commentId: null,
        isRead: false,
      });
      await tick();
      const second = await storage.createNotification({
        userId: reader.id,
        kind: 'reply',
        actorId: actor.id,
        documentId: document.id,
      });
      expect(
        (await storage.listNotifications({ userId: reader.id, limit: 10 })).map((n) => n.id),
      ).toEqual([second.id, first.id]);
      expect(await storage.listNotifications({ userId: reader.id, limit: 0 })).toEqual([]);
      expect(await storage.listNotifications({ userId: actor.id, limit: 10 })).toEqual([]);
      expect(await storage.countUnreadNotifications({ userId: reader.id })).toBe(2);

      expect(await storage.markNotificationsRead({ userId: actor.id, ids: [first.id] })).toBe(0);
      expect(await storage.markNotificationsRead({ userId: reader.id, ids: [first.id] })).toBe(1);
      expect(await storage.countUnreadNotifications({ userId: reader.id })).toBe(1);
      expect(
        (await storage.listNotifications({ userId: reader.id, isRead: false, limit: 10 })).map(
          (n) => n.id,
        ),
      ).toEqual([second.id]);
      expect(await storage.markNotificationsRead({ userId: reader.id })).toBe(1);
      expect(await storage.countUnreadNotifications({ userId: reader.id })).toBe(0);
    });

    it('stores every kind', async () => {
      const storage = getStorage();
      const actor = await buildUser(storage);
      const reader = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: actor });
      const document = await buildDocument(storage, { workspace, createdBy: actor });
      for (const kind of NOTIFICATION_KINDS) {
        await storage.createNotification({
          userId: reader.id,
          kind,
          actorId: actor.id,
          documentId: document.id,
        });
      }
      const listed = await storage.listNotifications({ userId: reader.id, limit: 50 });
      expect(listed.map((n) => n.kind).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    });

    it('refuses a notification about a missing document', async () => {
      const storage = getStorage();
      const user = await buildUser(storage);
      await expectRejection(
        storage.createNotification({
          userId: user.id,
          kind: 'reply',
          actorId: user.id,
          documentId: MISSING_ID,
        }),
        NotFoundError,
        'reference_not_found',
      );
    });
  });
}
