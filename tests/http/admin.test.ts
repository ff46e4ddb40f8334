/** The network admin's endpoints: users, organisations, settings and the audit log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto, OrganizationDto, UserDto } from '../../shared/api/entities';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type SignedUpUser,
  type TestServer,
} from '../helpers/server';

let server: TestServer;
let admin: SignedUpUser;
let member: SignedUpUser;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signUpAdmin(createApiClient(server.url));
  member = await inviteAndRegister({ admin: admin.client, name: 'Marta Member' });
});
afterAll(async () => {
  await server.close();
});

async function expectAdminOnly(
  request: (client: ApiClient) => Promise<{ status: number; body: { error?: { code: string } } }>,
) {
  const asMember = await request(member.client);
  expect(asMember.status).toBe(403);
  expect(asMember.body.error?.code).toBe('forbidden');
  const asAnonymous = await request(createApiClient(server.url));
  expect(asAnonymous.status).toBe(401);
  expect(asAnonymous.body.error?.code).toBe('unauthenticated');
}

describe('users', () => {
  it('lists every account for the admin only', async () => {
    const res = await admin.client.get<{ users: UserDto[] }>('/api/users');
    expect(res.status).toBe(200);
    expect(res.body.users.map((user) => user.email)).toEqual(
      expect.arrayContaining([admin.email, member.email]),
    );
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    await expectAdminOnly((client) => client.get('/api/users'));
  });

  it('lets a member rename themselves but nothing more', async () => {
    const renamed = await member.client.patch(`/api/users/${member.user.id}`, { name: 'Marta M.' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user?.name).toBe('Marta M.');
    const promote = await member.client.patch(`/api/users/${member.user.id}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    const other = await member.client.patch(`/api/users/${admin.user.id}`, { name: 'Hacked' });
    expect(other.status).toBe(403);
    const empty = await member.client.patch(`/api/users/${member.user.id}`, {});
    expect(empty.body.error?.code).toBe('validation_failed');
  });

  it('lets the admin set an organisation (400 when it does not exist) and roles, but not their own role', async () => {
    const created = await admin.client.post<{ organization: OrganizationDto }>(
      '/api/organizations',
      {
        name: 'City of Bologna',
        type: 'city',
        country: 'it',
      },
    );
    const orgId = created.body.organization.id;
    const setOrg = await admin.client.patch(`/api/users/${member.user.id}`, {
      organizationId: orgId,
    });
    expect(setOrg.status).toBe(200);
    expect(setOrg.body.user?.organizationId).toBe(orgId);

    const missingOrg = await admin.client.patch(`/api/users/${member.user.id}`, {
      organizationId: 'no-such-org',
    });
    expect(missingOrg.status).toBe(400);
    expect(missingOrg.body.error?.code).toBe('organization_not_found');

    const clearOrg = await admin.client.patch(`/api/users/${member.user.id}`, {
      organizationId: null,
    });
    expect(clearOrg.body.user?.organizationId).toBeNull();

    const ownRole = await admin.client.patch(`/api/users/${admin.user.id}`, { role: 'member' });
    expect(ownRole.status).toBe(409);
    expect(ownRole.body.error?.code).toBe('cannot_change_own_role');

    const unknownUser = await admin.client.patch('/api/users/nobody-here', { name: 'X' });
    expect(unknownUser.status).toBe(404);
    const badId = await admin.client.patch('/api/users/$where', { name: 'X' });
    expect(badId.status).toBe(400);
  });

  it('deactivation signs the person out everywhere and blocks sign-in; reactivation restores it', async () => {
    const person = await inviteAndRegister({ admin: admin.client });
    const secondDevice = createApiClient(server.url);
    await secondDevice.post('/api/auth/login', { email: person.email, password: person.password });
    expect((await secondDevice.get('/api/auth/me')).status).toBe(200);

    await expectAdminOnly((client) => client.post(`/api/users/${person.user.id}/deactivate`));
    const res = await admin.client.post(`/api/users/${person.user.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.user?.isActive).toBe(false);
    expect((await person.client.get('/api/auth/me')).status).toBe(401);
    expect((await secondDevice.get('/api/auth/me')).status).toBe(401);

    const signIn = await createApiClient(server.url).post('/api/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error?.code).toBe('account_deactivated');
    const wrongPassword = await createApiClient(server.url).post('/api/auth/login', {
      email: person.email,
      password: 'not-the-password',
    });
    expect(wrongPassword.body.error?.code).toBe('invalid_credentials');

    const back = await admin.client.post(`/api/users/${person.user.id}/reactivate`);
    expect(back.body.user?.isActive).toBe(true);
    // The sessions were ended, not only blocked while inactive: reactivation does not revive them.
    expect((await person.client.get('/api/auth/me')).status).toBe(401);
    expect((await secondDevice.get('/api/auth/me')).status).toBe(401);
    const again = await createApiClient(server.url).post('/api/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(again.status).toBe(200);
  });

  it('refuses to let the admin deactivate themselves', async () => {
    const res = await admin.client.post(`/api/users/${admin.user.id}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('cannot_deactivate_self');
  });

  it('lists and revokes pending invitations (admin only)', async () => {
    const created = await admin.client.post('/api/invitations', { email: 'pending@example.test' });
    const id = created.body.invitation?.id ?? '';
    const list = await admin.client.get<{ invitations: { id: string; token?: string }[] }>(
      '/api/invitations',
    );
    const listed = list.body.invitations.find((invitation) => invitation.id === id);
    expect(listed).toBeDefined();
    expect(listed?.token).toBeUndefined();
    await expectAdminOnly((client) => client.post('/api/invitations', { email: 'x@example.test' }));
    expect((await admin.client.delete(`/api/invitations/${id}`)).status).toBe(204);
    const token = created.body.invitation?.token ?? '';
    expect((await createApiClient(server.url).get(`/api/invitations/${token}`)).status).toBe(404);
  });
});

describe('organizations', () => {
  it('any signed-in user lists them (filterable by type); only the admin changes them', async () => {
    const research = await admin.client.post<{ organization: OrganizationDto }>(
      '/api/organizations',
      {
        name: 'University of Bamberg',
        type: 'research',
        country: 'DE',
      },
    );
    expect(research.status).toBe(201);
    expect(research.body.organization).toMatchObject({
      name: 'University of Bamberg',
      type: 'research',
      country: 'DE',
    });
    const id = research.body.organization.id;

    const all = await member.client.get<{ organizations: OrganizationDto[] }>('/api/organizations');
    expect(all.status).toBe(200);
    expect(all.body.organizations.some((organization) => organization.id === id)).toBe(true);
    const cities = await member.client.get<{ organizations: OrganizationDto[] }>(
      '/api/organizations?type=city',
    );
    expect(cities.body.organizations.every((organization) => organization.type === 'city')).toBe(
      true,
    );
    expect((await member.client.get('/api/organizations?type=castle')).status).toBe(400);
    expect((await createApiClient(server.url).get('/api/organizations')).status).toBe(401);

    await expectAdminOnly((client) =>
      client.post('/api/organizations', { name: 'X', type: 'city', country: 'FR' }),
    );
    await expectAdminOnly((client) => client.patch(`/api/organizations/${id}`, { name: 'X' }));
    await expectAdminOnly((client) => client.delete(`/api/organizations/${id}`));

    const bad = await admin.client.post('/api/organizations', {
      name: '',
      type: 'village',
      country: 'Germany',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');

    const renamed = await admin.client.patch<{ organization: OrganizationDto }>(
      `/api/organizations/${id}`,
      {
        name: 'Otto-Friedrich-Universität Bamberg',
      },
    );
    expect(renamed.body.organization.name).toBe('Otto-Friedrich-Universität Bamberg');
    expect((await admin.client.patch('/api/organizations/nope', { name: 'X' })).status).toBe(404);
  });

  it('deleting an organisation detaches its people', async () => {
    const created = await admin.client.post<{ organization: OrganizationDto }>(
      '/api/organizations',
      {
        name: 'City of Liège',
        type: 'city',
        country: 'BE',
      },
    );
    const id = created.body.organization.id;
    await admin.client.patch(`/api/users/${member.user.id}`, { organizationId: id });
    expect((await admin.client.delete(`/api/organizations/${id}`)).status).toBe(204);
    const me = await member.client.get('/api/auth/me');
    expect(me.body.user?.organizationId).toBeNull();
    expect((await admin.client.delete(`/api/organizations/${id}`)).status).toBe(404);
  });
});

describe('settings', () => {
  it('admin reads and changes openRegistration; members may not', async () => {
    expect((await admin.client.get('/api/settings')).body).toEqual({
      settings: { openRegistration: false },
    });
    const on = await admin.client.patch('/api/settings', { openRegistration: true });
    expect(on.body).toEqual({ settings: { openRegistration: true } });
    expect((await admin.client.patch('/api/settings', { openRegistration: 'yes' })).status).toBe(
      400,
    );
    await expectAdminOnly((client) => client.get('/api/settings'));
    await expectAdminOnly((client) => client.patch('/api/settings', { openRegistration: false }));
    await admin.client.patch('/api/settings', { openRegistration: false });
  });
});

describe('audit log', () => {
  it('records security events, newest first, filterable and paginated, for the admin only', async () => {
    await createApiClient(server.url).post('/api/auth/login', {
      email: 'ghost@example.test',
      password: 'whatever',
    });
    const person = await inviteAndRegister({ admin: admin.client });
    await person.client.post('/api/auth/password', {
      currentPassword: person.password,
      newPassword: 'another-password-2',
    });
    await person.client.post('/api/auth/logout');
    await admin.client.patch(`/api/users/${person.user.id}`, { role: 'admin' });

    const res = await admin.client.get<{ events: AuditEventDto[]; nextBefore: string | null }>(
      '/api/audit?limit=200',
    );
    expect(res.status).toBe(200);
    const actions = new Set(res.body.events.map((event) => event.action));
    for (const action of [
      'auth.registered',
      'auth.login',
      'auth.login_failed',
      'auth.logout',
      'auth.password_changed',
      'user.role_changed',
      'invitation.created',
      'invitation.revoked',
      'user.deactivated',
      'user.reactivated',
      'user.updated',
      'organization.created',
      'organization.updated',
      'organization.deleted',
      'settings.updated',
    ]) {
      expect(actions, action).toContain(action);
    }
    const times = res.body.events.map((event) => event.at);
    expect([...times].sort().reverse()).toEqual(times);

    const failed = await admin.client.get<{ events: AuditEventDto[] }>(
      '/api/audit?action=auth.login_failed',
    );
    const ghost = failed.body.events.find((event) => event.details.email === 'ghost@example.test');
    expect(ghost).toMatchObject({ actorId: null, action: 'auth.login_failed' });
    expect(failed.body.events.every((event) => event.action === 'auth.login_failed')).toBe(true);

    const firstPage = await admin.client.get<{
      events: AuditEventDto[];
      nextBefore: string | null;
    }>('/api/audit?limit=2');
    expect(firstPage.body.events).toHaveLength(2);
    expect(firstPage.body.nextBefore).not.toBeNull();
    const secondPage = await admin.client.get<{ events: AuditEventDto[] }>(
      `/api/audit?limit=2&before=${encodeURIComponent(firstPage.body.nextBefore ?? '')}`,
    );
    expect(
      secondPage.body.events.every((event) => event.at <= (firstPage.body.nextBefore ?? '')),
    ).toBe(true);

    expect((await admin.client.get('/api/audit?limit=0')).status).toBe(400);
    expect((await admin.client.get('/api/audit?before=yesterday')).status).toBe(400);
    await expectAdminOnly((client) => client.get('/api/audit'));
  });
});
