/**
 * The authorization matrix: every workspace/document endpoint × every kind of caller, with
 * the exact status expected. Each cell runs against fresh data (a new workspace with an
 * owner, editor, reviewer and viewer, live and trashed documents), so destructive calls
 * never affect another cell. Changing a policy without changing this table fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollabTokenDto } from '../../shared/api/entities';
import type { User } from '../../server/storage/types';
import { buildDocument, buildMembership, buildUser, buildWorkspace } from '../helpers/factories';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import { CALLERS, ROWS, type Caller, type Cell } from './authorizationMatrix';

let server: TestServer;
const clients = {} as Record<Caller, ApiClient>;
const users = {} as Record<Exclude<Caller, 'anonymous'>, User>;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signUpAdmin(createApiClient(server.url));
  clients.admin = admin.client;
  clients.anonymous = createApiClient(server.url);
  for (const caller of ['owner', 'editor', 'reviewer', 'viewer', 'nonMember'] as const) {
    clients[caller] = (await inviteAndRegister({ admin: admin.client, name: caller })).client;
  }
  for (const caller of CALLERS) {
    if (caller === 'anonymous') continue;
    const me = await clients[caller].get('/api/auth/me');
    const user = me.body.user ? await server.storage.getUserById({ id: me.body.user.id }) : null;
    if (!user) throw new Error(`no user for ${caller}`);
    users[caller] = user;
  }
});
afterAll(async () => {
  await server?.close();
});

/** Builds a fresh workspace with everyone in their role, straight through the storage port. */
async function freshCell(caller: Caller): Promise<Cell> {
  const storage = server.storage;
  const workspace = await buildWorkspace(storage, { owner: users.owner });
  for (const role of ['editor', 'reviewer', 'viewer'] as const) {
    await buildMembership(storage, { workspace, user: users[role], role });
  }
  const extraMember = await buildUser(storage);
  await buildMembership(storage, { workspace, user: extraMember, role: 'viewer' });
  const document = await buildDocument(storage, {
    workspace,
    createdBy: users.editor,
    kind: 'guideline',
  });
  const ownersDocument = await buildDocument(storage, { workspace, createdBy: users.owner });
  const inReviewDraft = await buildDocument(storage, { workspace, createdBy: users.editor });
  const inReview = await storage.updateDocument({
    id: inReviewDraft.id,
    patch: { status: 'in-review' },
  });
  const toTrash = await buildDocument(storage, { workspace, createdBy: users.editor });
  const trashed = await storage.updateDocument({
    id: toTrash.id,
    patch: { deletedAt: new Date(Date.now() - 86_400_000), deletedById: users.owner.id },
  });
  const newcomer = await buildUser(storage);
  const invitation = await storage.createInvitation({
    tokenHash: `matrix-${workspace.id}`,
    email: `invited-${workspace.id}@example.test`,
    workspaceId: workspace.id,
    role: 'viewer',
    invitedById: users.owner.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const selfId = caller === 'anonymous' ? '00000000-0000-4000-8000-000000000000' : users[caller].id;
  return {
    workspace,
    document,
    ownersDocument,
    inReview,
    trashed,
    extraMember,
    newcomer,
    invitation,
    selfId,
  };
}

describe('authorization matrix', () => {
  it.each(ROWS)('$name', async (row) => {
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [index, caller] of CALLERS.entries()) {
      const cell = await freshCell(caller);
      const { method, path, body } = row.request(cell);
      const res = await clients[caller].request({
        method,
        path,
        ...(body === undefined ? {} : { body }),
      });
      actual[caller] = res.status;
      expected[caller] = row.expected[index] ?? 0;
    }
    expect(actual).toEqual(expected);
  });

  it('hands out writable collab tokens only to owners, editors and admins', async () => {
    const canWrite: Record<string, boolean> = {};
    for (const caller of ['owner', 'editor', 'reviewer', 'viewer', 'admin'] as const) {
      const cell = await freshCell(caller);
      const res = await clients[caller].post<CollabTokenDto>(
        `/api/documents/${cell.document.id}/collab-token`,
      );
      canWrite[caller] = res.body.canWrite;
    }
    expect(canWrite).toEqual({
      owner: true,
      editor: true,
      reviewer: false,
      viewer: false,
      admin: true,
    });
  });
});
