/**
 * The access re-check of open collab connections (`server/collab/accessWatcher.ts`) over real
 * SQLite, with connections reduced to what the watcher reads and changes (who, which session,
 * the token's write bit, `canWrite`, `close`): each revocation reaches the connection (a
 * lowered role, a removed member, an archived workspace, an ended session, a changed or deleted
 * share, a deactivated or missing account, a trashed or purged document), and scopes re-check
 * only what they name. The rounds themselves (failed reads, a re-check during a round, slices,
 * polling): `accessWatcherRounds.test.ts`. The same over real sockets:
 * `revocationPolling.test.ts`, `revokeNow.test.ts`, `sessionBound.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { startSession } from '../../server/auth/sessions';
import type { Storage } from '../../server/storage/types';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildDocument, buildUser } from '../helpers/factories';
import { makeUser } from '../helpers/testActors';
import { useAccessWatcherWorld } from './accessWatcherHelpers';

let storage: Storage;
const { logged, watch, world, setRole } = useAccessWatcherWorld((opened) => {
  storage = opened;
});

describe('access watcher: what each revocation does', () => {
  it('downgrades a writer whose role was lowered, and upgrades them back (never past the token)', async () => {
    const { editor, workspace, document } = await world();
    const { watcher, connect } = watch();
    const writer = connect(document, { user: editor });
    const readOnlyToken = connect(document, { user: editor, tokenCanWrite: false });
    await setRole(workspace, editor, 'viewer');
    await watcher.checkNow();
    expect([writer.canWrite, writer.closed]).toEqual([false, null]);
    await setRole(workspace, editor, 'editor');
    await watcher.checkNow();
    expect([writer.canWrite, readOnlyToken.canWrite]).toEqual([true, false]);
  });

  it('closes a removed member with 4403, a deactivated account with 4401, a trashed document with 4404', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { watcher, connect } = watch();
    const removed = connect(document, { user: editor });
    const ownerThere = connect(document, { user: owner });
    const ownerElsewhere = connect(other, { user: owner });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await watcher.checkNow();
    expect(removed.closed).toEqual({
      code: CLOSE_CODES.forbidden,
      reason: 'no access to this document',
    });
    expect([ownerThere.closed, ownerElsewhere.closed]).toEqual([null, null]);
    await storage.updateDocument({
      id: document.id,
      patch: { deletedAt: new Date(), deletedById: owner.id },
    });
    await watcher.checkNow();
    expect(ownerThere.closed?.code).toBe(CLOSE_CODES.notFound);
    expect(ownerElsewhere.closed).toBeNull();
    await storage.updateUser({ id: owner.id, patch: { isActive: false } });
    await watcher.checkNow();
    expect(ownerElsewhere.closed?.code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('makes every connection of an archived workspace read-only', async () => {
    const { owner, editor, workspace, document } = await world();
    const { watcher, connect } = watch();
    const connections = [connect(document, { user: owner }), connect(document, { user: editor })];
    await storage.updateWorkspace({ id: workspace.id, patch: { isArchived: true } });
    await watcher.checkNow();
    expect(connections.map((open) => [open.canWrite, open.closed])).toEqual([
      [false, null],
      [false, null],
    ]);
  });

  it('closes the connections opened under a sign-in session that ended, and only those', async () => {
    const { editor, document } = await world();
    const { session } = await startSession({ storage, userId: editor.id, ttlDays: 1 });
    const { session: otherSession } = await startSession({
      storage,
      userId: editor.id,
      ttlDays: 1,
    });
    const { watcher, connect } = watch();
    const signedOut = connect(document, { user: editor, sessionId: session.id });
    const stillIn = connect(document, { user: editor, sessionId: otherSession.id });
    const serverToken = connect(document, { user: editor });
    await storage.deleteSession({ id: session.id });
    await watcher.checkNow();
    expect(signedOut.closed).toEqual({
      code: CLOSE_CODES.unauthenticated,
      reason: 'session ended',
    });
    expect([stillIn.closed, serverToken.closed]).toEqual([null, null]);
    expect([stillIn.canWrite, serverToken.canWrite]).toEqual([true, true]);
  });

  it('re-checks only the connections a scope names', async () => {
    const first = await world();
    const second = await world();
    const { watcher, connect } = watch();
    const a = connect(first.document, { user: first.editor });
    const b = connect(second.document, { user: second.editor });
    const c = connect(second.document, { user: second.owner });
    await setRole(first.workspace, first.editor, 'viewer');
    await setRole(second.workspace, second.editor, 'viewer');
    await storage.updateWorkspace({ id: second.workspace.id, patch: { isArchived: true } });

    await watcher.checkNow({ documentId: first.document.id, userId: second.editor.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([true, true, true]);
    await watcher.checkNow({ userId: second.editor.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([true, false, true]);
    await watcher.checkNow({ workspaceId: first.workspace.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([false, false, true]);
    await watcher.checkNow({ documentId: second.document.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([false, false, false]);

    // Scopes naming no live document re-check nothing (and read nothing that could fail).
    await storage.removeMembership({ workspaceId: first.workspace.id, userId: first.editor.id });
    await watcher.checkNow({ documentId: 'no-such-document' });
    await watcher.checkNow({ workspaceId: 'no-such-workspace' });
    await watcher.checkNow({ userId: 'no-such-user' });
    expect(a.closed).toBeNull();
    await watcher.checkNow({ documentId: first.document.id });
    expect(a.closed?.code).toBe(CLOSE_CODES.forbidden);
    expect(logged).toEqual([]);
  });

  it('keeps a connection its direct share allows, follows the share’s role, and closes it when the share goes', async () => {
    const { owner, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const outsider = await buildUser(storage);
    const shareOf = (role: 'editor' | 'viewer') =>
      storage.upsertDocumentShare({
        documentId: document.id,
        userId: outsider.id,
        role,
        createdById: owner.id,
      });
    const { share } = await shareOf('editor');
    const { watcher, connect } = watch();
    const shared = connect(document, { user: outsider });
    // Opened on a document not shared with them (as before a share was moved): closed.
    const notShared = connect(other, { user: outsider });
    await watcher.checkNow();
    expect([shared.canWrite, shared.closed]).toEqual([true, null]);
    expect(notShared.closed?.code).toBe(CLOSE_CODES.forbidden);
    await shareOf('viewer');
    await watcher.checkNow();
    expect([shared.canWrite, shared.closed]).toEqual([false, null]);
    await storage.deleteDocumentShare({ id: share.id });
    await watcher.checkNow();
    expect(shared.closed?.code).toBe(CLOSE_CODES.forbidden);
    expect(logged).toEqual([]);
  });

  it('closes a connection whose account no longer exists (4401) or whose document was purged (4404)', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { watcher, connect } = watch();
    const ghost = connect(document, { user: makeUser({ id: 'no-such-account' }) });
    const onPurged = connect(other, { user: editor });
    await storage.purgeDocument({ id: other.id });
    await watcher.checkNow();
    expect(ghost.closed?.code).toBe(CLOSE_CODES.unauthenticated);
    expect(onPurged.closed?.code).toBe(CLOSE_CODES.notFound);
    expect(logged).toEqual([]);
  });
});
