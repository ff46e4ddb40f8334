/**
 * Invitation e-mail through the real server and a real SMTP server in the test process:
 * network and workspace invitations are mailed with their link, user text escaped in the
 * HTML part; an account that turned invitation e-mail off gets none (and the answer does not
 * tell the inviter so); without SMTP_URL nothing is sent and the answer says the link must be
 * passed on by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationDto, UserDto, WorkspaceDto } from '../../shared/api/entities';
import { sleep } from '../collab/helpers';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type SignedUpUser,
  type TestServer,
} from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer';
import { expectStatus } from './workspaceWorld';

let smtp: TestSmtpServer;
let server: TestServer;
let admin: SignedUpUser;
let owner: SignedUpUser;
let workspace: WorkspaceDto;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.smtpUrl });
  admin = await signUpAdmin(createApiClient(server.url), { name: 'Ada <Admin>' });
  owner = await inviteAndRegister({ admin: admin.client, name: 'Olga "Owner" & Co' });
  const created = await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
    name: 'Housing <script>x</script> & integration',
  });
  workspace = expectStatus(created, 201).workspace;
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function waitForMailTo(address: string) {
  await smtp.waitForMessages(1, 'any mail');
  const deadline = Date.now() + 15_000;
  while (smtp.messagesTo(address).length === 0 && Date.now() < deadline) await sleep(50);
  const [mail] = smtp.messagesTo(address);
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

describe('invitation e-mail', () => {
  it('mails a network invitation with its link', async () => {
    const res = await admin.client.post<{ invitation: InvitationDto }>('/api/invitations', {
      email: 'New.Person@Example.test',
    });
    const { invitation } = expectStatus(res, 201);
    expect(invitation.isEmailed).toBe(true);
    const mail = await waitForMailTo('new.person@example.test');
    expect(mail.subject).toBe('Ada <Admin> invited you to CLIP Workspace');
    expect(mail.text).toContain(invitation.link!);
    expect(mail.text).toContain(`${server.url}/invite/${invitation.token!}`);
    expect(mail.html).toContain(`<a href="${invitation.link!}">Accept the invitation</a>`);
    expect(mail.html).toContain('Ada &lt;Admin&gt; invited you');
    expect(mail.html).not.toContain('<Admin>');
  });

  it('mails a workspace invitation: workspace, role and link, user text escaped', async () => {
    const res = await owner.client.post<{ invitation: InvitationDto }>(
      `/api/workspaces/${workspace.id}/members`,
      { email: 'expert@example.test', role: 'reviewer' },
    );
    const { invitation } = expectStatus(res, 201);
    expect(invitation.isEmailed).toBe(true);
    const mail = await waitForMailTo('expert@example.test');
    expect(mail.subject).toBe(
      'Olga "Owner" & Co invited you to “Housing <script>x</script> & integration” on CLIP Workspace',
    );
    expect(mail.text).toContain('Your role: reviewer.');
    expect(mail.text).toContain(invitation.link!);
    expect(mail.html).toContain(
      'Olga &quot;Owner&quot; &amp; Co invited you to “Housing &lt;script&gt;x&lt;/script&gt; &amp; integration”',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(`href="${invitation.link!}"`);
    // Registration is closed and the owner is no admin: the invitee is told it awaits approval.
    expect(invitation.awaitsApproval).toBe(true);
    expect(mail.text).toContain('network administrator still has to approve');
  });

  it('sends none to an account that turned invitation e-mail off, without telling the inviter', async () => {
    const quiet = await inviteAndRegister({ admin: admin.client, name: 'Quiet Person' });
    // The network invitation that made the account is mailed without being awaited: count
    // only once it is in, or it could land after the count and pass for a new mail.
    await waitForMailTo(quiet.email);
    const before = smtp.messagesTo(quiet.email).length;
    const off = await quiet.client.patch<{ user: UserDto }>(`/api/users/${quiet.user.id}`, {
      emailInvitations: false,
    });
    expect(expectStatus(off, 200).user).toMatchObject({
      emailInvitations: false,
      emailNotifications: true,
    });
    const res = await owner.client.post<{ invitation: InvitationDto }>(
      `/api/workspaces/${workspace.id}/members`,
      { email: quiet.email, role: 'viewer' },
    );
    // Same answer as for anyone: it never tells whether the address has an account.
    expect(expectStatus(res, 201).invitation.isEmailed).toBe(true);
    // A later invitation to someone else arrives; by then the first would have too.
    await owner.client.post(`/api/workspaces/${workspace.id}/members`, {
      email: 'sentinel@example.test',
      role: 'viewer',
    });
    await waitForMailTo('sentinel@example.test');
    await sleep(300);
    expect(smtp.messagesTo(quiet.email)).toHaveLength(before);
  });

  it('without SMTP_URL sends nothing and says the link must be passed on by hand', async () => {
    const local = await startTestServer();
    try {
      const localAdmin = await signUpAdmin(createApiClient(local.url));
      const res = await localAdmin.client.post<{ invitation: InvitationDto }>('/api/invitations', {
        email: 'by-hand@example.test',
      });
      const { invitation } = expectStatus(res, 201);
      expect(invitation.isEmailed).toBe(false);
      expect(invitation.link).toContain('/invite/');
      await sleep(300);
      expect(smtp.messagesTo('by-hand@example.test')).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
