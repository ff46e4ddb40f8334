/**
 * Contract: values that slipped past validation with the wrong shape (an operator object
 * where a string belongs, as in `{"email": {"$gt": ""}}`) never match stored data. An engine
 * may reject them or find nothing; it must never treat them as a query.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';

/** Smuggles a value past the type system, as untyped JSON input would. */
function smuggle<T>(value: unknown): T {
  return value as T;
}

/** Settles a promise into what it resolved to, or `'rejected'`. */
async function outcome<T>(promise: Promise<T>): Promise<T | 'rejected'> {
  return promise.then(
    (value) => value,
    () => 'rejected' as const,
  );
}

/** Registers the operator-injection tests. */
export function describeInjectionContract(getStorage: GetStorage): void {
  describe('operator injection', () => {
    it('an operator object as an e-mail or id finds no user', async () => {
      const storage = getStorage();
      await buildUser(storage);
      const byEmail = await outcome(storage.getUserByEmail({ email: smuggle({ $gt: '' }) }));
      expect(byEmail === 'rejected' || byEmail === null).toBe(true);
      const byId = await outcome(storage.getUserById({ id: smuggle({ $ne: null }) }));
      expect(byId === 'rejected' || byId === null).toBe(true);
      const session = await outcome(storage.getSession({ id: smuggle({ $ne: '' }) }));
      expect(session === 'rejected' || session === null).toBe(true);
    });

    it('operator objects in a document filter match nothing', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      await buildDocument(storage, { workspace, createdBy: author, kind: 'note' });
      const listed = await outcome(
        storage.listDocuments({
          filter: { kind: smuggle({ $ne: 'guideline' }), status: smuggle({ $exists: true }) },
        }),
      );
      expect(listed === 'rejected' || listed.length === 0).toBe(true);
      const invitation = await outcome(
        storage.getInvitationByTokenHash({ tokenHash: smuggle({ $gt: '' }) }),
      );
      expect(invitation === 'rejected' || invitation === null).toBe(true);
    });
  });

  describe('limits', () => {
    it('a limit of 0 lists nothing', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      await buildDocument(storage, { workspace, createdBy: author });
      await storage.appendAudit({
        actorId: null,
        action: 'x',
        targetType: null,
        targetId: null,
        details: {},
        ip: null,
      });
      expect(await storage.listDocuments({ filter: {}, limit: 0 })).toEqual([]);
      expect(await storage.listAudit({ limit: 0 })).toEqual([]);
    });
  });
}
