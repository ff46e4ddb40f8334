/**
 * Notifications from threads through the real server: a mention notifies the person named
 * (live on `user:<id>` and in `GET /api/notifications`), a reply notifies the thread's other
 * participants, nobody who cannot read the document is notified, and marking read works.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationDto } from '../../shared/api/notifications';
import type { ThreadDto } from '../../shared/api/threads';
import type { TestClient } from '../collab/helpers';
import type { TestServer } from '../helpers/server';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, type ClientSocket } from '../realtime/helpers';
import { anchorOn, openDocumentClient } from './anchors';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const opened: Array<TestClient | ClientSocket> = [];
afterEach(() => {
  for (const thing of opened.splice(0)) {
    if ('disconnect' in thing) thing.disconnect();
    else thing.destroy();
  }
});

type Listed = { notifications: NotificationDto[]; unreadCount: number };

async function notificationsOf(person: WorkspaceWorld['owner']): Promise<Listed> {
  return expectStatus(await person.client.get<Listed>('/api/notifications'), 200);
}

describe('notifications', () => {
  it('mentions and replies notify the right people, live and in the list', async () => {
    const document = await createDoc(world, { title: 'Notified study' });
    const client = await openDocumentClient(world.owner.client, document.id);
    opened.push(client);
    const viewerSocket = await connected(
      openSocket(server.url, { cookie: world.viewer.client.cookieHeader() }),
    );
    opened.push(viewerSocket);
    const heard = new Promise<NotificationDto>((resolve) =>
      viewerSocket.once('notification:created', ({ notification }) => resolve(notification)),
    );
    const before = {
      viewer: (await notificationsOf(world.viewer)).unreadCount,
      outsider: (await notificationsOf(world.outsider)).unreadCount,
      reviewer: (await notificationsOf(world.reviewer)).unreadCount,
    };

    const { thread } = expectStatus(
      await world.reviewer.client.post<{ thread: ThreadDto }>(
        `/api/documents/${document.id}/threads`,
        {
          anchor: anchorOn(client.ydoc, 'City profile'),
          body: '@Viktor @Otto have a look',
          mentions: [world.viewer.user.id, world.outsider.user.id],
        },
      ),
      201,
    );
    expect(await heard).toMatchObject({
      kind: 'mention',
      read: false,
      documentId: document.id,
      documentTitle: 'Notified study',
      threadId: thread.id,
      actor: { id: world.reviewer.user.id, name: 'Rita Reviewer' },
    });
    const forViewer = await notificationsOf(world.viewer);
    expect(forViewer.unreadCount).toBe(before.viewer + 1);
    expect(forViewer.notifications[0]).toMatchObject({ kind: 'mention', threadId: thread.id });
    expect((await notificationsOf(world.outsider)).unreadCount).toBe(before.outsider);

    await world.editor.client.post(`/api/threads/${thread.id}/comments`, { body: 'Noted.' });
    const forReviewer = await notificationsOf(world.reviewer);
    expect(forReviewer.unreadCount).toBe(before.reviewer + 1);
    expect(forReviewer.notifications[0]).toMatchObject({
      kind: 'reply',
      actor: { id: world.editor.user.id },
    });
    // The author of a reply is not notified of it.
    expect(
      (await notificationsOf(world.editor)).notifications.some((n) => n.threadId === thread.id),
    ).toBe(false);

    const marked = await world.viewer.client.post('/api/notifications/read', {
      ids: [forViewer.notifications[0]!.id],
    });
    expect(expectStatus(marked, 200)).toEqual({ marked: 1 });
    expect((await notificationsOf(world.viewer)).unreadCount).toBe(before.viewer);
    expect(
      expectStatus(await world.reviewer.client.post('/api/notifications/read', {}), 200),
    ).toMatchObject({
      marked: forReviewer.unreadCount,
    });
    expect((await world.anonymous.get('/api/notifications')).status).toBe(401);
    const bad = await world.viewer.client.post('/api/notifications/read', { ids: 'all' });
    expect(bad.status).toBe(400);
  });
});
