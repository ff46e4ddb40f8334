/**
 * Makes role changes, removals, deactivations, archiving and trashing take effect on open
 * connections: every `accessRecheckMs` (and at once, for the affected connections only, when
 * the access subscriber of the domain events calls `checkNow(scope)`),
 * one read of all connected users, one of each involved workspace and of its memberships,
 * one of each sign-in session connections were opened under, and, per slice of 100 live
 * documents with connections, one read of their metadata and one of their direct shares; then
 * each connection is downgraded/upgraded (read-only ⇄ writer) or closed with 4401 (account or
 * session ended)/4403/4404.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CLOSE_CODES } from '../../shared/closeCodes';
import type { AccessScope } from '../events/accessScope';
import type { Logger } from '../logger';
import type {
  DocumentMeta,
  DocumentShare,
  Membership,
  Storage,
  User,
  Workspace,
} from '../storage/types';
import { documentMembership } from '../policies/documentReach';
import { decideAccess } from './access';
import { isSessionAlive } from './authenticate';
import type { CollabConnection } from './connection';
import type { LiveDoc } from './liveDoc';

/** Documents re-checked per event-loop turn; other documents' traffic runs between turns. */
const DOCS_PER_TURN = 100;

/** Access re-check of open connections: periodic, and on demand after a revocation. */
export interface AccessWatcher {
  /**
   * Runs one re-check now of the connections in `scope` (default: all): the access
   * subscriber of the domain events calls it after a revocation, so it needs no poll; tests
   * call it to avoid waiting.
   */
  checkNow(scope?: AccessScope): Promise<void>;
  stop(): void;
}

/** What a re-check reads of one document: its metadata (null: gone) and its direct shares. */
interface DocumentFacts {
  document: DocumentMeta | null;
  shares: DocumentShare[];
}

/** What the watcher reads of a live document: which one it is, and its workspace. */
export type WatchedDoc = Pick<LiveDoc, 'documentId' | 'workspaceId'>;

/** What the watcher reads and changes of a connection. */
export type WatchedConnection = Pick<
  CollabConnection,
  'userId' | 'sessionId' | 'tokenCanWrite' | 'canWrite' | 'canSuggest' | 'close'
>;

