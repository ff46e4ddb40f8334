import { describe, expect, it } from 'vitest';
import type { InvitationDto, MembershipDto, WorkspaceDto } from '../../shared/api/entities';
import { registerWithInvitation, type TestServer } from '../helpers/server';
import {
  addMember,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

describe('workspaces', () => {
  it('creates a workspace whose creator is owner, and lists it only for members', async () => {
    const created = await world.viewer.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: '  Diversity in jobs ',
    });
    const { workspace } = expectStatus(created, 201);
    expect(workspace).toMatchObject({
      name: 'Diversity in jobs',
      description: '',
      isArchived: false,
      role: 'owner',
    });

    const mine = await world.viewer.client.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces');
    expect(mine.body.workspaces.map((w) => [w.name, w.role])).toEqual(
      expect.arrayContaining([
        ['Diversity in jobs', 'owner'],
        ['Housing and integration', 'viewer'],
      ]),
    );
    const theirs = await world.outsider.client.get<{ workspaces: WorkspaceDto[] }>(
      '/api/workspaces',
    );
    expect(theirs.body.workspaces).toEqual([]);
    expect((await world.outsider.client.get(`/api/workspaces/${workspace.id}`)).status).toBe(404);
  });

  it('rejects a bad name with 400 and an unknown or malformed id with 404', async () => {
    const bad = await world.owner.client.post('/api/workspaces', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');
    const extra = await world.owner.client.post('/api/workspaces', { name: 'x', isAdmin: true });
    expect(extra.status).toBe(400);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not%20an%20id', 'x'.repeat(80)]) {
      const res = await world.owner.client.get(`/api/workspaces/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.error?.code).toBe('not_found');
    }
  });

  it('archives a workspace: hidden from the list unless includeArchived=1, and read-only', async () => {
    const { workspace } = expectStatus(
      await world.owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
        name: 'Old module',
      }),
      201,
    );
    const patched = await world.owner.client.patch<{ workspace: WorkspaceDto }>(
      `/api/workspaces/${workspace.id}`,
      {
        isArchived: true,
        description: 'Finished in 2010',
      },
    );
    expect(expectStatus(patched, 200).workspace).toMatchObject({
      isArchived: true,
      description: 'Finished in 2010',
    });
    const listed = await world.owner.client.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces');
    expect(listed.body.workspaces.map((w) => w.id)).not.toContain(workspace.id);
    const all = await world.owner.client.get<{ workspaces: WorkspaceDto[] }>(
      '/api/workspaces?includeArchived=1',
    );
    expect(all.body.workspaces.map((w) => w.id)).toContain(workspace.id);
    const doc = await world.owner.client.post(`/api/workspaces/${workspace.id}/documents`, {
      title: 'x',
      kind: 'note',
    });
    expect(doc.status).toBe(409);
    expect(doc.body.error?.code).toBe('workspace_archived');
    expect((await world.owner.client.patch(`/api/workspaces/${workspace.id}`, {})).status).toBe(
      400,
    );
  });
});

describe('members', () => {
  it('lists members with their roles', async () => {
    const res = await world.viewer.client.get<{ members: MembershipDto[] }>(
      `/api/workspaces/${world.workspace.id}/members`,
    );
    const roles = Object.fromEntries(
      expectStatus(res, 200).members.map((m) => [m.user.email, m.role]),
    );
    expect(roles).toEqual({
      [world.owner.email]: 'owner',
      [world.editor.email]: 'editor',
      [world.reviewer.email]: 'reviewer',
      [world.viewer.email]: 'viewer',
    });
  });

  it('invites an e-mail without an account; registering with the token makes the member', async () => {
    const path = `/api/workspaces/${world.workspace.id}/members`;
    const res = await world.owner.client.post<{ invitation: InvitationDto }>(path, {
      email: 'New.Person@Example.test',
      role: 'reviewer',
    });
    const { invitation } = expectStatus(res, 201);
    expect(invitation).toMatchObject({
      email: 'new.person@example.test',
      role: 'reviewer',
      workspaceId: world.workspace.id,
      // An owner who is not an admin does not admit new people alone: an admin approves.
      awaitsApproval: true,
    });
    expect(invitation.token).toEqual(expect.any(String));
    expect(invitation.link).toContain(invitation.token);

    const pending = await world.owner.client.get<{ invitations: InvitationDto[] }>(
      `/api/workspaces/${world.workspace.id}/invitations`,
    );
    expect(pending.body.invitations.map((i) => i.email)).toContain('new.person@example.test');
    expect(pending.body.invitations.every((i) => i.token === undefined)).toBe(true);

    expectStatus(await world.admin.client.post(`/api/invitations/${invitation.id}/approve`), 200);
    const newcomer = await registerWithInvitation({
      baseUrl: server.url,
      token: invitation.token ?? '',
      email: 'new.person@example.test',
    });
    const ws = await newcomer.client.get<{ workspace: WorkspaceDto }>(
      `/api/workspaces/${world.workspace.id}`,
    );
    expect(expectStatus(ws, 200).workspace.role).toBe('reviewer');
  });

  it('lets owners revoke a pending invitation, after which its token no longer registers', async () => {
    const path = `/api/workspaces/${world.workspace.id}/members`;
    const res = await world.owner.client.post<{ invitation: InvitationDto }>(path, {
      email: 'revoked@example.test',
      role: 'editor',
    });
    const { invitation } = expectStatus(res, 201);
    const other = expectStatus(
      await world.viewer.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
        name: 'Other',
      }),
      201,
    );
    const wrongWorkspace = await world.viewer.client.delete(
      `/api/workspaces/${other.workspace.id}/invitations/${invitation.id}`,
    );
    expect(wrongWorkspace.status).toBe(404);

    const revokePath = `/api/workspaces/${world.workspace.id}/invitations/${invitation.id}`;
    expect((await world.editor.client.delete(revokePath)).status).toBe(403);
    expect((await world.owner.client.delete(revokePath)).status).toBe(204);
    expect((await world.owner.client.delete(revokePath)).status).toBe(404);
    const pending = await world.owner.client.get<{ invitations: InvitationDto[] }>(
      `/api/workspaces/${world.workspace.id}/invitations`,
    );
    expect(pending.body.invitations.map((i) => i.id)).not.toContain(invitation.id);
    await expect(
      registerWithInvitation({
        baseUrl: server.url,
        token: invitation.token ?? '',
        email: 'revoked@example.test',
      }),
    ).rejects.toThrow(/invalid_invitation/);
  });

  it('refuses an existing member (409) and bad input (400)', async () => {
    const path = `/api/workspaces/${world.workspace.id}/members`;
    const again = await world.owner.client.post(path, {
      email: world.editor.email,
      role: 'viewer',
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('already_member');
    expect(
      (await world.owner.client.post(path, { email: 'not-an-email', role: 'viewer' })).status,
    ).toBe(400);
    expect((await world.owner.client.post(path, { email: 'a@b.test', role: 'boss' })).status).toBe(
      400,
    );
  });

  it('never lets the last owner be demoted or removed (409 last_owner), but allows it once there is another', async () => {
    const ownerId = world.owner.user.id;
    const base = `/api/workspaces/${world.workspace.id}/members`;
    const demote = await world.owner.client.patch(`${base}/${ownerId}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(demote.body.error?.code).toBe('last_owner');
    const leave = await world.owner.client.delete(`${base}/${ownerId}`);
    expect(leave.status).toBe(409);
    expect(leave.body.error?.code).toBe('last_owner');

    const { workspace } = expectStatus(
      await world.reviewer.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
        name: 'Two owners',
      }),
      201,
    );
    const wsBase = `/api/workspaces/${workspace.id}/members`;
    await addMember({
      owner: world.reviewer.client,
      workspaceId: workspace.id,
      person: world.viewer,
      role: 'owner',
    });
    const members = await world.reviewer.client.get<{ members: MembershipDto[] }>(wsBase);
    expect(expectStatus(members, 200).members).toContainEqual(
      expect.objectContaining({ role: 'owner', userId: world.viewer.user.id }),
    );
    const stepDown = await world.reviewer.client.patch<{ membership: MembershipDto }>(
      `${wsBase}/${world.reviewer.user.id}`,
      { role: 'viewer' },
    );
    expect(expectStatus(stepDown, 200).membership.role).toBe('viewer');
    expect(
      (await world.reviewer.client.patch(`${wsBase}/${world.viewer.user.id}`, { role: 'editor' }))
        .status,
    ).toBe(403);
    expect((await world.viewer.client.delete(`${wsBase}/${world.reviewer.user.id}`)).status).toBe(
      204,
    );
    expect((await world.reviewer.client.get(`/api/workspaces/${workspace.id}`)).status).toBe(404);
  });

  it('lets a member leave on their own, and 404s for someone who is not a member', async () => {
    const { workspace } = expectStatus(
      await world.owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
        name: 'Leaving',
      }),
      201,
    );
    const base = `/api/workspaces/${workspace.id}/members`;
    await addMember({
      owner: world.owner.client,
      workspaceId: workspace.id,
      person: world.viewer,
      role: 'viewer',
    });
    expect((await world.viewer.client.delete(`${base}/${world.viewer.user.id}`)).status).toBe(204);
    expect((await world.owner.client.delete(`${base}/${world.viewer.user.id}`)).status).toBe(404);
    expect(
      (await world.owner.client.patch(`${base}/${world.outsider.user.id}`, { role: 'editor' }))
        .status,
    ).toBe(404);
  });

  it('records role changes in the audit log', async () => {
    const audit = await world.admin.client.get<{ events: { action: string }[] }>(
      '/api/audit?limit=200',
    );
    const actions = expectStatus(audit, 200).events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'workspace.created',
        'membership.added',
        'membership.role_changed',
        'membership.removed',
        'invitation.created',
      ]),
    );
  });
});

