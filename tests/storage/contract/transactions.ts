/**
 * Contract: `withTransaction` keeps every write of a callback that resolves and none of one
 * that throws, isolates its writes from calls outside it, and joins a nested call. An engine
 * without transactions (MongoDB on a standalone server) skips the rollback and isolation
 * tests and is held to its documented fallback instead: each write applies on its own.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../server/errors';
import type { Storage } from '../../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage, StorageCapabilities } from '../contract';
import { expectRejection, tick } from './helpers';

/** What a callback leaves behind, read back through the store. */
async function footprint(storage: Storage, emails: string[]) {
  const users = await Promise.all(emails.map((email) => storage.getUserByEmail({ email })));
  return {
    users: users.map((user) => user?.email ?? null),
    userCount: await storage.countUsers(),
    audit: await storage.listAudit({ limit: 10 }),
  };
}

/** Registers the transaction tests. */
export function describeTransactionsContract(
  getStorage: GetStorage,
  { hasTransactions }: StorageCapabilities,
): void {
  /** A test of rollback or isolation, which only an engine with transactions can pass. */
  const itNeedsTransactions = it.skipIf(!hasTransactions);
  describe('transactions', () => {
    it('keeps every write of a callback that resolves, and returns its result', async () => {
      const storage = getStorage();
      const result = await storage.withTransaction(async (tx) => {
        const user = await buildUser(tx, { email: 'kept@example.org' });
        await tx.appendAudit({
          actorId: user.id,
          action: 'test.kept',
          targetType: null,
          targetId: null,
          details: {},
          ip: null,
        });
        return user.id;
      });
      expect((await storage.getUserById({ id: result }))?.email).toBe('kept@example.org');
      expect((await storage.listAudit({ limit: 10 })).map((event) => event.action)).toEqual([
        'test.kept',
      ]);
    });

    itNeedsTransactions(
      'rolls back every write of a callback that throws, and rethrows its error',
      async () => {
        const storage = getStorage();
        const owner = await buildUser(storage);
        const workspace = await buildWorkspace(storage, { owner });
        const document = await buildDocument(storage, { workspace, createdBy: owner });
        const [before] = await storage.appendDocUpdates({
          documentId: document.id,
          updates: [new Uint8Array([1])],
        });
        const failure = new Error('the callback failed');
        const outcome = await storage
          .withTransaction(async (tx) => {
            const user = await buildUser(tx, { email: 'gone@example.org' });
            await tx.addMembership({ workspaceId: workspace.id, userId: user.id, role: 'editor' });
            await tx.updateWorkspace({ id: workspace.id, patch: { name: 'Renamed' } });
            const created = await buildDocument(tx, { workspace, createdBy: user });
            await tx.appendDocUpdates({ documentId: created.id, updates: [new Uint8Array([2])] });
            await tx.appendDocUpdates({ documentId: document.id, updates: [new Uint8Array([3])] });
            await tx.updateDocument({ id: document.id, patch: { title: 'Changed' } });
            await tx.removeMembership({ workspaceId: workspace.id, userId: owner.id });
            await tx.appendAudit({
              actorId: user.id,
              action: 'test.gone',
              targetType: null,
              targetId: null,
              details: {},
              ip: null,
            });
            throw failure;
          })
          .catch((error: unknown) => error);
        expect(outcome).toBe(failure);

        expect(await footprint(storage, ['gone@example.org'])).toEqual({
          users: [null],
          userCount: 1,
          audit: [],
        });
        expect(await storage.getWorkspace({ id: workspace.id })).toEqual(workspace);
        expect((await storage.listMemberships({ workspaceId: workspace.id })).length).toBe(1);
        expect(await storage.listDocuments({ filter: { workspaceId: workspace.id } })).toHaveLength(
          1,
        );
        expect((await storage.getDocument({ id: document.id }))?.title).toBe(document.title);
        const state = await storage.loadDocState({ documentId: document.id });
        expect(state.updates.map((update) => update.seq)).toEqual([before]);
      },
    );

    itNeedsTransactions(
      'rolls back earlier writes when a later write fails, and rethrows its error',
      async () => {
        const storage = getStorage();
        await buildUser(storage, { email: 'taken@example.org' });
        await expectRejection(
          storage.withTransaction(async (tx) => {
            await buildUser(tx, { email: 'first@example.org' });
            await buildUser(tx, { email: 'taken@example.org' });
          }),
          ConflictError,
          'email_taken',
        );
        expect(await footprint(storage, ['first@example.org'])).toMatchObject({
          users: [null],
          userCount: 1,
        });
      },
    );

    itNeedsTransactions('joins a nested transaction to the outer one', async () => {
      const storage = getStorage();
      await expect(
        storage.withTransaction(async (tx) => {
          await tx.withTransaction((inner) => buildUser(inner, { email: 'inner@example.org' }));
          throw new Error('outer failed');
        }),
      ).rejects.toThrow('outer failed');
      expect(await storage.getUserByEmail({ email: 'inner@example.org' })).toBeNull();
    });

    itNeedsTransactions(
      'hides its writes from calls outside it, and does not roll theirs back',
      async () => {
        const storage = getStorage();
        let markInside = (): void => undefined;
        let letFinish = (): void => undefined;
        const inside = new Promise<void>((resolve) => {
          markInside = resolve;
        });
        const finish = new Promise<void>((resolve) => {
          letFinish = resolve;
        });
        const transaction = storage
          .withTransaction(async (tx) => {
            await buildUser(tx, { email: 'inside@example.org' });
            markInside();
            await finish;
            throw new Error('rolled back');
          })
          .catch(() => undefined);
        await inside;
        // Calls from outside (this test's own async context) while the callback waits. Not
        // awaited yet: SQLite holds them until the transaction ends.
        const outside = Promise.all([
          buildUser(storage, { email: 'outside@example.org' }),
          storage.getUserByEmail({ email: 'inside@example.org' }),
        ]);
        await tick(20);
        letFinish();
        await transaction;
        const [, seenOutside] = await outside;
        expect(seenOutside).toBeNull();
        expect(
          await footprint(storage, ['inside@example.org', 'outside@example.org']),
        ).toMatchObject({ users: [null, 'outside@example.org'], userCount: 1 });
      },
    );

    itNeedsTransactions(
      'runs transactions one after another when they are started together',
      async () => {
        const storage = getStorage();
        const results = await Promise.allSettled(
          ['a', 'b', 'c'].map((name) =>
            storage.withTransaction(async (tx) => {
              await buildUser(tx, { email: `${name}@example.org` });
              await tick(5);
              if (name === 'b') throw new Error('b failed');
              return name;
            }),
          ),
        );
        expect(results.map((result) => result.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        expect(
          (await footprint(storage, ['a@example.org', 'b@example.org', 'c@example.org'])).users,
        ).toEqual(['a@example.org', null, 'c@example.org']);
      },
    );

    it.runIf(!hasTransactions)(
      'without transactions, applies each write on its own and rethrows the error',
      async () => {
        const storage = getStorage();
        const failure = new Error('failed halfway');
        const outcome = await storage
          .withTransaction(async (tx) => {
            await buildUser(tx, { email: 'before@example.org' });
            await tx.withTransaction((inner) => buildUser(inner, { email: 'nested@example.org' }));
            throw failure;
          })
          .catch((error: unknown) => error);
        expect(outcome).toBe(failure);
        // The documented loss: the writes made before the failure stay.
        expect(
          (await footprint(storage, ['before@example.org', 'nested@example.org'])).users,
        ).toEqual(['before@example.org', 'nested@example.org']);
      },
    );
  });
}
