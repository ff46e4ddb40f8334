/**
 * `/api/notifications`: the caller's notifications (newest first) and marking them read.
 * Notifications about a document the caller can no longer read are left out of the list and
 * the count: nobody is told about what they cannot open.
 */
import express, { type Router } from 'express';
import {
  ListNotificationsQuery,
  MarkNotificationsReadBody,
} from '../../../shared/api/notifications';
import { loadDocumentMembership } from '../../access/documentAccess';
import { getActor, requireUser } from '../../http/authentication';
import { validate } from '../../http/validate';
import { canReadDocument } from '../../policies/document';
import { presentNotification } from '../../presenters/notifications';
import type { DocumentMeta, NotificationRecord, Storage, User } from '../../storage/types';
import type { RouteDeps } from '../deps';

/** The documents among `notifications` the actor may read now, by id. */
async function readableDocuments(
  storage: Storage,
  actor: User,
  notifications: readonly NotificationRecord[],
): Promise<Map<string, DocumentMeta>> {
  const readable = new Map<string, DocumentMeta>();
  for (const documentId of new Set(notifications.map((n) => n.documentId))) {
    const document = await storage.getDocumentMeta({ id: documentId });
    if (!document) continue;
    const membership = await loadDocumentMembership({ storage, actor, document });
    if (canReadDocument(actor, membership, document)) readable.set(documentId, document);
  }
  return readable;
}

/** Router for `/api/notifications…`. */
export function createNotificationsRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/notifications', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { query } = validate(req, { query: ListNotificationsQuery });
    const listed = await storage.listNotifications({
      userId: actor.id,
      limit: query.limit,
      ...(query.unread ? { isRead: false } : {}),
    });
    const documents = await readableDocuments(storage, actor, listed);
    const visible = listed.filter((notification) => documents.has(notification.documentId));
    const actors = new Map(
      (await storage.listUsers({ ids: [...new Set(visible.map((n) => n.actorId))] })).map(
        (user) => [user.id, user.name],
      ),
    );
    const unread = await storage.listNotifications({ userId: actor.id, isRead: false, limit: 500 });
    const unreadDocuments = await readableDocuments(storage, actor, unread);
    res.json({
      notifications: visible.map((notification) =>
        presentNotification(notification, {
          actorName: actors.get(notification.actorId) ?? 'Former member',
          documentTitle: documents.get(notification.documentId)?.title ?? '',
        }),
      ),
      unreadCount: unread.filter((n) => unreadDocuments.has(n.documentId)).length,
    });
  });

  router.post('/notifications/read', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { body } = validate(req, { body: MarkNotificationsReadBody });
    const changed = await storage.markNotificationsRead({
      userId: actor.id,
      ...(body.ids ? { ids: body.ids } : {}),
    });
    res.json({ marked: changed });
  });

  return router;
}
