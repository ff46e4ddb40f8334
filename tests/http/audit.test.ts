/** The audit log records every security-relevant event, including the easy-to-miss ones. */
import { describe, expect, it } from 'vitest';
import type { AuditEventDto, InvitationDto } from '../../shared/api/entities';
import { registerWithInvitation, type TestServer } from '../helpers/server';
import { createDoc, expectStatus, useWorkspaceWorld, type WorkspaceWorld } from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

async function auditEvents(action: string): Promise<AuditEventDto[]> {
  const res = await world.admin.client.get<{ events: AuditEventDto[] }>(
    `/api/audit?limit=200&action=${action}`,
  );
  return expectStatus(res, 200).events;
}

describe('audit log completeness', () => {
  it('records joining a workspace through an invitation as membership.added', async () => {
    const email = `joiner-${Date.now()}@example.test`;
    const invited = await world.owner.client.post<{ invitation: InvitationDto }>(
      `/api/workspaces/${world.workspace.id}/members`,
      { email, role: 'editor' },
    );
    const { invitation } = expectStatus(invited, 201);
    expectStatus(await world.admin.client.post(`/api/invitations/${invitation.id}/approve`), 200);
    const joiner = await registerWithInvitation({
      baseUrl: server.url,
      token: invitation.token ?? '',
      email,
    });

    const added = await auditEvents('membership.added');
    expect(added).toContainEqual(
      expect.objectContaining({
        actorId: joiner.user.id,
        targetType: 'workspace',
        targetId: world.workspace.id,
        details: expect.objectContaining({
          userId: joiner.user.id,
          role: 'editor',
          invitationId: invitation.id,
        }) as unknown,
      }),
    );
  });

  it('records a password change refused for a wrong current password', async () => {
    const res = await world.editor.client.post('/api/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'whatever-new-password',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('wrong_password');

    const failed = await auditEvents('auth.password_change_failed');
    expect(failed).toContainEqual(
      expect.objectContaining({
        actorId: world.editor.user.id,
        targetType: 'user',
        targetId: world.editor.user.id,
      }),
    );
  });

  it('records the changes its domain-event subscriber hears: rename, trash, restore, share, revoke', async () => {
    const { owner, outsider, workspace } = world;
    const renamed = `Housing and integration ${Date.now()}`;
    expectStatus(
      await owner.client.patch(`/api/workspaces/${workspace.id}`, { name: renamed }),
      200,
    );
    const document = await createDoc(world, { title: 'Audited case study' }, owner.client);
    const shared = await owner.client.post<{ share: { id: string } }>(
      `/api/documents/${document.id}/shares`,
      { email: outsider.email, role: 'viewer' },
    );
    const { share } = expectStatus(shared, 201);
    expectStatus(
      await owner.client.delete(`/api/documents/${document.id}/shares/${share.id}`),
      204,
    );
    expectStatus(await owner.client.delete(`/api/documents/${document.id}`), 204);
    expectStatus(await owner.client.post(`/api/documents/${document.id}/restore`), 200);

    const byOwner = (details: Record<string, unknown>, targetId = document.id) =>
      expect.objectContaining({
        actorId: owner.user.id,
        targetId,
        details: expect.objectContaining(details) as unknown,
      }) as unknown;
    expect(await auditEvents('workspace.updated')).toContainEqual(
      byOwner({ name: renamed }, workspace.id),
    );
    const onDocument = { workspaceId: workspace.id };
    const person = { ...onDocument, userId: outsider.user.id, role: 'viewer' };
    expect(await auditEvents('document.shared')).toContainEqual(
      byOwner({ ...person, isNew: true }),
    );
    expect(await auditEvents('document.unshared')).toContainEqual(byOwner(person));
    const trash = { ...onDocument, title: 'Audited case study' };
    expect(await auditEvents('document.trashed')).toContainEqual(byOwner(trash));
    expect(await auditEvents('document.restored')).toContainEqual(byOwner(trash));
  });
});
