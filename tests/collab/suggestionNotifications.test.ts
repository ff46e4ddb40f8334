/**
 * Suggestions notify through the notification system: a new suggestion tells the document's
 * owners and editors (live `notification:created` on `user:<id>`, and in `GET
 * /api/notifications`), never its author nor a viewer; accepting or rejecting it tells its
 * author, never the person who settled it.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationDto } from '../../shared/api/notifications';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import type { SignedUpUser } from '../helpers/server';
import { connected, openSocket } from '../realtime/helpers';
import { blockText, openEditor, setParagraphs, startDocumentWorld } from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

type Listed = { notifications: NotificationDto[] };

async function kindsOf(person: SignedUpUser): Promise<string[]> {
  const answer = await person.client.get<Listed>('/api/notifications');
  expect(answer.status).toBe(200);
  return answer.body.notifications.map((notification) => notification.kind);
}

describe('suggestion notifications', () => {
  it('a new suggestion notifies owners and editors; settling it notifies its author', async () => {
    const world = await startDocumentWorld(defer);
    const editor = await world.member('editor');
    const reviewer = await world.member('reviewer');
    const viewer = await world.member('viewer');
    // An editor removed from the workspace is no longer the document's: not told (access is
    // read at notification time, as for comments).
    const formerEditor = await world.member('editor');
    const removed = await world.owner.client.delete(
      `/api/workspaces/${world.workspaceId}/members/${formerEditor.user.id}`,
    );
    expect(removed.status).toBe(204);
    const editorSocket = await connected(
      openSocket(world.server.url, { cookie: editor.client.cookieHeader() }),
    );
    defer(() => editorSocket.disconnect());
    const reviewerSocket = await connected(
      openSocket(world.server.url, { cookie: reviewer.client.cookieHeader() }),
    );
    defer(() => reviewerSocket.disconnect());
    const heardByEditor: NotificationDto[] = [];
    editorSocket.on('notification:created', ({ notification }) => {
      heardByEditor.push(notification);
    });
    const heardByReviewer: NotificationDto[] = [];
    reviewerSocket.on('notification:created', ({ notification }) => {
      heardByReviewer.push(notification);
    });

    const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
    setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
    const reviewerDoc = await openEditor(reviewer.client, world.documentId, defer);
    await waitFor(() => blockText(reviewerDoc.ydoc, 0).length > 0, 'sync');
    const insertId = newSuggestionId(reviewer.user.id);
    const deleteId = newSuggestionId(reviewer.user.id);
    reviewerDoc.ydoc.transact(() => {
      const line = blockText(reviewerDoc.ydoc, 0);
      line.insert(0, 'Social ', { insertion: { id: insertId } });
      line.format(21, 3, { deletion: { id: deleteId } }); // "in "
    });

    await waitFor(() => heardByEditor.length === 2, 'the editor hears both suggestions live');
    expect(heardByEditor[0]).toMatchObject({
      kind: 'suggestion',
      documentId: world.documentId,
      documentTitle: 'Housing guideline',
      actor: { id: reviewer.user.id, name: reviewer.user.name },
    });
    await waitFor(
      async () => (await kindsOf(world.owner)).filter((k) => k === 'suggestion').length === 2,
      'the owner is notified too',
    );
    expect(await kindsOf(reviewer)).toEqual([]); // not its own author
    expect(await kindsOf(viewer)).toEqual([]); // viewers do not settle suggestions
    expect(
      (
        await world.server.storage.listNotifications({
          userId: formerEditor.user.id,
          limit: 10,
        })
      ).length,
    ).toBe(0);

    const path = `/api/documents/${world.documentId}/suggestions`;
    expect((await world.owner.client.post(`${path}/${insertId}/accept`, {})).status).toBe(200);
    expect((await editor.client.post(`${path}/${deleteId}/reject`, {})).status).toBe(200);
    await waitFor(() => heardByReviewer.length === 2, 'the author hears both outcomes live');
    expect(heardByReviewer.map((n) => [n.kind, n.actor.id])).toEqual([
      ['suggestion_accepted', world.owner.user.id],
      ['suggestion_rejected', editor.user.id],
    ]);
    expect(await kindsOf(reviewer)).toEqual(['suggestion_rejected', 'suggestion_accepted']);
    // The people who settled them are not told of their own act.
    expect((await kindsOf(world.owner)).filter((k) => k.startsWith('suggestion_'))).toEqual([]);
    expect((await kindsOf(editor)).filter((k) => k.startsWith('suggestion_'))).toEqual([]);
    expect(heardByEditor).toHaveLength(2);
  });
});
