/**
 * The abilities in HTTP answers tell the truth: for each kind of caller, every ability that
 * has a route is true exactly when that route allows the request (2xx) and false when it
 * refuses it (403, 404 or 409). List answers carry the same abilities as the single answer.
 */
import { describe, expect, it } from 'vitest';
import type {
  CollabTokenDto,
  DocumentAbilities,
  DocumentDto,
  WorkspaceAbilities,
  WorkspaceDto,
} from '../../shared/api/entities';
import type { DocumentStatus } from '../../shared/domain';
import type { ApiClient, ApiResponse } from '../helpers/server';
import {
  addMember,
  createDoc,
  documentsPath,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from './workspaceWorld';

let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ world } = started);
});

const ROLES = ['owner', 'editor', 'reviewer', 'viewer', 'admin', 'outsider'] as const;
type Role = (typeof ROLES)[number];

/** The steps from draft to each status (the owner walks the document there). */
const PATH_TO: Record<DocumentStatus, DocumentStatus[]> = {
  draft: [],
  'in-review': ['in-review'],
  approved: ['in-review', 'approved'],
  published: ['in-review', 'approved', 'published'],
};

/** A fresh document created by the editor, moved by the owner to `status`. */
async function documentIn(status: DocumentStatus): Promise<DocumentDto> {
  const document = await createDoc(world, { title: `Probe (${status})` });
  for (const step of PATH_TO[status]) {
    const moved = await world.owner.client.post(`/api/documents/${document.id}/status`, {
      status: step,
    });
    expectStatus(moved, 200);
  }
  return document;
}

/** The caller's document abilities from GET, or null when the document is not found for them. */
async function documentAbilitiesOf(
  client: ApiClient,
  documentId: string,
  query = '',
): Promise<DocumentAbilities | null> {
  const res = await client.get<{ document: DocumentDto }>(`/api/documents/${documentId}${query}`);
  if (res.status === 404) return null;
  const { abilities } = expectStatus(res, 200).document;
  expect(abilities).toBeDefined();
  return abilities ?? null;
}

/** The caller's workspace abilities from GET, or null when the workspace is not found for them. */
async function workspaceAbilitiesOf(client: ApiClient): Promise<WorkspaceAbilities | null> {
  const res = await client.get<{ workspace: WorkspaceDto }>(
    `/api/workspaces/${world.workspace.id}`,
  );
  if (res.status === 404) return null;
  const { abilities } = expectStatus(res, 200).workspace;
  expect(abilities).toBeDefined();
  return abilities ?? null;
}

/** Asserts the answer agrees with the ability: 2xx when allowed, a refusal when not. */
function expectAgrees(name: string, isAllowed: boolean, res: ApiResponse<unknown>): void {
  if (isAllowed) expect(res.status, `${name}: allowed, so 2xx`).toBeLessThan(300);
  else expect([403, 404, 409], `${name}: not allowed, got ${res.status}`).toContain(res.status);
}

function clientOf(role: Role): ApiClient {
  return world[role].client;
}

let emailCounter = 0;

