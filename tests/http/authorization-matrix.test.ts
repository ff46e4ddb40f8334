/**
 * The authorization matrix: every workspace/document endpoint × every kind of caller, with
 * the exact status expected. Each cell runs against fresh data (a new workspace with an
 * owner, editor, reviewer and viewer, live and trashed documents), so destructive calls
 * never affect another cell. Changing a policy without changing this table fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollabTokenDto } from '../../shared/api/entities';
import type { DocumentRecord, User, Workspace } from '../../server/storage/types';
import { buildDocument, buildMembership, buildUser, buildWorkspace } from '../helpers/factories';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';

/** Columns of the table, in this order. */
const CALLERS = [
  'owner',
  'editor',
  'reviewer',
  'viewer',
  'nonMember',
  'anonymous',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];

/** Fresh data for one cell. */
interface Cell {
  workspace: Workspace;
  /** A draft created by the editor. */
  document: DocumentRecord;
  /** A draft created by the owner. */
  ownersDocument: DocumentRecord;
  /** A document already in review. */
  inReview: DocumentRecord;
  /** A document in the trash (deleted yesterday). */
  trashed: DocumentRecord;
  /** A viewer who is nobody in this test: the target of role changes and removals. */
  extraMember: User;
  /** An e-mail of an existing account that is not a member yet. */
  newcomer: User;
  /** The id of whoever is calling (anonymous: a made-up id). */
  selfId: string;
}

interface Row {
  name: string;
  request: (cell: Cell) => { method: string; path: string; body?: unknown };
  expected: [
    owner: number,
    editor: number,
    reviewer: number,
    viewer: number,
    nonMember: number,
    anonymous: number,
    admin: number,
  ];
}

const ws = (cell: Cell) => `/api/workspaces/${cell.workspace.id}`;
const doc = (id: string) => `/api/documents/${id}`;

