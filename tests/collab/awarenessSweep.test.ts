/**
 * The server's one awareness sweep (`server/collab/awarenessSweep.ts`) replaces y-protocols'
 * timer per document with the same rule: a remote state not renewed for `outdatedTimeout` is
 * removed (origin `'timeout'`), a fresh one stays.
 */
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { detachAwarenessTimer, sweepOutdatedAwareness } from '../../server/collab/awarenessSweep';

/** A server-side awareness (no local state) that received `clientIds`' states now. */
function serverAwarenessWith(clientIds: number[]): awarenessProtocol.Awareness {
  const server = new awarenessProtocol.Awareness(new Y.Doc());
  server.setLocalState(null);
  detachAwarenessTimer(server);
  for (const clientId of clientIds) {
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    detachAwarenessTimer(remote);
    remote.clientID = clientId;
    // Twice: a receiver only takes a state whose clock is above the 0 it assumes for strangers.
    remote.setLocalState({ user: { name: `user ${clientId}` } });
    remote.setLocalState({ user: { name: `user ${clientId}` } });
    const update = awarenessProtocol.encodeAwarenessUpdate(remote, [clientId]);
    awarenessProtocol.applyAwarenessUpdate(server, update, 'peer');
    remote.destroy();
  }
  return server;
}

describe('the shared awareness sweep', () => {
  it('removes states silent for outdatedTimeout and keeps fresh ones', () => {
    const awareness = serverAwarenessWith([11, 22]);
    const removed: number[] = [];
    awareness.on('update', (change: { removed: number[] }, origin: unknown) => {
      if (origin === 'timeout') removed.push(...change.removed);
    });
    const renewedAt = Date.now();

    sweepOutdatedAwareness(awareness, renewedAt + awarenessProtocol.outdatedTimeout - 1_000);
    expect([...awareness.states.keys()].sort()).toEqual([11, 22]);

    // Client 22 renews its state; client 11 stays silent past the timeout.
    awareness.meta.get(22)!.lastUpdated = renewedAt + 20_000;
    sweepOutdatedAwareness(awareness, renewedAt + awarenessProtocol.outdatedTimeout + 1);
    expect([...awareness.states.keys()]).toEqual([22]);
    expect(removed).toEqual([11]);
    awareness.destroy();
  });
});
