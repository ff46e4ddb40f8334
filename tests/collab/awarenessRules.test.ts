/**
 * Presence is tied to the account (issue 8.3): a connection speaks only for the awareness
 * client ids it claimed, its `user.id`/`user.name` come from its account, and a state or a
 * frame over the caps is dropped instead of relayed. The connection itself stays open: these
 * are silently dropped, not closed (docs/COLLAB.md, "Awareness").
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_AWARENESS_STATE_BYTES,
  MAX_CLIENT_IDS_PER_CONNECTION,
} from '../../server/collab/awarenessGate';
import { buildMembership, buildUser } from '../helpers/factories';
import { awarenessFrame, readAwarenessFrame } from './awarenessFrames';
import {
  connectRaw,
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type RawClient,
  type TestClient,
} from './helpers';

const { server, clientAs, defer } = useCollabScope();

interface AwarenessUserState {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

function userOf(client: TestClient, clientId: number): AwarenessUserState | undefined {
  return client.provider.awareness.getStates().get(clientId)?.['user'] as
    AwarenessUserState | undefined;
}

/** A second account (an editor of the workspace) on a raw socket, as an attacker would use. */
async function rawStranger(
  target: CollabTestServer,
  seeded: Awaited<ReturnType<typeof seedDocument>>,
): Promise<RawClient> {
  const stranger = await buildUser(target.storage, { name: 'Mallory' });
  await buildMembership(target.storage, { workspace: seeded.workspace, user: stranger });
  const raw = connectRaw({
    serverUrl: target.serverUrl,
    documentId: seeded.document.id,
    token: tokenFor({ userId: stranger.id, documentId: seeded.document.id }),
  });
  defer(() => raw.ws.terminate());
  await raw.opened;
  return raw;
}

describe('awareness is tied to the account', () => {
  it('overwrites a spoofed user id and name with the account, keeping a plain colour', async () => {
    const target = await server();
    const seeded = await seedDocument(target.storage);
    const viewer = await buildUser(target.storage, { name: 'Vera Viewer' });
    await buildMembership(target.storage, {
      workspace: seeded.workspace,
      user: viewer,
      role: 'viewer',
    });
    const observer = clientAs(target, seeded.document.id, seeded.owner.id);
    const spoofer = clientAs(target, seeded.document.id, viewer.id);
    await Promise.all([observer, spoofer].map((each) => waitSynced(each)));

    spoofer.provider.awareness.setLocalStateField('user', {
      id: seeded.owner.id,
      name: seeded.owner.name,
      color: '#be185d',
    });
    await waitFor(
      () => userOf(observer, spoofer.ydoc.clientID) !== undefined,
      'observer sees the viewer',
    );
    expect(userOf(observer, spoofer.ydoc.clientID)).toEqual({
      id: viewer.id,
      name: 'Vera Viewer',
      color: '#be185d',
    });

    // A colour is written into the caret's style attribute: anything but a hex colour is dropped.
    spoofer.provider.awareness.setLocalStateField('user', {
      name: 'x',
      color: 'red; background: url(https://evil.example/x)',
    });
    await waitFor(
      () =>
        userOf(observer, spoofer.ydoc.clientID)?.name === 'Vera Viewer' &&
        userOf(observer, spoofer.ydoc.clientID)?.color === undefined,
      'unsafe colour dropped',
    );
    expect(spoofer.closeCodes).toEqual([]);
  });

  it("refuses to take over or delete another account's client id", async () => {
    const target = await server();
    const seeded = await seedDocument(target.storage);
    const victim = clientAs(target, seeded.document.id, seeded.owner.id);
    const observer = clientAs(target, seeded.document.id, seeded.owner.id);
    await Promise.all([victim, observer].map((each) => waitSynced(each)));
    const honest = { id: seeded.owner.id, name: seeded.owner.name, color: '#1d4ed8' };
    victim.provider.awareness.setLocalStateField('user', honest);
    const victimId = victim.ydoc.clientID;
    await waitFor(() => userOf(observer, victimId) !== undefined, 'observer sees the victim');

    const attacker = await rawStranger(target, seeded);
    attacker.ws.send(
      awarenessFrame([{ clientId: victimId, clock: 1000, state: { user: { name: 'Owner' } } }]),
    );
    attacker.ws.send(awarenessFrame([{ clientId: victimId, clock: 1001, state: null }]));
    // A frame of the attacker's own, relayed after the two above: once it arrives, they were handled.
    attacker.ws.send(awarenessFrame([{ clientId: 777, clock: 1, state: { user: {} } }]));
    await waitFor(() => userOf(observer, 777) !== undefined, 'own entry relayed');

    expect(userOf(observer, victimId)).toEqual(honest);
    // The victim keeps its own presence too (nobody told it that it was removed).
    expect(victim.provider.awareness.getStates().get(victimId)).toBeDefined();
    const closed = await Promise.race([attacker.closed, sleep(50).then(() => null)]);
    expect(closed).toBeNull();
  });

  it(`caps the client ids of one connection at ${MAX_CLIENT_IDS_PER_CONNECTION}: 40,960 fake presences become 4`, async () => {
    const target = await server();
    const seeded = await seedDocument(target.storage);
    const observer = clientAs(target, seeded.document.id, seeded.owner.id);
    await waitSynced(observer);
    const attacker = await rawStranger(target, seeded);
    for (let frame = 0; frame < 10; frame++) {
      const entries = Array.from({ length: 4096 }, (_, index) => ({
        clientId: 1_000_000 + frame * 4096 + index,
        clock: 1,
        state: {},
      }));
      attacker.ws.send(awarenessFrame(entries));
    }
    const fakes = (): number =>
      [...observer.provider.awareness.getStates().keys()].filter(
        (id) => id >= 1_000_000 && id < 1_000_000 + 10 * 4096,
      ).length;
    await waitFor(() => fakes() > 0, 'the first presences arrive');
    await sleep(300);
    expect(fakes()).toBe(MAX_CLIENT_IDS_PER_CONNECTION);
  });

  it('does not relay a 900 KB awareness state', async () => {
    const target = await server();
    const seeded = await seedDocument(target.storage);
    const observer = connectRaw({
      serverUrl: target.serverUrl,
      documentId: seeded.document.id,
      token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
    });
    defer(() => observer.ws.terminate());
    await observer.opened;
    const attacker = await rawStranger(target, seeded);
    attacker.ws.send(
      awarenessFrame([{ clientId: 501, clock: 1, state: { junk: 'x'.repeat(900_000) } }]),
    );
    // Just over the state cap, inside a small frame: decoded, then dropped.
    const overCap = 'y'.repeat(MAX_AWARENESS_STATE_BYTES);
    attacker.ws.send(awarenessFrame([{ clientId: 502, clock: 1, state: { junk: overCap } }]));
    attacker.ws.send(awarenessFrame([{ clientId: 503, clock: 1, state: { user: {} } }]));
    const seen = (): number[] =>
      observer.messages.flatMap((message) =>
        (readAwarenessFrame(message) ?? []).map((entry) => entry.clientId),
      );
    await waitFor(() => seen().includes(503), 'the small state is relayed');
    expect(seen()).not.toContain(501);
    expect(seen()).not.toContain(502);
    expect(Math.max(...observer.messages.map((message) => message.byteLength))).toBeLessThan(
      MAX_AWARENESS_STATE_BYTES,
    );
  });
});