/** Starts the periodic re-check (see the module comment); `stop()` ends it. */
export function startAccessWatcher<Doc extends WatchedDoc>(input: {
  storage: Storage;
  logger: Logger;
  intervalMs: number;
  liveDocs: () => Doc[];
  connectionsOf: (doc: Doc) => WatchedConnection[];
}): AccessWatcher {
  let running: Promise<void> | null = null;

  /**
   * One round's reads, shared by every document: each workspace (archived ones are
   * read-only) and its members once, each user once.
   */
  interface RoundReads {
    membershipsOf(workspaceId: string): Promise<Map<string, Membership>>;
    workspaceOf(workspaceId: string): Promise<Workspace | null>;
    users: Map<string, User>;
    /** Sessions (of connections bound to one) that have ended since the connection joined. */
    endedSessionIds: Set<string>;
  }

  /** The connections of `doc` that `scope` names. */
  const connectionsIn = (doc: Doc, scope: AccessScope): WatchedConnection[] => {
    if (scope.documentId !== undefined && doc.documentId !== scope.documentId) return [];
    if (scope.workspaceId !== undefined && doc.workspaceId !== scope.workspaceId) return [];
    const connections = input.connectionsOf(doc);
    if (scope.userId === undefined) return connections;
    return connections.filter((connection) => connection.userId === scope.userId);
  };

  /**
   * The stored facts of one slice of documents, in two reads (at 1,000 open documents, two
   * reads per document were ~8 % of the server's busy time in bench (d)). Empty when a read
   * failed: the slice then reads document by document, so one broken document fails alone.
   */
  const readSliceFacts = async (documentIds: string[]): Promise<Map<string, DocumentFacts>> => {
    try {
      const [metas, shares] = await Promise.all([
        input.storage.listDocumentMetas({ ids: documentIds }),
        input.storage.listSharesOfDocuments({ documentIds }),
      ]);
      const facts = new Map<string, DocumentFacts>(
        // Stryker disable next-line ArrayDeclaration: equivalent, an entry without a userId matches no connection
        documentIds.map((id) => [id, { document: null, shares: [] }]),
      );
      // Storage answers only for the ids asked (the port's contract); were it not so, the
      // TypeError below would send the slice down the one-by-one path.
      for (const document of metas) facts.get(document.id)!.document = document;
      for (const share of shares) facts.get(share.documentId)!.shares.push(share);
      return facts;
    } catch {
      return new Map();
    }
  };

  const readDocumentFacts = async (documentId: string): Promise<DocumentFacts> => {
    const [document, shares] = await Promise.all([
      input.storage.getDocumentMeta({ id: documentId }),
      input.storage.listDocumentShares({ documentId }),
    ]);
    return { document, shares };
  };

  const checkDoc = async (
    doc: Doc,
    connections: WatchedConnection[],
    reads: RoundReads,
    sliceFacts: DocumentFacts | undefined,
  ): Promise<void> => {
    // Stryker disable next-line ConditionalExpression: equivalent, a fast path: with no connections the loop below changes nothing
    if (connections.length === 0) return;
    const [{ document, shares }, memberships, workspace] = await Promise.all([
      sliceFacts ?? readDocumentFacts(doc.documentId),
      reads.membershipsOf(doc.workspaceId),
      reads.workspaceOf(doc.workspaceId),
    ]);
    const shareOf = new Map(shares.map((share) => [share.userId, share]));
    for (const connection of connections) {
      if (connection.sessionId && reads.endedSessionIds.has(connection.sessionId)) {
        connection.close(CLOSE_CODES.unauthenticated, 'session ended');
        continue;
      }
      const user = reads.users.get(connection.userId) ?? null;
      const decision = decideAccess({
        document,
        workspace,
        user,
        // Workspace role, direct share or link reach, whichever is strongest.
        membership:
          user && document
            ? documentMembership({
                actor: user,
                membership: memberships.get(connection.userId) ?? null,
                share: shareOf.get(connection.userId) ?? null,
                document,
              })
            : null,
        tokenCanWrite: connection.tokenCanWrite,
      });
      if (!decision.isAllowed) {
        connection.close(decision.code, decision.reason);
        continue;
      }
      connection.canWrite = decision.canWrite;
      connection.canSuggest = decision.canSuggest;
    }
  };

  const readRound = async (
    targets: { connections: WatchedConnection[] }[],
  ): Promise<RoundReads> => {
    const userIds = new Set<string>();
    const sessionOwners = new Map<string, string>();
    for (const { connections } of targets)
      for (const connection of connections) {
        userIds.add(connection.userId);
        // Stryker disable next-line ConditionalExpression: equivalent, a connection without a session is never closed for one (isSessionAlive answers true for null)
        if (connection.sessionId) sessionOwners.set(connection.sessionId, connection.userId);
      }
    // One read per distinct session: signing out (or a password change ending other
    // sessions) closes the connections opened under that sign-in.
    const [users, sessionChecks] = await Promise.all([
      // Stryker disable next-line ObjectLiteral: equivalent, reading every user finds the same ones by id (only slower)
      input.storage.listUsers({ ids: [...userIds] }),
      Promise.all(
        [...sessionOwners].map(async ([sessionId, userId]) => ({
          sessionId,
          isAlive: await isSessionAlive({ storage: input.storage, sessionId, userId }),
        })),
      ),
    ]);
    const endedSessionIds = new Set(
      sessionChecks.filter((check) => !check.isAlive).map((check) => check.sessionId),
    );
    // One membership read per workspace per round, not per document: with 200 open
    // documents in one 400-member workspace, per-document reads were ~40% of the server's
    // CPU in bench scenario (b) (docs/PERFORMANCE.md).
    const byWorkspace = new Map<string, Promise<Map<string, Membership>>>();
    const workspaces = new Map<string, Promise<Workspace | null>>();
    return {
      users: new Map(users.map((user) => [user.id, user])),
      endedSessionIds,
      membershipsOf(workspaceId) {
        let memberships = byWorkspace.get(workspaceId);
        // Stryker disable next-line ConditionalExpression: equivalent, a cache: reading again gives the same rows
        if (!memberships) {
          memberships = input.storage
            .listMemberships({ workspaceId })
            .then((list) => new Map(list.map((membership) => [membership.userId, membership])));
          byWorkspace.set(workspaceId, memberships);
        }
        return memberships;
      },
      workspaceOf(workspaceId) {
        let workspace = workspaces.get(workspaceId);
        // Stryker disable next-line ConditionalExpression: equivalent, a cache: reading again gives the same row
        if (!workspace) {
          workspace = input.storage.getWorkspace({ id: workspaceId });
          workspaces.set(workspaceId, workspace);
        }
        return workspace;
      },
    };
  };

  /** One re-check of the connections in `scope` (every connection by default). */
  const round = async (scope: AccessScope = {}): Promise<void> => {
    const scoped = input.liveDocs().map((doc) => ({ doc, connections: connectionsIn(doc, scope) }));
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: equivalent, skipping documents without connections only saves reads
    const targets = scoped.filter((target) => target.connections.length > 0);
    // Stryker disable next-line ConditionalExpression: equivalent, a fast path: no targets means no reads that matter
    if (targets.length === 0) return;
    const reads = await readRound(targets);
    // Stryker disable next-line EqualityOperator: equivalent, `<=` adds one empty slice (a yield, no reads)
    for (let start = 0; start < targets.length; start += DOCS_PER_TURN) {
      // SQLite answers synchronously: without a yield, a round over every open document
      // would hold the event loop for its whole length (~80 ms at 1,000 documents).
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a yield before the first slice only adds a turn
      if (start > 0) await yieldToEventLoop();
      const slice = targets.slice(start, start + DOCS_PER_TURN);
      const facts = await readSliceFacts(slice.map(({ doc }) => doc.documentId));
      await Promise.all(
        slice.map(({ doc, connections }) =>
          checkDoc(doc, connections, reads, facts.get(doc.documentId)).catch((error: unknown) => {
            input.logger.warn({ err: error, documentId: doc.documentId }, 'access re-check failed');
          }),
        ),
      );
    }
  };

  const run = (): Promise<void> => {
    // `.finally` always runs in a later microtask, so `running` is stored before it is
    // cleared even when the round finishes without awaiting anything (no connections). A
    // `try/finally` inside the async body ran first in that case and left `running` set to
    // a settled promise for ever: no later round re-checked anything (issue 8, item 1).
    running ??= round()
      .catch((error: unknown) => {
        input.logger.warn({ err: error }, 'access re-check failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  // A check already under way may have read storage before the caller's change: wait for it
  // (so it cannot undo this one with stale reads), then run a fresh one of the scope.
  const checkNow = async (scope?: AccessScope): Promise<void> => {
    // (Its `if (true)` mutant survives, equivalent: awaiting null only adds a microtask. Not
    // marked, as a mark would also hide `if (false)`, which the tests kill.)
    if (running) await running;
    if (!scope) {
      await run();
      return;
    }
    await round(scope).catch((error: unknown) => {
      input.logger.warn({ err: error }, 'access re-check failed');
    });
  };

  const timer = setInterval(() => void run(), input.intervalMs);
  timer.unref();
  return {
    checkNow,
    stop: () => clearInterval(timer),
  };
}
