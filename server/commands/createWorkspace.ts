/** Use case: start a workspace; its creator becomes its first owner. */
import type { Membership, Storage, User, Workspace } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Creates the workspace and the creator's `owner` membership, and records it in the audit log. */
export async function createWorkspace(input: {
  storage: Storage;
  actor: User;
  name: string;
  description?: string;
  ip?: string | null;
}): Promise<{ workspace: Workspace; membership: Membership }> {
  const { storage, actor } = input;
  const workspace = await storage.createWorkspace({
    name: input.name,
    description: input.description ?? '',
    createdById: actor.id,
  });
  const membership = await storage.addMembership({
    workspaceId: workspace.id,
    userId: actor.id,
    role: 'owner',
  });
  await recordAudit({
    storage,
    actor: actor,
    action: 'workspace.created',
    target: { type: 'workspace', id: workspace.id },
    details: { name: workspace.name },
    ip: input.ip ?? null,
  });
  return { workspace, membership };
}
