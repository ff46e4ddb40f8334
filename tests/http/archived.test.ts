/**
 * An archived workspace is read-only, its documents too: every write answers 409
 * `workspace_archived` to those whose role would allow it (403 to the others), reading goes
 * on, and unarchiving restores writing. Plus: restoring from the trash answers like GET (404)
 * to whoever cannot see the trashed document. (Issue 8, item 8; the collab side is in
 * tests/collab/revokeNow.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { CollabTokenDto, DocumentDto } from '../../shared/api/entities';
import type { ApiClient, ApiResponse } from '../helpers/server';
import { createDoc, expectStatus, useWorkspaceWorld, type WorkspaceWorld } from './workspaceWorld';

let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ world } = started);
});

/** Every write to a document or the workspace's document list, as `client`. */
async function writes(
  client: ApiClient,
  live: DocumentDto,
  trashed: DocumentDto,
): Promise<Record<string, ApiResponse>> {
  return {
    create: await client.post(`/api/workspaces/${world.workspace.id}/documents`, {
      title: 'New',
      kind: 'note',
    }),
    metadata: await client.patch(`/api/documents/${live.id}`, { title: 'Renamed' }),
    status: await client.post(`/api/documents/${live.id}/status`, { status: 'in-review' }),
    trash: await client.delete(`/api/documents/${live.id}`),
    restore: await client.post(`/api/documents/${trashed.id}/restore`),
  };
}

function codesOf(answers: Record<string, ApiResponse>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(answers).map(([name, res]) => [name, res.body?.error?.code ?? res.status]),
  );
}

describe('an archived workspace', () => {
  it('refuses writes to its documents with 409 workspace_archived, keeps them readable, and writes again once unarchived', async () => {
    const live = await createDoc(world, { title: 'Live' }, world.owner.client);
    const trashed = await createDoc(world, { title: 'Trashed' }, world.owner.client);
    expectStatus(await world.owner.client.delete(`/api/documents/${trashed.id}`), 204);
    const archive = (isArchived: boolean) =>
      world.owner.client.patch(`/api/workspaces/${world.workspace.id}`, { isArchived });

    expectStatus(await archive(true), 200);
    const archived = 'workspace_archived';
    expect(codesOf(await writes(world.owner.client, live, trashed))).toEqual({
      create: archived,
      metadata: archived,
      status: archived,
      trash: archived,
      restore: archived,
    });
    expect(codesOf(await writes(world.admin.client, live, trashed))).toEqual(
      codesOf(await writes(world.owner.client, live, trashed)),
    );
    // The role is checked first: a viewer learns nothing new from an archived workspace.
    expect(codesOf(await writes(world.viewer.client, live, trashed))).toEqual({
      create: 'forbidden',
      metadata: 'forbidden',
      status: 'forbidden',
      trash: 'forbidden',
      restore: 'not_found',
    });
    expect((await world.viewer.client.get(`/api/documents/${live.id}`)).status).toBe(200);
    const token = await world.editor.client.post<CollabTokenDto>(
      `/api/documents/${live.id}/collab-token`,
    );
    expect(expectStatus(token, 200).canWrite).toBe(false);

    expectStatus(await archive(false), 200);
    const tokenAfter = await world.editor.client.post<CollabTokenDto>(
      `/api/documents/${live.id}/collab-token`,
    );
    expect(expectStatus(tokenAfter, 200).canWrite).toBe(true);
    const after = await writes(world.owner.client, live, trashed);
    expect(Object.values(after).map((res) => res.status)).toEqual([201, 200, 200, 204, 200]);
  });
});

describe('POST /api/documents/:id/restore', () => {
  it('answers like GET (404 not_found) to everyone who cannot see the trashed document', async () => {
    const document = await createDoc(world, { title: 'Hidden in the trash' });
    expectStatus(await world.owner.client.delete(`/api/documents/${document.id}`), 204);
    const path = `/api/documents/${document.id}`;
    for (const who of [world.editor, world.reviewer, world.viewer, world.outsider]) {
      const read = await who.client.get(`${path}?includeTrashed=1`);
      const restore = await who.client.post(`${path}/restore`);
      expect([read.status, read.body.error?.code], who.user.name).toEqual([404, 'not_found']);
      expect([restore.status, restore.body.error?.code], who.user.name).toEqual([404, 'not_found']);
    }
    expectStatus(await world.owner.client.post(`${path}/restore`), 200);
  });
});
