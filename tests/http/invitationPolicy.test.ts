/**
 * Issue 8 item 6: invitations must not work around closed registration, adding a member must
 * not reveal which e-mails have accounts, and nobody joins a workspace without accepting.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto, InvitationDto, MembershipDto } from '../../shared/api/entities';
import type { WorkspaceDto } from '../../shared/api/entities';
import {
  createApiClient,
  inviteAndRegister,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiResponse,
  type SignedUpUser,
  type TestServer,
} from '../helpers/server';
import { expectStatus } from './workspaceWorld';

let server: TestServer;
let admin: SignedUpUser;
let owner: SignedUpUser;
let bystander: SignedUpUser;
let workspace: WorkspaceDto;

const freshEmail = (): string => `new-${randomUUID().slice(0, 8)}@example.test`;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signUpAdmin(createApiClient(server.url));
  owner = await inviteAndRegister({ admin: admin.client, name: 'Olga Owner' });
  bystander = await inviteAndRegister({ admin: admin.client, name: 'Bernd Bystander' });
  const created = await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
    name: 'Housing and integration',
  });
  workspace = expectStatus(created, 201).workspace;
});

afterAll(async () => {
  await server.close();
});

async function ownerAdds(email: string): Promise<ApiResponse<{ invitation: InvitationDto }>> {
  return owner.client.post<{ invitation: InvitationDto }>(
    `/api/workspaces/${workspace.id}/members`,
    { email, role: 'editor' },
  );
}

async function memberIds(): Promise<string[]> {
  const res = await owner.client.get<{ members: MembershipDto[] }>(
    `/api/workspaces/${workspace.id}/members`,
  );
  return expectStatus(res, 200).members.map((member) => member.userId);
}

/** Every key path of a JSON value, so two answers can be compared by shape. */
function shapeOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}:${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => shapeOf(inner, `${prefix}.${key}`));
}

describe('adding a member by e-mail', () => {
  it('answers the same for an e-mail with an account and one without', async () => {
    const forAccount = await ownerAdds(bystander.email);
    const forNobody = await ownerAdds(freshEmail());
    expect(forAccount.status).toBe(201);
    expect(forNobody.status).toBe(201);
    expect(shapeOf(forAccount.body)).toEqual(shapeOf(forNobody.body));
    expect(forAccount.body.invitation.awaitsApproval).toBe(
      forNobody.body.invitation.awaitsApproval,
    );
    expect(JSON.stringify(forAccount.body)).not.toContain('Bernd');
    // Nobody is put in a workspace without their consent.
    expect(await memberIds()).not.toContain(bystander.user.id);
  });

  it('lets the existing account accept the invitation signed in, and nobody else', async () => {
    const invited = expectStatus(await ownerAdds(bystander.email), 201).invitation;
    const token = invited.token ?? '';
    const preview = await createApiClient(server.url).get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);

    const wrongPerson = await owner.client.post(`/api/invitations/${token}/accept`);
    expect(wrongPerson.status).toBe(403);
    expect(wrongPerson.body.error?.code).toBe('invitation_email_mismatch');
    const anonymous = await createApiClient(server.url).post(`/api/invitations/${token}/accept`);
    expect(anonymous.status).toBe(401);

    const accepted = await bystander.client.post(`/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ workspaceId: workspace.id, documentId: null });
    expect(await memberIds()).toContain(bystander.user.id);

    const again = await bystander.client.post(`/api/invitations/${token}/accept`);
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('invalid_invitation');
  });

  it('still lets a network admin add an existing account at once (admins see every account)', async () => {
    const person = await inviteAndRegister({ admin: admin.client, name: 'Ada Added' });
    const res = await admin.client.post<{ membership: MembershipDto }>(
      `/api/workspaces/${workspace.id}/members`,
      { email: person.email, role: 'viewer' },
    );
    expect(res.status).toBe(201);
    expect(res.body.membership.userId).toBe(person.user.id);
  });
});

describe('admitting new people while open registration is off', () => {
  it("needs an admin's approval before a member's invitation can create an account", async () => {
    const email = freshEmail();
    const invitation = expectStatus(await ownerAdds(email), 201).invitation;
    expect(invitation.awaitsApproval).toBe(true);

    const refused = await createApiClient(server.url).post('/api/auth/register', {
      name: 'Nadia New',
      email,
      password: 'member-password-1',
      inviteToken: invitation.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('invitation_awaiting_approval');

    // The admin sees it waiting, and approves it.
    const pending = await admin.client.get<{ invitations: InvitationDto[] }>('/api/invitations');
    const listed = pending.body.invitations.find((item) => item.id === invitation.id);
    expect(listed?.awaitsApproval).toBe(true);
    expect((await owner.client.post(`/api/invitations/${invitation.id}/approve`)).status).toBe(403);
    const approved = await admin.client.post<{ invitation: InvitationDto }>(
      `/api/invitations/${invitation.id}/approve`,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.invitation.awaitsApproval).toBe(false);

    const joined = await registerWithInvitation({
      baseUrl: server.url,
      token: invitation.token ?? '',
      email,
    });
    expect(await memberIds()).toContain(joined.user.id);

    const audit = await admin.client.get<{ events: AuditEventDto[] }>(
      '/api/audit?action=invitation.approved',
    );
    expect(audit.body.events.map((event) => event.targetId)).toContain(invitation.id);
  });

  it('needs no approval for invitations by an admin, or while open registration is on', async () => {
    const byAdmin = await admin.client.post<{ invitation: InvitationDto }>(
      `/api/workspaces/${workspace.id}/members`,
      { email: freshEmail(), role: 'viewer' },
    );
    expect(byAdmin.body.invitation.awaitsApproval).toBe(false);

    expectStatus(await admin.client.patch('/api/settings', { openRegistration: true }), 200);
    try {
      const email = freshEmail();
      const invitation = expectStatus(await ownerAdds(email), 201).invitation;
      expect(invitation.awaitsApproval).toBe(false);
      await registerWithInvitation({ baseUrl: server.url, token: invitation.token ?? '', email });
    } finally {
      expectStatus(await admin.client.patch('/api/settings', { openRegistration: false }), 200);
    }
  });
});
