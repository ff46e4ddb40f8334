/**
 * The storage contract: ONE suite that every engine must pass, called once per adapter
 * (`sqlite.test.ts`, `mongo.test.ts`). Each test gets a fresh, empty store from
 * `makeStorage` and gives it back through `cleanup`. Engine-specific behaviour is tested in
 * the engine's own test file, never by branching on `storage.engine` in here.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Storage } from '../../server/storage/types';
import { describeAuditAndSettingsContract } from './contract/auditAndSettings';
import { describeDocStateContract } from './contract/docState';
import { describeDocumentsContract } from './contract/documents';
import { describeDocumentFilterContract } from './contract/documentFilters';
import { describeDocumentListsContract } from './contract/documentLists';
import { describeInjectionContract } from './contract/injection';
import { describeInvitationsContract } from './contract/invitations';
import { describeNotificationsContract } from './contract/notifications';
import { describeOrganizationsContract } from './contract/organizations';
import { describePurgedDocumentsContract } from './contract/purgedDocuments';
import { describeReferencesContract } from './contract/references';
import { describeThreadsContract } from './contract/threads';
import { describeTransactionsContract } from './contract/transactions';
import { describeUsersContract } from './contract/users';
import { describeWorkspacesContract } from './contract/workspaces';

/** A fresh, empty store and how to dispose of it. */
export interface StorageHarness {
  storage: Storage;
  cleanup(): Promise<void>;
}

/** Gives each contract test the store of the test that is running. */
export type GetStorage = () => Storage;

/** Registers the whole contract suite for one engine. */
export function describeStorageContract(
  name: string,
  makeStorage: () => Promise<StorageHarness>,
): void {
  describe(`storage contract: ${name}`, () => {
    let harness: StorageHarness | null = null;
    beforeEach(async () => {
      harness = await makeStorage();
    });
    afterEach(async () => {
      await harness?.cleanup();
      harness = null;
    });
    const getStorage: GetStorage = () => {
      if (!harness) throw new Error('storage harness used outside a test');
      return harness.storage;
    };

    describeUsersContract(getStorage);
    describeOrganizationsContract(getStorage);
    describeWorkspacesContract(getStorage);
    describeInvitationsContract(getStorage);
    describeDocumentsContract(getStorage);
    describeDocumentFilterContract(getStorage);
    describeDocStateContract(getStorage);
    describeAuditAndSettingsContract(getStorage);
    describeInjectionContract(getStorage);
    describeReferencesContract(getStorage);
    describeDocumentListsContract(getStorage);
    describePurgedDocumentsContract(getStorage);
    describeTransactionsContract(getStorage);
    describeThreadsContract(getStorage);
    describeNotificationsContract(getStorage);
  });
}
