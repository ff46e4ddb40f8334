/** Contract: users and sessions. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import { buildOrganization, buildUser } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the user and session tests. */
export function describeUsersContract(getStorage: GetStorage): void {
  describe('users', () => {
    it('creates a user with defaults, a string id and Date stamps', async () => {
      const storage = getStorage();
      const user = await storage.createUser({
        name: 'Ana Ruiz',
        email: 'ana@example.test',
        role: 'admin',
        passwordHash: 'hash-1',
      });
      expect(typeof user.id).toBe('string');
      expect(user.id.length).toBeGreaterThan(0);
      expect(user).toMatchObject({
        name: 'Ana Ruiz',
        email: 'ana@example.test',
        role: 'admin',
        passwordHash: 'hash-1',
        organizationId: null,
        isActive: true,
      });
      expect(user.createdAt).toBeInstanceOf(Date);
      expect(user.updatedAt).toBeInstanceOf(Date);
      expect(await storage.getUserById({ id: user.id })).toEqual(user);
    });

    it('stores e-mails lower-cased and finds them case-insensitively', async () => {
      const storage = getStorage();
      const user = await buildUser(storage, { email: 'Jan.Novak@Example.TEST' });
      expect(user.email).toBe('jan.novak@example.test');
      expect((await storage.getUserByEmail({ email: 'JAN.NOVAK@example.test' }))?.id).toBe(user.id);
      expect(await storage.getUserByEmail({ email: 'nobody@example.test' })).toBeNull();
    });

    it('rejects a second account with the same e-mail (any case) as email_taken', async () => {
      const storage = getStorage();
      await buildUser(storage, { email: 'same@example.test' });
      await expectRejection(
        buildUser(storage, { email: 'SAME@example.test' }),
        ConflictError,
        'email_taken',
      );
      expect(await storage.countUsers()).toBe(1);
    });

    it('returns null for an unknown id', async () => {
      expect(await getStorage().getUserById({ id: MISSING_ID })).toBeNull();
    });

    it('updates the given fields only and moves updatedAt', async () => {
      const storage = getStorage();
      const organization = await buildOrganization(storage);
      const user = await buildUser(storage, { name: 'Before' });
      await tick();
      const updated = await storage.updateUser({
        id: user.id,
        patch: {
          name: 'After',
          isActive: false,
          organizationId: organization.id,
          email: 'New@Example.test',
        },
      });
      expect(updated).toMatchObject({
        id: user.id,
        name: 'After',
        isActive: false,
        organizationId: organization.id,
        email: 'new@example.test',
        role: user.role,
        passwordHash: user.passwordHash,
      });
      expect(updated.createdAt).toEqual(user.createdAt);
      expect(updated.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime());
      expect(await storage.getUserById({ id: user.id })).toEqual(updated);
    });

    it('e-mails notifications by default; the setting turns off and on alone', async () => {
      const storage = getStorage();
      const user = await buildUser(storage, { name: 'Mailed' });
      expect(user.emailNotifications).toBe(true);
      const off = await storage.updateUser({ id: user.id, patch: { emailNotifications: false } });
      expect(off).toMatchObject({ emailNotifications: false, name: 'Mailed', isActive: true });
      expect((await storage.getUserById({ id: user.id }))?.emailNotifications).toBe(false);
      expect((await storage.listUsers({ ids: [user.id] }))[0]?.emailNotifications).toBe(false);
      const on = await storage.updateUser({ id: user.id, patch: { emailNotifications: true } });
      expect(on.emailNotifications).toBe(true);
    });

    it('e-mails invitations by default; that setting is independent of notifications', async () => {
      const storage = getStorage();
      const user = await buildUser(storage, { name: 'Invited' });
      expect(user.emailInvitations).toBe(true);
      const off = await storage.updateUser({ id: user.id, patch: { emailInvitations: false } });
      expect(off).toMatchObject({ emailInvitations: false, emailNotifications: true });
      expect((await storage.getUserByEmail({ email: user.email }))?.emailInvitations).toBe(false);
      expect((await storage.listUsers({ ids: [user.id] }))[0]?.emailInvitations).toBe(false);
      const both = await storage.updateUser({
        id: user.id,
        patch: { emailInvitations: true, emailNotifications: false },
      });
      expect(both).toMatchObject({ emailInvitations: true, emailNotifications: false });
    });

    it('rejects changing an e-mail to one that is taken, and updating a missing user', async () => {
      const storage = getStorage();
      await buildUser(storage, { email: 'taken@example.test' });
      const user = await buildUser(storage);
      await expectRejection(
        storage.updateUser({ id: user.id, patch: { email: 'TAKEN@example.test' } }),
        ConflictError,
        'email_taken',
      );
      await expect(
        storage.updateUser({ id: MISSING_ID, patch: { name: 'x' } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists all users oldest first, or only the given ids', async () => {
      const storage = getStorage();
      const first = await buildUser(storage);
      await tick();
      const second = await buildUser(storage);
      await tick();
      const third = await buildUser(storage);
      expect((await storage.listUsers({})).map((u) => u.id)).toEqual([
        first.id,
        second.id,
        third.id,
      ]);
      const some = await storage.listUsers({ ids: [third.id, first.id, MISSING_ID] });
      expect(some.map((u) => u.id).sort()).toEqual([first.id, third.id].sort());
      expect(await storage.listUsers({ ids: [] })).toEqual([]);
    });

    it('counts users', async () => {
      const storage = getStorage();
      expect(await storage.countUsers()).toBe(0);
      await buildUser(storage);
      await buildUser(storage);
      expect(await storage.countUsers()).toBe(2);
    });

    it('hands out copies: mutating a returned user changes nothing stored', async () => {
      const storage = getStorage();
      const user = await buildUser(storage, { name: 'Original' });
      user.name = 'Mutated';
      user.createdAt.setTime(0);
      const again = await storage.getUserById({ id: user.id });
      expect(again?.name).toBe('Original');
      expect(again?.createdAt.getTime()).not.toBe(0);
    });
  });

  describe('sessions', () => {
    it('creates, reads and deletes a session by its id', async () => {
      const storage = getStorage();
      const user = await buildUser(storage);
      const expiresAt = new Date(Date.now() + 86_400_000);
      const session = await storage.createSession({
        id: 'sha256-of-token-1',
        userId: user.id,
        expiresAt,
      });
      expect(session).toMatchObject({ id: 'sha256-of-token-1', userId: user.id, expiresAt });
      expect(session.createdAt).toBeInstanceOf(Date);
      expect(await storage.getSession({ id: session.id })).toEqual(session);
      await storage.deleteSession({ id: session.id });
      expect(await storage.getSession({ id: session.id })).toBeNull();
    });

    it('treats deleting an absent session as done (signing out twice is fine)', async () => {
      await expect(getStorage().deleteSession({ id: MISSING_ID })).resolves.toBeUndefined();
    });

    it('rejects a duplicate session id as a conflict', async () => {
      const storage = getStorage();
      const user = await buildUser(storage);
      const expiresAt = new Date(Date.now() + 60_000);
      await storage.createSession({ id: 'dup', userId: user.id, expiresAt });
      await expect(
        storage.createSession({ id: 'dup', userId: user.id, expiresAt }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it("ends every session of one user, optionally keeping one, and no one else's", async () => {
      const storage = getStorage();
      const alice = await buildUser(storage);
      const bob = await buildUser(storage);
      const expiresAt = new Date(Date.now() + 60_000);
      for (const id of ['a1', 'a2', 'a3'])
        await storage.createSession({ id, userId: alice.id, expiresAt });
      await storage.createSession({ id: 'b1', userId: bob.id, expiresAt });

      expect(await storage.deleteSessionsForUser({ userId: alice.id, exceptId: 'a2' })).toBe(2);
      expect(await storage.getSession({ id: 'a1' })).toBeNull();
      expect(await storage.getSession({ id: 'a2' })).not.toBeNull();
      expect(await storage.getSession({ id: 'b1' })).not.toBeNull();
      expect(await storage.deleteSessionsForUser({ userId: alice.id })).toBe(1);
      expect(await storage.getSession({ id: 'a2' })).toBeNull();
      expect(await storage.deleteSessionsForUser({ userId: alice.id })).toBe(0);
    });
  });
}
