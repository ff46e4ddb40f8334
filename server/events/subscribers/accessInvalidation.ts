/**
 * Takes access away from open connections the moment a change is stored: each revoking event
 * re-checks the collab connections and Socket.IO sockets it can concern (the periodic
 * re-checks stay as a safety net). Awaited by `emit`, so the HTTP answer of a revocation
 * leaves after the affected connections were closed or made read-only.
 */
import type { AccessScope } from '../accessScope';
import type { EventBus } from '../bus';

/** What a re-check needs: both kinds of open connection, each able to re-check a scope. */
export interface AccessRecheckers {
  collab: { recheckAccess(scope?: AccessScope): Promise<void> };
  realtime: { recheckAccess(scope?: AccessScope): Promise<void> };
  /** With several processes (`REDIS_URL`): tells the others to re-check their connections too. */
  otherProcesses?: { publish(scope: AccessScope): void } | null;
}

/** Subscribes the access re-checks to every event that can take access away. */
export function subscribeAccessInvalidation(input: AccessRecheckers & { events: EventBus }): void {
  const { events, collab, realtime, otherProcesses } = input;
  const recheck = async (scope: AccessScope): Promise<void> => {
    otherProcesses?.publish(scope);
    await Promise.all([collab.recheckAccess(scope), realtime.recheckAccess(scope)]);
  };

  // A demotion makes their open editors read-only (and a promotion writable).
  events.on('membership.changed', ({ workspaceId, userId }) => recheck({ workspaceId, userId }));
  events.on('membership.removed', ({ workspaceId, userId }) => recheck({ workspaceId, userId }));
  // An admin made a member loses the workspaces they reached only as admin.
  events.on('user.roleChanged', ({ userId }) => recheck({ userId }));
  events.on('user.deactivated', ({ userId }) => recheck({ userId }));
  events.on('session.ended', ({ userId }) => recheck({ userId }));
  // Archiving makes open editors read-only; unarchiving, writable again.
  events.on('workspace.updated', async ({ before, workspace }) => {
    if (before.isArchived !== workspace.isArchived) await recheck({ workspaceId: workspace.id });
  });
  // Approving or publishing locks the text (open editors become read-only); back to draft
  // unlocks it.
  events.on('document.statusChanged', ({ document }) => recheck({ documentId: document.id }));
  // A revoked share, or a share's lowered role, ends or narrows that person's connections.
  events.on('document.unshared', ({ document, share }) =>
    recheck({ documentId: document.id, userId: share.userId }),
  );
  events.on('document.shared', async ({ document, share, isNew }) => {
    if (!isNew) await recheck({ documentId: document.id, userId: share.userId });
  });
  // Narrowing the link reach (public or network back to restricted) closes link-only readers.
  events.on('document.updated', async ({ before, document }) => {
    if (before.linkAccess !== document.linkAccess) await recheck({ documentId: document.id });
  });
  // Collab connections were closed by the trash command; Socket.IO rooms of the document go now.
  events.on('document.trashed', ({ document }) => recheck({ documentId: document.id }));
}