describe.each(ROLES)('the abilities the %s is told about', (role) => {
  it('match what the document routes allow', async () => {
    const client = clientOf(role);
    const probes: {
      ability: keyof DocumentAbilities;
      status: DocumentStatus;
      request: (id: string) => Promise<ApiResponse<unknown>>;
    }[] = [
      {
        ability: 'editDetails',
        status: 'draft',
        request: (id) => client.patch(`/api/documents/${id}`, { title: 'Retitled' }),
      },
      {
        ability: 'changeStatus',
        status: 'draft',
        request: (id) => client.post(`/api/documents/${id}/status`, { status: 'in-review' }),
      },
      {
        ability: 'changeStatus',
        status: 'in-review',
        request: (id) => client.post(`/api/documents/${id}/status`, { status: 'draft' }),
      },
      {
        ability: 'approve',
        status: 'in-review',
        request: (id) => client.post(`/api/documents/${id}/status`, { status: 'approved' }),
      },
      {
        ability: 'publish',
        status: 'approved',
        request: (id) => client.post(`/api/documents/${id}/status`, { status: 'published' }),
      },
      {
        ability: 'changeStatus',
        status: 'published',
        request: (id) => client.post(`/api/documents/${id}/status`, { status: 'draft' }),
      },
      { ability: 'trash', status: 'draft', request: (id) => client.delete(`/api/documents/${id}`) },
      {
        ability: 'trash',
        status: 'approved',
        request: (id) => client.delete(`/api/documents/${id}`),
      },
      {
        ability: 'share',
        status: 'draft',
        request: () =>
          client.post(`/api/workspaces/${world.workspace.id}/members`, {
            email: `abilities-${role}-${++emailCounter}@example.test`,
            role: 'viewer',
          }),
      },
    ];
    for (const probe of probes) {
      const document = await documentIn(probe.status);
      const abilities = await documentAbilitiesOf(client, document.id);
      if (role === 'outsider') expect(abilities).toBeNull();
      expectAgrees(
        `${probe.ability} on a ${probe.status} document`,
        abilities?.[probe.ability] ?? false,
        await probe.request(document.id),
      );
    }
  });

  it('match the collab token and restoring from the trash', async () => {
    const client = clientOf(role);
    const live = await documentIn('draft');
    const abilities = await documentAbilitiesOf(client, live.id);
    const token = await client.post<CollabTokenDto>(`/api/documents/${live.id}/collab-token`);
    if (abilities === null) expect(token.status).toBe(404);
    else {
      expect(abilities.read).toBe(true);
      expect(expectStatus(token, 200).canWrite).toBe(abilities.edit);
    }

    const trashed = await documentIn('draft');
    expectStatus(await world.owner.client.delete(`/api/documents/${trashed.id}`), 204);
    const inTrash = await documentAbilitiesOf(client, trashed.id, '?includeTrashed=1');
    if (inTrash) expect(inTrash.edit).toBe(false);
    expectAgrees(
      'restore',
      inTrash?.restore ?? false,
      await client.post(`/api/documents/${trashed.id}/restore`),
    );
  });

  it('match what the workspace routes allow', async () => {
    const client = clientOf(role);
    const abilities = await workspaceAbilitiesOf(client);
    if (role === 'outsider') expect(abilities).toBeNull();
    const path = `/api/workspaces/${world.workspace.id}`;
    const can = (ability: keyof WorkspaceAbilities) => abilities?.[ability] ?? false;
    expectAgrees('edit', can('edit'), await client.patch(path, { description: 'CLIP module 1' }));
    expectAgrees('archive', can('archive'), await client.patch(path, { isArchived: false }));
    expectAgrees('manageMembers', can('manageMembers'), await client.get(`${path}/invitations`));
    expectAgrees('viewTrash', can('viewTrash'), await client.get(documentsPath(world, '?trash=1')));
    expectAgrees(
      'createDocument',
      can('createDocument'),
      await client.post(documentsPath(world), { title: 'Minutes', kind: 'minutes' }),
    );
  });

  it('are the same in list answers as in the single answer', async () => {
    if (role === 'outsider') return;
    const client = clientOf(role);
    const document = await documentIn('in-review');
    const single = await documentAbilitiesOf(client, document.id);
    const listed = expectStatus(
      await client.get<{ documents: DocumentDto[] }>(documentsPath(world)),
      200,
    ).documents.find((d) => d.id === document.id);
    expect(listed?.abilities).toEqual(single);
    const workspaces = expectStatus(
      await client.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces'),
      200,
    ).workspaces;
    // Admins see only the workspaces they belong to in their own list.
    if (role !== 'admin') {
      const recent = expectStatus(
        await client.get<{ documents: DocumentDto[] }>('/api/documents?limit=50'),
        200,
      ).documents.find((d) => d.id === document.id);
      expect(recent?.abilities).toEqual(single);
      expect(workspaces.find((w) => w.id === world.workspace.id)?.abilities).toEqual(
        await workspaceAbilitiesOf(client),
      );
    }
  });
});

describe('abilities in an archived workspace', () => {
  it('turn every write off, and the routes refuse those writes', async () => {
    const created = await world.owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Archived line of work',
    });
    const workspace = expectStatus(created, 201).workspace;
    expect(workspace.abilities?.createDocument).toBe(true);
    await addMember({
      owner: world.owner.client,
      workspaceId: workspace.id,
      person: world.editor,
      role: 'editor',
    });
    const made = await world.editor.client.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspace.id}/documents`,
      { title: 'Frozen', kind: 'note' },
    );
    const document = expectStatus(made, 201).document;
    expect(document.abilities?.editDetails).toBe(true);
    const archived = await world.owner.client.patch<{ workspace: WorkspaceDto }>(
      `/api/workspaces/${workspace.id}`,
      { isArchived: true },
    );
    expect(expectStatus(archived, 200).workspace.abilities).toMatchObject({
      edit: true,
      archive: true,
      createDocument: false,
    });

    const abilities = await documentAbilitiesOf(world.editor.client, document.id);
    expect(abilities).toMatchObject({ read: true, edit: false, editDetails: false, trash: false });
    expect(abilities?.changeStatus).toBe(false);
    const patch = await world.editor.client.patch(`/api/documents/${document.id}`, {
      title: 'Thawed',
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error?.code).toBe('workspace_archived');
  });
});
