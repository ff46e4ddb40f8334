/**
 * One workspace with a person in every role, built through the real API: the network admin
 * (not a member), an owner, an editor, a reviewer, a viewer and an outsider (signed in, not a
 * member), plus an anonymous client. Shared by the workspace/document integration tests and
 * the authorization matrix.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DocumentDto, InvitationDto, WorkspaceDto } from '../../shared/api/entities';
import type { WorkspaceRole } from '../../shared/domain';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type SignedUpUser,
  type TestEnvOverrides,
  type TestServer,
} from '../helpers/server';

export interface WorkspaceWorld {
  admin: SignedUpUser;
  owner: SignedUpUser;
  editor: SignedUpUser;
  reviewer: SignedUpUser;
  viewer: SignedUpUser;
  outsider: SignedUpUser;
  anonymous: ApiClient;
  workspace: WorkspaceDto;
}

/** Throws with the answer's body unless `status` matches: setup steps must not fail quietly. */
export function expectStatus<T>(res: { status: number; body: T }, status: number): T {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Adds an existing account to the workspace with `role`: the owner invites them and they
 * accept signed in (an admin's add needs no acceptance).
 */
export async function addMember(input: {
  owner: ApiClient;
  workspaceId: string;
  person: SignedUpUser;
  role: WorkspaceRole;
}): Promise<void> {
  const res = await input.owner.post<{ invitation?: InvitationDto }>(
    `/api/workspaces/${input.workspaceId}/members`,
    { email: input.person.email, role: input.role },
  );
  const token = expectStatus(res, 201).invitation?.token;
  if (token === undefined) return;
  expectStatus(await input.person.client.post(`/api/invitations/${token}/accept`), 200);
}

/** Signs everybody up and builds the workspace (empty database expected). */
export async function buildWorkspaceWorld(baseUrl: string): Promise<WorkspaceWorld> {
  const admin = await signUpAdmin(createApiClient(baseUrl), { name: 'Network Admin' });
  const owner = await inviteAndRegister({ admin: admin.client, name: 'Olga Owner' });
  const editor = await inviteAndRegister({ admin: admin.client, name: 'Emil Editor' });
  const reviewer = await inviteAndRegister({ admin: admin.client, name: 'Rita Reviewer' });
  const viewer = await inviteAndRegister({ admin: admin.client, name: 'Viktor Viewer' });
  const outsider = await inviteAndRegister({ admin: admin.client, name: 'Otto Outsider' });
  const created = await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
    name: 'Housing and integration',
    description: 'CLIP module 1',
  });
  const { workspace } = expectStatus(created, 201);
  for (const [person, role] of [
    [editor, 'editor'],
    [reviewer, 'reviewer'],
    [viewer, 'viewer'],
  ] as const) {
    await addMember({ owner: owner.client, workspaceId: workspace.id, person, role });
  }
  return {
    admin,
    owner,
    editor,
    reviewer,
    viewer,
    outsider,
    anonymous: createApiClient(baseUrl),
    workspace,
  };
}

/** Creates a document in the world's workspace as `author` (default: the editor). */
export async function createDoc(
  world: WorkspaceWorld,
  body: Record<string, unknown> = {},
  author: ApiClient = world.editor.client,
): Promise<DocumentDto> {
  const res = await author.post<{ document: DocumentDto }>(
    `/api/workspaces/${world.workspace.id}/documents`,
    {
      title: 'Stuttgart case study',
      kind: 'case-study',
      ...body,
    },
  );
  return expectStatus(res, 201).document;
}

/** A test server and the world built on it, shared by every test of one file. */
export interface WorldServer {
  server: TestServer;
  world: WorkspaceWorld;
}

/**
 * Starts a server and builds the world before the file's tests, and stops the server after
 * them, so each file does not repeat the same hooks. `ready` hands both over to the file;
 * `overrides` are env settings of that server (e.g. `{ SMTP_URL: 'json:' }`).
 */
export function useWorkspaceWorld(
  ready: (started: WorldServer) => void,
  overrides: TestEnvOverrides = {},
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(overrides);
    ready({ server, world: await buildWorkspaceWorld(server.url) });
  });
  afterAll(async () => {
    await server?.close();
  });
}

/** The world's document list URL, with an optional query string such as `?trash=1`. */
export function documentsPath(world: WorkspaceWorld, query = ''): string {
  return `/api/workspaces/${world.workspace.id}/documents${query}`;
}

/** The sorted titles `client` (default: the viewer) gets from the document list for `query`. */
export async function listDocumentTitles(
  world: WorkspaceWorld,
  query: string,
  client: ApiClient = world.viewer.client,
): Promise<string[]> {
  const res = await client.get<{ documents: DocumentDto[] }>(documentsPath(world, query));
  return expectStatus(res, 200)
    .documents.map((d) => d.title)
    .sort();
}
