/** Use case: rename, describe, archive or unarchive a workspace (owners). */
import type { EventBus } from '../events';
import type { Storage, User, Workspace, WorkspacePatch } from '../storage/types';

/** Writes `patch` and emits `workspace.updated` (audited; archiving re-checks open editors). */
export async function updateWorkspace(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  workspace: Workspace;
  patch: WorkspacePatch;
  ip?: string | null;
}): Promise<Workspace> {
  const updated = await input.storage.updateWorkspace({
    id: input.workspace.id,
    patch: input.patch,
  });
  await input.events.emit('workspace.updated', {
    context: { actor: input.actor, ip: input.ip ?? null },
    before: input.workspace,
    workspace: updated,
    changes: { ...input.patch },
  });
  return updated;
}
