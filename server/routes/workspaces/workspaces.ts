/**
 * `/api/workspaces`: create, list, read and update workspaces. Members and invitations are
 * in `members.ts`, the workspace's documents in `../documents/workspaceDocuments.ts`.
 */
import express, { type Router } from 'express';
import {
  CreateWorkspaceBody,
  ListWorkspacesQuery,
  UpdateWorkspaceBody,
  WorkspaceParams,
} from '../../../shared/api/workspaces';
import { createWorkspace } from '../../commands/createWorkspace';
import { updateWorkspace } from '../../commands/updateWorkspace';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canCreateWorkspace, canUpdateWorkspace } from '../../policies/workspace';
import { presentWorkspace } from '../../presenters/workspace';
import type { RouteDeps } from '../deps';
import { authorize, loadAuthorizedWorkspace, loadWorkspaceAccess, parseParams } from './access';
import { createMembersRouter } from './members';

/** Router for `/api/workspaces…` (members and invitations included). */
export function createWorkspacesRouter(
  deps: Pick<RouteDeps, 'storage' | 'config' | 'events' | 'creationLimits' | 'mailer' | 'logger'>,
): Router {
  const { storage, events, creationLimits } = deps;
  const router = express.Router();

  router.post('/workspaces', requireUser, creationLimits.workspaces, async (req, res) => {
    const actor = getActor(res);
    const { body } = validate(req, { body: CreateWorkspaceBody });
    authorize(canCreateWorkspace(actor), 'Your account cannot create workspaces.');
    const { workspace, membership } = await createWorkspace({
      storage,
      actor,
      name: body.name,
      ...(body.description === undefined ? {} : { description: body.description }),
      ip: clientIp(req),
    });
    res.status(201).json({ workspace: presentWorkspace(workspace, { actor, membership }) });
  });

  // Only the workspaces the caller belongs to (admins reach others by id, or via the admin pages).
  router.get('/workspaces', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { query } = validate(req, { query: ListWorkspacesQuery });
    const [workspaces, memberships] = await Promise.all([
      storage.listWorkspacesForUser({ userId: actor.id }),
      storage.listMembershipsForUser({ userId: actor.id }),
    ]);
    const membershipIn = (workspaceId: string) =>
      memberships.find((membership) => membership.workspaceId === workspaceId) ?? null;
    const visible = workspaces.filter(
      (workspace) => query.includeArchived || !workspace.isArchived,
    );
    res.json({
      workspaces: visible.map((workspace) =>
        presentWorkspace(workspace, { actor, membership: membershipIn(workspace.id) }),
      ),
    });
  });

  router.get('/workspaces/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, WorkspaceParams);
    const access = await loadWorkspaceAccess({ storage, actor, workspaceId: id });
    res.json({ workspace: presentWorkspace(access.workspace, { actor, ...access }) });
  });

  router.patch('/workspaces/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, WorkspaceParams);
    const access = await loadAuthorizedWorkspace(
      { storage, actor, workspaceId: id },
      canUpdateWorkspace,
      'Only owners change a workspace.',
    );
    const { body } = validate(req, { body: UpdateWorkspaceBody });
    // Audited; archiving makes open editors read-only before the answer (unarchiving, writable).
    const workspace = await updateWorkspace({
      storage,
      events,
      actor,
      workspace: access.workspace,
      patch: body,
      ip: clientIp(req),
    });
    res.json({ workspace: presentWorkspace(workspace, { actor, ...access }) });
  });

  router.use(createMembersRouter(deps));
  return router;
}
