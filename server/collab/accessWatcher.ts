/**
 * Makes role changes, removals, deactivations, archiving and trashing take effect on open
 * connections: every `accessRecheckMs` (and at once when a revoking route calls `checkNow`),
 * one read of all connected users, one of each involved workspace and of its memberships,
 * one of each sign-in session connections were opened under, and one of each live document
 * with connections; then each connection is downgraded/upgraded (read-only ⇄ writer) or
 * closed with 4401 (account or session ended)/4403/4404.
 */
import { CLOSE_CODES } from '../../shared/closeCodes';
import type { Logger } from '../logger';
import type { Membership, Storage, User, Workspace } from '../storage/types';
import { decideAccess } from './access';
import { isSessionAlive } from './authenticate';
import type { CollabConnection } from './connection';
import type { LiveDoc } from './liveDoc';

/** Access re-check of open connections: periodic, and on demand after a revocation. */
export interface AccessWatcher {
  /**
   * Runs one re-check of every live document now: revoking routes call it (through
   * `RouteDeps.recheckAccess`) so a revocation needs no poll; tests call it to avoid waiting.
   */
  checkNow(): Promise<void>;
  stop(): void;
}

export function startAccessWatcher(input: {
  storage: Storage;
  logger: Logger;
  intervalMs: number;
  liveDocs: () => LiveDoc[];
  connectionsOf: (doc: LiveDoc) => CollabConnection[];
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

  const checkDoc = async (doc: LiveDoc, reads: RoundReads): Promise<void> => {
    const connections = input.connectionsOf(doc);
    if (connections.length === 0) return;
    const [document, memberships, workspace] = await Promise.all([
      input.storage.getDocument({ id: doc.documentId }),
      reads.membershipsOf(doc.workspaceId),
      reads.workspaceOf(doc.workspaceId),
    ]);
    for (const connection of connections) {
      if (connection.sessionId && reads.endedSessionIds.has(connection.sessionId)) {
        connection.close(CLOSE_CODES.unauthenticated, 'session ended');
        continue;
      }
      const decision = decideAccess({
        document,
        workspace,
        user: reads.users.get(connection.userId) ?? null,
        membership: memberships.get(connection.userId) ?? null,
        tokenCanWrite: connection.tokenCanWrite,
      });
      if (!decision.isAllowed) {
        connection.close(decision.code, decision.reason);
        continue;
      }
      connection.canWrite = decision.canWrite;
    }
  };

  const readRound = async (docs: LiveDoc[]): Promise<RoundReads> => {
    const userIds = new Set<string>();
    const sessionOwners = new Map<string, string>();
    for (const doc of docs)
      for (const connection of input.connectionsOf(doc)) {
        userIds.add(connection.userId);
        if (connection.sessionId) sessionOwners.set(connection.sessionId, connection.userId);
      }
    // One read per distinct session: signing out (or a password change ending other
    // sessions) closes the connections opened under that sign-in.
    const [users, sessionChecks] = await Promise.all([
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
        if (!workspace) {
          workspace = input.storage.getWorkspace({ id: workspaceId });
          workspaces.set(workspaceId, workspace);
        }
        return workspace;
      },
    };
  };

  /** One re-check of every live document that has connections. */
  const round = async (): Promise<void> => {
    const docs = input.liveDocs().filter((doc) => input.connectionsOf(doc).length > 0);
    if (docs.length === 0) return;
    const reads = await readRound(docs);
    await Promise.all(
      docs.map((doc) =>
        checkDoc(doc, reads).catch((error: unknown) => {
          input.logger.warn({ err: error, documentId: doc.documentId }, 'access re-check failed');
        }),
      ),
    );
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

  // A check already under way may have read storage before the caller's change: run a fresh one.
  const checkNow = async (): Promise<void> => {
    if (running) await running;
    await run();
  };

  const timer = setInterval(() => void run(), input.intervalMs);
  timer.unref();
  return {
    checkNow,
    stop: () => clearInterval(timer),
  };
}
