/** `/api/auth/*` and the invitation flow, end to end over real HTTP and SQLite. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvitation } from '../../server/commands/createInvitation';
import { buildWorkspace } from '../helpers/factories';
import {
  createApiClient,
  inviteAndRegister,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type TestServer,
} from '../helpers/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** A sign-up from a fresh, signed-out browser with a valid password: only the rest varies. */
function registerAnew(body: { name: string; email: string; inviteToken?: string }) {
  return createApiClient(server.url).post('/api/auth/register', {
    ...body,
    password: 'long-enough-1',
  });
}

describe('first run', () => {
  it('reports needsSetup until the first account exists, which becomes admin', async () => {
    const client = createApiClient(server.url);
    expect((await client.get('/api/auth/setup-status')).body).toEqual({
      needsSetup: true,
      isOpenRegistration: false,
    });

    const res = await client.post('/api/auth/register', {
      name: 'Ada Admin',
      email: '  Ada@Example.TEST ',
      password: 'long-enough-1',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      name: 'Ada Admin',
      email: 'ada@example.test',
      role: 'admin',
      isActive: true,
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.getSetCookie().find((value) => value.startsWith('clip_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/i);

    expect((await client.get('/api/auth/setup-status')).body).toMatchObject({ needsSetup: false });
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user?.id).toBe(res.body.user?.id);
  });

  it('makes exactly one admin when several people sign up at once on an empty database', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        registerAnew({ name: `Racer ${index}`, email: `racer-${index}@example.test` }),
      ),
    );
    const statuses = attempts.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 403, 403, 403, 403]);
    expect(await server.storage.countUsers()).toBe(1);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const client = createApiClient(server.url);
    await signUpAdmin(client);
    const token = client.sessionToken ?? '';
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await server.storage.getSession({ id: token })).toBeNull();
    const { createHash } = await import('node:crypto');
    const hashed = createHash('sha256').update(token).digest('hex');
    expect(await server.storage.getSession({ id: hashed })).not.toBeNull();
  });
});