const ROWS: Row[] = [
  // Workspaces
  {
    name: 'POST /api/workspaces',
    request: () => ({
      method: 'POST',
      path: '/api/workspaces',
      body: { name: 'New line of work' },
    }),
    expected: [201, 201, 201, 201, 201, 401, 201],
  },
  {
    name: 'GET /api/workspaces',
    request: () => ({ method: 'GET', path: '/api/workspaces' }),
    expected: [200, 200, 200, 200, 200, 401, 200],
  },
  {
    name: 'GET /api/workspaces/:id',
    request: (c) => ({ method: 'GET', path: ws(c) }),
    expected: [200, 200, 200, 200, 404, 401, 200],
  },
  {
    name: 'PATCH /api/workspaces/:id',
    request: (c) => ({ method: 'PATCH', path: ws(c), body: { name: 'Renamed' } }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  // Members and invitations
  {
    name: 'GET /api/workspaces/:id/members',
    request: (c) => ({ method: 'GET', path: `${ws(c)}/members` }),
    expected: [200, 200, 200, 200, 404, 401, 200],
  },
  {
    name: 'POST /api/workspaces/:id/members (account)',
    request: (c) => ({
      method: 'POST',
      path: `${ws(c)}/members`,
      body: { email: c.newcomer.email, role: 'editor' },
    }),
    expected: [201, 403, 403, 403, 404, 401, 201],
  },
  {
    name: 'POST /api/workspaces/:id/members (invitation)',
    request: (c) => ({
      method: 'POST',
      path: `${ws(c)}/members`,
      body: { email: `nobody-${c.newcomer.id}@example.test`, role: 'viewer' },
    }),
    expected: [201, 403, 403, 403, 404, 401, 201],
  },
  {
    name: 'PATCH /api/workspaces/:id/members/:userId',
    request: (c) => ({
      method: 'PATCH',
      path: `${ws(c)}/members/${c.extraMember.id}`,
      body: { role: 'editor' },
    }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  {
    name: 'DELETE /api/workspaces/:id/members/:userId (someone else)',
    request: (c) => ({ method: 'DELETE', path: `${ws(c)}/members/${c.extraMember.id}` }),
    expected: [204, 403, 403, 403, 404, 401, 204],
  },
  {
    name: 'DELETE /api/workspaces/:id/members/:userId (leave)',
    request: (c) => ({ method: 'DELETE', path: `${ws(c)}/members/${c.selfId}` }),
    expected: [409, 204, 204, 204, 404, 401, 404],
  },
  {
    name: 'GET /api/workspaces/:id/invitations',
    request: (c) => ({ method: 'GET', path: `${ws(c)}/invitations` }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  // Documents of a workspace
  {
    name: 'POST /api/workspaces/:id/documents',
    request: (c) => ({
      method: 'POST',
      path: `${ws(c)}/documents`,
      body: { title: 'Minutes', kind: 'minutes' },
    }),
    expected: [201, 201, 403, 403, 404, 401, 201],
  },
  {
    name: 'GET /api/workspaces/:id/documents',
    request: (c) => ({ method: 'GET', path: `${ws(c)}/documents` }),
    expected: [200, 200, 200, 200, 404, 401, 200],
  },
  {
    name: 'GET /api/workspaces/:id/documents?trash=1',
    request: (c) => ({ method: 'GET', path: `${ws(c)}/documents?trash=1` }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  // One document
  {
    name: 'GET /api/documents',
    request: () => ({ method: 'GET', path: '/api/documents' }),
    expected: [200, 200, 200, 200, 200, 401, 200],
  },
  {
    name: 'GET /api/documents/:id',
    request: (c) => ({ method: 'GET', path: doc(c.document.id) }),
    expected: [200, 200, 200, 200, 404, 401, 200],
  },
  {
    name: 'GET /api/documents/:id (trashed)',
    request: (c) => ({ method: 'GET', path: doc(c.trashed.id) }),
    expected: [404, 404, 404, 404, 404, 401, 404],
  },
  {
    name: 'GET /api/documents/:id?includeTrashed=1',
    request: (c) => ({ method: 'GET', path: `${doc(c.trashed.id)}?includeTrashed=1` }),
    expected: [200, 404, 404, 404, 404, 401, 200],
  },
  {
    name: 'PATCH /api/documents/:id',
    request: (c) => ({ method: 'PATCH', path: doc(c.document.id), body: { title: 'Retitled' } }),
    expected: [200, 200, 403, 403, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/status draft→in-review',
    request: (c) => ({
      method: 'POST',
      path: `${doc(c.document.id)}/status`,
      body: { status: 'in-review' },
    }),
    expected: [200, 200, 403, 403, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/status in-review→draft',
    request: (c) => ({
      method: 'POST',
      path: `${doc(c.inReview.id)}/status`,
      body: { status: 'draft' },
    }),
    expected: [200, 200, 403, 403, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/status in-review→approved',
    request: (c) => ({
      method: 'POST',
      path: `${doc(c.inReview.id)}/status`,
      body: { status: 'approved' },
    }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/status draft→published',
    request: (c) => ({
      method: 'POST',
      path: `${doc(c.document.id)}/status`,
      body: { status: 'published' },
    }),
    expected: [409, 409, 403, 403, 404, 401, 409],
  },
  {
    name: 'DELETE /api/documents/:id (created by the editor)',
    request: (c) => ({ method: 'DELETE', path: doc(c.document.id) }),
    expected: [204, 204, 403, 403, 404, 401, 204],
  },
  {
    name: 'DELETE /api/documents/:id (created by the owner)',
    request: (c) => ({ method: 'DELETE', path: doc(c.ownersDocument.id) }),
    expected: [204, 403, 403, 403, 404, 401, 204],
  },
  {
    name: 'POST /api/documents/:id/restore',
    request: (c) => ({ method: 'POST', path: `${doc(c.trashed.id)}/restore` }),
    expected: [200, 403, 403, 403, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/collab-token',
    request: (c) => ({ method: 'POST', path: `${doc(c.document.id)}/collab-token` }),
    expected: [200, 200, 200, 200, 404, 401, 200],
  },
  {
    name: 'POST /api/documents/:id/collab-token (trashed)',
    request: (c) => ({ method: 'POST', path: `${doc(c.trashed.id)}/collab-token` }),
    expected: [404, 404, 404, 404, 404, 401, 404],
  },
];

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
  const selfId = caller === 'anonymous' ? '00000000-0000-4000-8000-000000000000' : users[caller].id;
  return { workspace, document, ownersDocument, inReview, trashed, extraMember, newcomer, selfId };
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
        `${doc(cell.document.id)}/collab-token`,
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