describe('role escalation (regression guards)', () => {
  it('an editor can neither promote themselves nor invite an owner', async () => {
    const { workspace, editor } = world;
    const self = await editor.client.patch(
      `/api/workspaces/${workspace.id}/members/${editor.user.id}`,
      { role: 'owner' },
    );
    expect(self.status).toBe(403);
    const invite = await editor.client.post(`/api/workspaces/${workspace.id}/members`, {
      email: `accomplice-${Date.now()}@example.test`,
      role: 'owner',
    });
    expect(invite.status).toBe(403);
  });

  it("owning workspace B gives no hold on workspace A's members, invitations or documents", async () => {
    const other = expectStatus(
      await world.outsider.client.post<{ workspace: { id: string } }>('/api/workspaces', {
        name: 'Outsider module',
      }),
      201,
    ).workspace;
    const document = await createDoc(world, { title: 'Review', kind: 'note' }, world.owner.client);
    const { outsider, workspace, editor } = world;
    const attempts = [
      outsider.client.patch(`/api/workspaces/${workspace.id}/members/${editor.user.id}`, {
        role: 'viewer',
      }),
      outsider.client.delete(`/api/workspaces/${workspace.id}/members/${editor.user.id}`),
      outsider.client.get(`/api/workspaces/${workspace.id}/invitations`),
      outsider.client.get(`/api/documents/${document.id}`),
      outsider.client.post(`/api/documents/${document.id}/collab-token`),
      outsider.client.post(`/api/documents/${document.id}/status`, { status: 'in-review' }),
      // A's member through B's URL: not a member of B, so nothing to change.
      outsider.client.patch(`/api/workspaces/${other.id}/members/${editor.user.id}`, {
        role: 'viewer',
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((res) => res.status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404]);
  });
});
