/**
 * A reconnecting browser keeps its awareness client id. When its new connection joins before
 * the server has noticed the old one is dead (a laptop waking up, a network switch), the newest
 * connection must own that presence: closing the stale connection must not remove it, and
 * closing the live one must.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { seedDocument, sleep, tokenFor, useCollabScope, waitFor, waitSynced } from './helpers';

const { server, clientAs, defer } = useCollabScope();

describe('awareness across a reconnect', () => {
  it('the newest connection owns a client id: a stale close keeps it, the live close removes it', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const observer = clientAs(target, document.id, owner.id);
    await waitSynced(observer);

    const ydoc = new Y.Doc();
    const open = (): WebsocketProvider => {
      const provider = new WebsocketProvider(target.serverUrl, document.id, ydoc, {
        params: { token: tokenFor({ userId: owner.id, documentId: document.id }) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      defer(() => provider.destroy());
      provider.awareness.setLocalStateField('user', { name: 'Ana' });
      return provider;
    };
    // The server writes the account's name over whatever the client announced.
    const seesAna = (): boolean =>
      observer.provider.awareness.getStates().get(ydoc.clientID)?.['user']?.name === owner.name;

    const stale = open();
    await waitFor(() => stale.synced && seesAna(), 'observer sees the first connection');
    const live = open();
    await waitFor(() => live.synced, 'second connection synced');
    await sleep(100);

    // The old socket dies without a goodbye (no awareness removal is sent).
    stale.shouldConnect = false;
    (stale.ws as unknown as WebSocket).terminate();
    await sleep(400);
    expect(seesAna()).toBe(true);

    live.shouldConnect = false;
    (live.ws as unknown as WebSocket).terminate();
    await waitFor(() => !seesAna(), 'presence removed with the live connection');
  });
});
