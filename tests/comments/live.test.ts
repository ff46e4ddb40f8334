/**
 * Threads live: `thread:created`, `comment:created` and `thread:updated` reach a real
 * socket.io-client that has the document open (`doc:<id>`) within a second.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerToClientEvents } from '../../shared/realtime/events';
import type { ThreadDto } from '../../shared/api/threads';
import type { TestClient } from '../collab/helpers';
import type { TestServer } from '../helpers/server';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';
import { anchorOn, openDocumentClient } from './anchors';

const WITHIN_MS = 1_000;

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const opened: Array<{ destroy(): void } | ClientSocket> = [];
afterEach(() => {
  for (const thing of opened.splice(0)) {
    if ('disconnect' in thing) thing.disconnect();
    else thing.destroy();
  }
});

/** The next `event` on `socket`; rejects after `WITHIN_MS`. */
function next<E extends 'thread:created' | 'thread:updated' | 'comment:created'>(
  socket: ClientSocket,
  event: E,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${event} within ${WITHIN_MS} ms`)),
      WITHIN_MS,
    );
    socket.once(
      event as 'thread:created',
      ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
        clearTimeout(timer);
        resolve(payload);
      }) as never,
    );
  });
}

describe('live threads', () => {
  it('a viewer with the document open hears the thread, the reply and the resolve', async () => {
    const document = await createDoc(world, { title: 'Live threads' });
    const client: TestClient = await openDocumentClient(world.owner.client, document.id);
    opened.push(client);
    const socket = await connected(
      openSocket(server.url, { cookie: world.viewer.client.cookieHeader() }),
    );
    opened.push(socket);
    expect(await rawRequest(socket, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });

    const created = next(socket, 'thread:created');
    const res = await world.reviewer.client.post<{ thread: ThreadDto }>(
      `/api/documents/${document.id}/threads`,
      { anchor: anchorOn(client.ydoc, 'City profile'), body: 'Short heading?' },
    );
    const { thread } = expectStatus(res, 201);
    const heard = (await created).thread;
    expect(heard).toMatchObject({ id: thread.id, quote: 'City profile', orphaned: false });
    expect(heard.abilities).toBeUndefined();

    const replied = next(socket, 'comment:created');
    await world.editor.client.post(`/api/threads/${thread.id}/comments`, { body: 'Fine by me' });
    expect(await replied).toMatchObject({
      threadId: thread.id,
      comment: { body: 'Fine by me', author: { id: world.editor.user.id } },
    });

    const updated = next(socket, 'thread:updated');
    await world.owner.client.patch(`/api/threads/${thread.id}`, { status: 'resolved' });
    expect((await updated).thread).toMatchObject({ id: thread.id, status: 'resolved' });
  });
});
