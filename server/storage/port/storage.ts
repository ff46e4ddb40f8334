/**
 * The whole storage port: every feature's methods (one file each in this folder), plus
 * the engine-level ones. See `types.ts` for the conventions every method follows.
 */
import type { AuditMethods } from './audit';
import type { DocUpdateMethods } from './docState';
import type { DocumentOriginalMethods } from './documentOriginals';
import type { DocumentMethods } from './documents';
import type { InvitationMethods } from './invitations';
import type { NotificationMethods } from './notifications';
import type { OrganizationMethods } from './organizations';
import type { ReviewRequestMethods } from './reviewRequests';
import type { ReviewSessionMethods } from './reviewSessions';
import type { SearchMethods } from './search';
import type { ShareMethods } from './shares';
import type { SuggestionMethods } from './suggestions';
import type { ThreadMethods } from './threads';
import type { UserMethods } from './users';
import type { VersionMethods } from './versions';
import type { WorkspaceMethods } from './workspaces';

/** Everything above `server/storage/` talks to this interface only. */
export interface Storage
  extends
    UserMethods,
    OrganizationMethods,
    WorkspaceMethods,
    InvitationMethods,
    DocumentMethods,
    DocUpdateMethods,
    AuditMethods,
    VersionMethods,
    SearchMethods,
    ThreadMethods,
    NotificationMethods,
    ReviewSessionMethods,
    ReviewRequestMethods,
    ShareMethods,
    SuggestionMethods,
    DocumentOriginalMethods {
  /** `sqlite` or `mongo`: for `/api/health` and logs only; nothing may branch on it. */
  readonly engine: 'sqlite' | 'mongo';
  /** Cheap round trip to the engine; throws `StorageUnavailableError` when it is down. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `work` in one transaction: every write made through `tx` is kept when `work`
   * resolves, and none is when it throws (the error is rethrown). Rules (docs/STORAGE.md):
   * - use `tx`, not the outer store, inside `work`;
   * - storage calls only: no sockets, no events, no other I/O inside (emit after it
   *   resolves). MongoDB may run `work` again on a transient write conflict, and SQLite
   *   holds every other storage call of the process until the transaction ends;
   * - a `withTransaction` inside `work` joins the outer transaction.
   */
  withTransaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>;
}
