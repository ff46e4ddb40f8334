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
import { describeDocumentOriginalsContract } from './contract/documentOriginals';
import { describeGroupCommitContract } from './contract/groupCommit';
import { describeDocumentsContract } from './contract/documents';
import { describeDocumentFilterContract } from './contract/documentFilters';
import { describeDocumentListsContract } from './contract/documentLists';
import { describeInjectionContract } from './contract/injection';
import { describeInvitationsContract } from './contract/invitations';
import { describeNotificationMailContract } from './contract/notificationMail';
import { describeNotificationsContract } from './contract/notifications';
import { describeOrganizationsContract } from './contract/organizations';
import { describePurgedDocumentsContract } from './contract/purgedDocuments';
import { describeReferencesContract } from './contract/references';
import { describeReviewRequestsContract } from './contract/reviewRequests';
import { describeReviewSessionsContract } from './contract/reviewSessions';
import { describeSearchContract } from './contract/search';
import { describeSharedLogContract } from './contract/sharedLog';
import { describeSharesContract } from './contract/shares';
import { describeSuggestionsContract } from './contract/suggestions';
import { describeThreadsContract } from './contract/threads';
import { describeTransactionsContract } from './contract/transactions';
import { describeUsersContract } from './contract/users';
import { describeVersionsContract } from './contract/versions';
import { describeWorkspacesContract } from './contract/workspaces';

/** A fresh, empty store and how to dispose of it. */
export interface StorageHarness {
  storage: Storage;
  /**
   * Opens the same database through a second, independent store, as a second server process
   * sees it (scale-out). Closed by `cleanup` or by the test.
   */
  openSibling(): Promise<Storage>;
  cleanup(): Promise<void>;
}

/**
 * What an engine offers that some tests need. A test that needs a capability opts out at the
 * test level (`it.skipIf`) when the engine lacks it; its body never branches on the engine.
 */
export interface StorageCapabilities {
  /**
   * `withTransaction` rolls back and isolates. False for MongoDB on a standalone server (the
   * emulator), where callbacks run without a transaction (docs/STORAGE.md, "Transactions").
   */
  hasTransactions: boolean;
  /**
   * MongoDB's `$text` runs (search ranks complete words with it). False for the emulator:
   * mongomock has no text indexes (docs/STORAGE.md, "What the emulator cannot show").
   */
  hasTextSearch: boolean;
}

/** Gives each contract test the store of the test that is running. */
export type GetStorage = () => Storage;

/** Gives a contract test the harness of the test that is running (for a sibling store). */
export type GetHarness = () => StorageHarness;

/** Registers the whole contract suite for one engine. */
export function describeStorageContract(
  name: string,
  makeStorage: () => Promise<StorageHarness>,
  capabilities: StorageCapabilities = { hasTransactions: true, hasTextSearch: true },
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
    const getHarness: GetHarness = () => {
      if (!harness) throw new Error('storage harness used outside a test');
      return harness;
    };
    const getStorage: GetStorage = () => getHarness().storage;

    describeUsersContract(getStorage);
    describeOrganizationsContract(getStorage);
    describeWorkspacesContract(getStorage);
    describeInvitationsContract(getStorage);
    describeDocumentsContract(getStorage);
    describeDocumentFilterContract(getStorage);
    describeDocStateContract(getStorage);
    describeGroupCommitContract(getStorage);
    describeAuditAndSettingsContract(getStorage);
    describeInjectionContract(getStorage);
    describeReferencesContract(getStorage);
    describeDocumentListsContract(getStorage);
    describePurgedDocumentsContract(getStorage);
    describeTransactionsContract(getStorage, capabilities);
    describeSharedLogContract(getHarness);
    describeVersionsContract(getStorage);
    describeThreadsContract(getStorage);
    describeSuggestionsContract(getStorage);
    describeNotificationsContract(getStorage);
    describeNotificationMailContract(getHarness);
    describeReviewSessionsContract(getStorage);
    describeReviewRequestsContract(getStorage);
    describeSharesContract(getStorage);
    describeDocumentOriginalsContract(getStorage);
    describeSearchContract(getStorage, capabilities);
  });
}
