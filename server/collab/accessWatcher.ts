/**
 * Makes role changes, removals, deactivations and trashing take effect on open connections:
 * every `accessRecheckMs`, for each live document with connections, one fresh read of the
 * document, its workspace memberships and the connected users, then each connection is
 * downgraded/upgraded (read-only ⇄ writer) or closed with 4401/4403/4404.
 */
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { decideAccess } from './access';
import type { CollabConnection } from './connection';
import type { LiveDoc } from './liveDoc';

/** Periodic access re-check of open connections. */
export interface AccessWatcher {
  /** Runs one re-check of every live document now (tests call it to avoid waiting). */
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

  type MembershipList = ReturnType<Storage['listMemberships']>;

  const checkDoc = async (
    doc: LiveDoc,
    membershipsOf: (workspaceId: string) => MembershipList,
  ): Promise<void> => {
    const connections = input.connectionsOf(doc);
    if (connections.length === 0) return;
    const userIds = [...new Set(connections.map((connection) => connection.userId))];
    const [document, memberships, users] = await Promise.all([
      input.storage.getDocument({ id: doc.documentId }),
      membershipsOf(doc.workspaceId),
      input.storage.listUsers({ ids: userIds }),
    ]);
    for (const connection of connections) {
      const decision = decideAccess({
        document,
        user: users.find((user) => user.id === connection.userId) ?? null,
        membership:
          memberships.find((membership) => membership.userId === connection.userId) ?? null,
        tokenCanWrite: connection.tokenCanWrite,
      });
      if (!decision.isAllowed) {
        connection.close(decision.code, decision.reason);
        continue;
      }
      connection.canWrite = decision.canWrite;
    }
  };

  const run = (): Promise<void> => {
    running ??= (async () => {
      // One membership read per workspace per round, not per document: with 200 open
      // documents in one 400-member workspace, per-document reads were ~40% of the server's
      // CPU in bench scenario (b) (docs/PERFORMANCE.md).
      const byWorkspace = new Map<string, MembershipList>();
      const membershipsOf = (workspaceId: string): MembershipList => {
        let list = byWorkspace.get(workspaceId);
        if (!list) {
          list = input.storage.listMemberships({ workspaceId });
          byWorkspace.set(workspaceId, list);
        }
        return list;
      };
      try {
        await Promise.all(
          input.liveDocs().map((doc) =>
            checkDoc(doc, membershipsOf).catch((error: unknown) => {
              input.logger.warn(
                { err: error, documentId: doc.documentId },
                'access re-check failed',
              );
            }),
          ),
        );
      } finally {
        running = null;
      }
    })();
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
