/**
 * One workspace with a person in every role, built through the real API: the network admin
 * (not a member), an owner, an editor, a reviewer, a viewer and an outsider (signed in, not a
 * member), plus an anonymous client. Shared by the workspace/document integration tests and
 * the authorization matrix.
 */
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import type { WorkspaceRole } from '../../shared/domain';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  type ApiClient,
  type SignedUpUser,
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

/** Adds an existing account to the workspace with `role`, as its owner would. */
export async function addMember(input: {
  owner: ApiClient;
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
}): Promise<void> {
  const res = await input.owner.post(`/api/workspaces/${input.workspaceId}/members`, {
    email: input.email,
    role: input.role,
  });
  expectStatus(res, 201);
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
    await addMember({ owner: owner.client, workspaceId: workspace.id, email: person.email, role });
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