describe('behind HTTPS', () => {
  it('marks the session cookie Secure and sends HSTS when PUBLIC_URL is https', async () => {
    const secure = await startTestServer({ PUBLIC_URL: 'https://clip.example.org' });
    try {
      const client = createApiClient(secure.url);
      const res = await client.post('/api/auth/register', {
        name: 'Ada',
        email: 'ada@example.test',
        password: 'long-enough-1',
      });
      expect(res.headers.getSetCookie().join()).toMatch(/clip_session=[\w-]+;.*Secure/);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});

describe('registration after setup', () => {
  it('is closed without an invitation (403 registration_closed) until open registration is on', async () => {
    const admin = createApiClient(server.url);
    await signUpAdmin(admin);
    const stranger = createApiClient(server.url);
    const body = { name: 'Stranger', email: 'stranger@example.test', password: 'long-enough-1' };
    const closed = await stranger.post('/api/auth/register', body);
    expect(closed.status).toBe(403);
    expect(closed.body.error?.code).toBe('registration_closed');

    expect((await admin.patch('/api/settings', { openRegistration: true })).status).toBe(200);
    const open = await stranger.post('/api/auth/register', body);
    expect(open.status).toBe(201);
    expect(open.body.user?.role).toBe('member');
  });

  it('rejects a duplicate e-mail with 409 email_taken, whatever its case', async () => {
    const admin = createApiClient(server.url);
    const { email } = await signUpAdmin(admin);
    await admin.patch('/api/settings', { openRegistration: true });
    const res = await registerAnew({ name: 'Copy', email: email.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('email_taken');
  });

  it('registers with an invitation: preview, e-mail must match, single use', async () => {
    const admin = createApiClient(server.url);
    await signUpAdmin(admin);
    const invited = await admin.post('/api/invitations', { email: 'Bea@Example.test' });
    expect(invited.status).toBe(201);
    const invitation = invited.body.invitation;
    expect(invitation).toMatchObject({
      email: 'bea@example.test',
      workspaceId: null,
      role: null,
      acceptedAt: null,
    });
    const token = invitation?.token ?? '';
    expect(invitation?.link).toBe(`${server.url}/invite/${token}`);

    const preview = await createApiClient(server.url).get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.invitation).toEqual({
      email: 'bea@example.test',
      workspaceName: null,
      documentId: null,
      documentTitle: null,
      role: null,
      expiresAt: invitation?.expiresAt,
      awaitsApproval: false,
    });

    const wrongEmail = await registerAnew({
      name: 'Someone Else',
      email: 'else@example.test',
      inviteToken: token,
    });
    expect(wrongEmail.status).toBe(400);
    expect(wrongEmail.body.error?.code).toBe('invitation_email_mismatch');

    const bea = await registerWithInvitation({
      baseUrl: server.url,
      token,
      email: 'bea@example.test',
    });
    expect(bea.user.role).toBe('member');
    expect((await bea.client.get('/api/auth/me')).status).toBe(200);

    const reused = await registerAnew({
      name: 'Bea Again',
      email: 'bea@example.test',
      inviteToken: token,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error?.code).toBe('invalid_invitation');
    expect((await createApiClient(server.url).get(`/api/invitations/${token}`)).status).toBe(404);
  });

  it('refuses unknown and expired invitation tokens', async () => {
    const admin = createApiClient(server.url);
    const { user } = await signUpAdmin(admin);
    const unknown = 'A'.repeat(43);
    const preview = await createApiClient(server.url).get(`/api/invitations/${unknown}`);
    expect(preview.status).toBe(404);
    expect(preview.body.error?.code).toBe('invalid_invitation');

    const { token } = await createInvitation({
      storage: server.storage,
      actor: user,
      email: 'late@example.test',
      baseUrl: server.url,
      now: new Date(Date.now() - 30 * 86_400_000),
    });
    expect((await createApiClient(server.url).get(`/api/invitations/${token}`)).status).toBe(404);
    const res = await registerAnew({
      name: 'Late',
      email: 'late@example.test',
      inviteToken: token,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_invitation');
  });

  it('accepting a workspace invitation creates the membership with the invited role', async () => {
    const admin = createApiClient(server.url);
    const { user: adminUser } = await signUpAdmin(admin);
    const owner = await server.storage.getUserById({ id: adminUser.id });
    if (!owner) throw new Error('admin not stored');
    const workspace = await buildWorkspace(server.storage, {
      name: 'Housing and integration',
      owner,
    });
    const { token } = await createInvitation({
      storage: server.storage,
      actor: adminUser,
      email: 'carla@example.test',
      workspaceId: workspace.id,
      role: 'editor',
      baseUrl: server.url,
    });
    const preview = await createApiClient(server.url).get(`/api/invitations/${token}`);
    expect(preview.body.invitation).toMatchObject({
      workspaceName: 'Housing and integration',
      role: 'editor',
    });

    const carla = await registerWithInvitation({
      baseUrl: server.url,
      token,
      email: 'carla@example.test',
    });
    const membership = await server.storage.getMembership({
      workspaceId: workspace.id,
      userId: carla.user.id,
    });
    expect(membership?.role).toBe('editor');
  });

  it('will not invite an e-mail that already has an account (409 email_taken)', async () => {
    const admin = createApiClient(server.url);
    const { email } = await signUpAdmin(admin);
    const res = await admin.post('/api/invitations', { email });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('email_taken');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and refuses a wrong one or unknown e-mail with 401 invalid_credentials', async () => {
    const admin = createApiClient(server.url);
    const { email, password } = await signUpAdmin(admin);
    const client = createApiClient(server.url);
    for (const body of [
      { email, password: 'wrong-password' },
      { email: 'nobody@example.test', password },
    ]) {
      const res = await client.post('/api/auth/login', body);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('invalid_credentials');
    }
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const ok = await client.post('/api/auth/login', { email: email.toUpperCase(), password });
    expect(ok.status).toBe(200);
    expect(ok.body.user?.email).toBe(email);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('answers /me without a cookie, or with a bogus one, with 401 unauthenticated', async () => {
    const anonymous = await createApiClient(server.url).get('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('unauthenticated');
    const bogus = await fetch(`${server.url}/api/auth/me`, {
      headers: { Cookie: `clip_session=${'x'.repeat(43)}` },
    });
    expect(bogus.status).toBe(401);
  });

  it('logs out: 204, the cookie is cleared and the session no longer works', async () => {
    const admin = createApiClient(server.url);
    await signUpAdmin(admin);
    const oldCookie = admin.cookieHeader();
    const res = await admin.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/clip_session=;.*Max-Age=0/);
    const replay = await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: oldCookie } });
    expect(replay.status).toBe(401);
  });

  it('expired sessions are refused and deleted', async () => {
    const admin = createApiClient(server.url);
    const { user } = await signUpAdmin(admin);
    const { startSession } = await import('../../server/auth/sessions');
    const { token, session } = await startSession({
      storage: server.storage,
      userId: user.id,
      ttlDays: 1,
      now: new Date(Date.now() - 2 * 86_400_000),
    });
    const res = await fetch(`${server.url}/api/auth/me`, {
      headers: { Cookie: `clip_session=${token}` },
    });
    expect(res.status).toBe(401);
    expect(await server.storage.getSession({ id: session.id })).toBeNull();
  });
});

describe('password change', () => {
  it('needs the current password, then ends the other sessions but keeps this one', async () => {
    const admin = createApiClient(server.url);
    const { email, password } = await signUpAdmin(admin);
    const otherDevice = createApiClient(server.url);
    await otherDevice.post('/api/auth/login', { email, password });
    expect((await otherDevice.get('/api/auth/me')).status).toBe(200);

    const wrong = await admin.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'brand-new-pass',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.code).toBe('wrong_password');
    const tooShort = await admin.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(tooShort.body.error?.code).toBe('validation_failed');

    const ok = await admin.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'brand-new-pass',
    });
    expect(ok.status).toBe(204);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401);

    const fresh = createApiClient(server.url);
    expect((await fresh.post('/api/auth/login', { email, password })).status).toBe(401);
    expect(
      (await fresh.post('/api/auth/login', { email, password: 'brand-new-pass' })).status,
    ).toBe(200);
  });

  it('needs a session', async () => {
    const res = await createApiClient(server.url).post('/api/auth/password', {
      currentPassword: 'x',
      newPassword: 'brand-new-pass',
    });
    expect(res.status).toBe(401);
  });
});

describe('helpers', () => {
  it('inviteAndRegister makes a signed-in member', async () => {
    const admin = createApiClient(server.url);
    await signUpAdmin(admin);
    const member = await inviteAndRegister({ admin });
    const me = await member.client.get('/api/auth/me');
    expect(me.body.user).toMatchObject({ id: member.user.id, role: 'member' });
  });
});
