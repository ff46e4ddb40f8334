/** Creating invitations, workspaces and documents is rate limited per account (issue 8 item 6). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WorkspaceDto } from '../../shared/api/entities';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type SignedUpUser,
  type TestServer,
} from '../helpers/server';
import { expectStatus } from './workspaceWorld';

let server: TestServer;
let admin: SignedUpUser;
let people: SignedUpUser[];

beforeAll(async () => {
  server = await startTestServer({
    INVITATION_RATE_LIMIT: '4',
    WORKSPACE_RATE_LIMIT: '2',
    DOCUMENT_RATE_LIMIT: '2',
    CREATION_RATE_WINDOW_SECONDS: '600',
  });
  admin = await signUpAdmin(createApiClient(server.url));
  // The admin's whole invitation budget: the four people of these tests.
  people = [];
  for (let index = 0; index < 4; index += 1) {
    people.push(await inviteAndRegister({ admin: admin.client }));
  }
});

afterAll(async () => {
  await server.close();
});

it('refuses the workspace after WORKSPACE_RATE_LIMIT with 429 rate_limited, per account', async () => {
  const [member, other] = people as [SignedUpUser, SignedUpUser];
  for (const name of ['One', 'Two']) {
    expectStatus(await member.client.post('/api/workspaces', { name }), 201);
  }
  const refused = await member.client.post('/api/workspaces', { name: 'Three' });
  expect(refused.status).toBe(429);
  expect(refused.body.error?.code).toBe('rate_limited');
  expect(refused.body.error?.message).toMatch(/workspaces/);
  expect(refused.headers.get('ratelimit-policy')).toContain('2');
  // Another account (same address) has its own budget.
  expect((await other.client.post('/api/workspaces', { name: 'Theirs' })).status).toBe(201);
});

it('refuses invitations after INVITATION_RATE_LIMIT, counting every route that invites', async () => {
  const owner = people[2] as SignedUpUser;
  const { workspace } = expectStatus(
    await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', { name: 'Mine' }),
    201,
  );
  // The admin spent the budget on network invitations: workspace invitations share it.
  const byAdmin = await admin.client.post(`/api/workspaces/${workspace.id}/members`, {
    email: 'late@example.test',
    role: 'viewer',
  });
  expect(byAdmin.status).toBe(429);
  const invite = (index: number) =>
    owner.client.post(`/api/workspaces/${workspace.id}/members`, {
      email: `person-${index}-${owner.user.id}@example.test`,
      role: 'viewer',
    });
  for (let index = 0; index < 4; index += 1) expect((await invite(index)).status).toBe(201);
  const refused = await invite(4);
  expect(refused.status).toBe(429);
  expect(refused.body.error?.code).toBe('rate_limited');
  expect(refused.body.error?.message).toMatch(/invitations/);
});

it('refuses documents after DOCUMENT_RATE_LIMIT', async () => {
  const owner = people[3] as SignedUpUser;
  const { workspace } = expectStatus(
    await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', { name: 'Docs' }),
    201,
  );
  const create = () =>
    owner.client.post(`/api/workspaces/${workspace.id}/documents`, {
      title: 'Note',
      kind: 'note',
    });
  expect((await create()).status).toBe(201);
  expect((await create()).status).toBe(201);
  const refused = await create();
  expect(refused.status).toBe(429);
  expect(refused.body.error?.code).toBe('rate_limited');
});
