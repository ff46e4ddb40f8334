/**
 * The periodic access re-check (the safety net behind the direct re-check the revoking
 * routes make) keeps working after a stretch with no connections at all. Each revocation is
 * written straight to storage here, as another process or a future code path might, so
 * only the polling can notice it. Regression test of issue 8, item 1: once a tick had found
 * no connections, the watcher never ran again, so revoked people kept writing for ever.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSession } from '../../server/auth/sessions';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildDocument, buildMembership, buildUser } from '../helpers/factories';
import {
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitHandled,
  waitSynced,
  type TestClient,
} from './helpers';

const { server, client, clientAs } = useCollabScope();

/** Re-check period of this file: several ticks fit in the idle period and in the 2 s promise. */
const RECHECK_MS = 250;
/** What docs/COLLAB.md promises: a revocation reaches open connections within 2 s. */
const PROMISED_MS = 2_000;

describe('periodic access re-check after an idle period', () => {
  it('closes or downgrades every kind of revoked connection within 2 s, though it first ran with no connections', async () => {
    const target = await server({ options: { accessRecheckMs: RECHECK_MS } });
    const { storage } = target;
    const { owner, workspace, document } = await seedDocument(storage);
    const trashed = await buildDocument(storage, { workspace, createdBy: owner });
    const [deactivated, removed, demoted, signedOut, passwordChanged, formerAdmin] =
      await Promise.all([
        buildUser(storage),
        buildUser(storage),
        buildUser(storage),
        buildUser(storage),
        buildUser(storage),
        buildUser(storage, { role: 'admin' }),
      ]);
    for (const user of [deactivated, removed, demoted, signedOut, passwordChanged])
      await buildMembership(storage, { workspace, user, role: 'editor' });
    const sessionOf = async (userId: string): Promise<string> =>
      (await startSession({ storage, userId, ttlDays: 1 })).session.id;
    const signedOutSession = await sessionOf(signedOut.id);
    const [thisDevice, otherDevice] = [
      await sessionOf(passwordChanged.id),
      await sessionOf(passwordChanged.id),
    ];

    // Several ticks with nothing connected: the case the old tests never exercised.
    await sleep(RECHECK_MS * 4);

    const connectWithSession = (userId: string, sessionId: string): TestClient =>
      client(target, document.id, tokenFor({ userId, documentId: document.id, sessionId }));
    const clients = {
      owner: clientAs(target, document.id, owner.id),
      deactivated: clientAs(target, document.id, deactivated.id),
      removed: clientAs(target, document.id, removed.id),
      demoted: clientAs(target, document.id, demoted.id),
      signedOut: connectWithSession(signedOut.id, signedOutSession),
      passwordKept: connectWithSession(passwordChanged.id, thisDevice),
      passwordEnded: connectWithSession(passwordChanged.id, otherDevice),
      formerAdmin: clientAs(target, document.id, formerAdmin.id),
      onTrashed: clientAs(target, trashed.id, owner.id),
    };
    await Promise.all(Object.values(clients).map((each) => waitSynced(each)));

    // The demotion is written before the removal: the round that sees the removal (one read
    // of the workspace's memberships) sees the demotion too.
    await storage.updateMembership({
      workspaceId: workspace.id,
      userId: demoted.id,
      role: 'viewer',
    });
    await storage.removeMembership({ workspaceId: workspace.id, userId: removed.id });
    await storage.updateUser({ id: deactivated.id, patch: { isActive: false } });
    await storage.deleteSession({ id: signedOutSession });
    await storage.deleteSessionsForUser({ userId: passwordChanged.id, exceptId: thisDevice });
    await storage.updateUser({ id: formerAdmin.id, patch: { role: 'member' } });
    await storage.updateDocument({
      id: trashed.id,
      patch: { deletedAt: new Date(), deletedById: owner.id },
    });

    const expected: Array<[TestClient, number, string]> = [
      [clients.deactivated, CLOSE_CODES.unauthenticated, 'deactivated account'],
      [clients.removed, CLOSE_CODES.forbidden, 'removed member'],
      [clients.signedOut, CLOSE_CODES.unauthenticated, 'signed out'],
      [clients.passwordEnded, CLOSE_CODES.unauthenticated, 'session ended by a password change'],
      [clients.formerAdmin, CLOSE_CODES.forbidden, 'admin who lost admin rights'],
      [clients.onTrashed, CLOSE_CODES.notFound, 'trashed document'],
    ];
    await Promise.all(
      expected.map(([each, code, who]) =>
        waitFor(() => each.closeCodes.includes(code), `${who} closed with ${code}`, PROMISED_MS),
      ),
    );

    // The demoted editor is now read-only: their edit is dropped, the owner's still reaches them.
    clients.demoted.ydoc.getText('text').insert(0, 'after demotion ');
    clients.owner.ydoc.getText('text').insert(0, 'owner edit');
    await waitFor(
      () => clients.demoted.text().includes('owner edit'),
      'demoted client still receives',
    );
    await waitHandled({ sender: clients.demoted.provider, observer: clients.owner.provider });
    const serverCopy = new Y.Doc();
    Y.applyUpdate(serverCopy, await target.collab.encodeState({ documentId: document.id }));
    expect(serverCopy.getText('text').toString()).toBe('owner edit');
    expect(clients.owner.closeCodes).toEqual([]);
    expect(clients.demoted.closeCodes).toEqual([]);
    expect(clients.passwordKept.closeCodes).toEqual([]);
  });

  it('checkNow re-checks after an idle period instead of returning a stale round', async () => {
    // A poll so slow that only checkNow can explain the close.
    const target = await server({ options: { accessRecheckMs: 60_000 } });
    const { owner, workspace, document } = await seedDocument(target.storage);
    const member = await buildUser(target.storage);
    await buildMembership(target.storage, { workspace, user: member, role: 'editor' });
    await target.collab.recheckAccess();
    const memberClient = clientAs(target, document.id, member.id);
    const ownerClient = clientAs(target, document.id, owner.id);
    await Promise.all([waitSynced(memberClient), waitSynced(ownerClient)]);
    await target.storage.removeMembership({ workspaceId: workspace.id, userId: member.id });
    await target.collab.recheckAccess();
    await waitFor(
      () => memberClient.closeCodes.includes(CLOSE_CODES.forbidden),
      'removed member closed by checkNow',
      1_000,
    );
    expect(ownerClient.closeCodes).toEqual([]);
  });
});
