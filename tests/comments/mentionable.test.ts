/**
 * `GET /api/documents/:id/mentionable`: the people the comment composer suggests after `@`
 * are exactly those who can read the document (active workspace members and network admins),
 * without the caller; only people who may comment ask (viewers 403, outsiders 404).
 */
import { describe, expect, it } from 'vitest';
import type { UserSummaryDto } from '../../shared/api/entities';
import { inviteAndRegister } from '../helpers/server';
import {
  addMember,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';

let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ world } = started);
});

type Answer = { people: UserSummaryDto[] };

describe('mentionable people', () => {
  it('lists the readers of the document, by name, for those who may comment', async () => {
    const document = await createDoc(world, { title: 'Mentionable study' });
    const path = `/api/documents/${document.id}/mentionable`;
    const leaver = await inviteAndRegister({ admin: world.admin.client, name: 'Lena Leaver' });
    await addMember({
      owner: world.owner.client,
      workspaceId: world.workspace.id,
      person: leaver,
      role: 'editor',
    });
    expect(
      expectStatus(await world.reviewer.client.get<Answer>(path), 200).people.map((p) => p.id),
    ).toContain(leaver.user.id);
    expectStatus(await world.admin.client.post(`/api/users/${leaver.user.id}/deactivate`), 200);

    const everyone = [world.admin, world.owner, world.editor, world.reviewer, world.viewer];
    const expected = (caller: (typeof everyone)[number]) =>
      everyone
        .filter((person) => person !== caller)
        .map((person) => ({ id: person.user.id, name: person.user.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    for (const caller of [world.admin, world.owner, world.editor, world.reviewer]) {
      const { people } = expectStatus(await caller.client.get<Answer>(path), 200);
      // The outsider (no membership) and the deactivated member are never suggested.
      expect(people).toEqual(expected(caller));
    }

    expect((await world.viewer.client.get(path)).status).toBe(403);
    const outsider = await world.outsider.client.get(path);
    expect(outsider.status).toBe(404);
    expect((await world.anonymous.get(path)).status).toBe(401);
    const missing = await world.owner.client.get(
      '/api/documents/00000000-0000-4000-8000-000000000000/mentionable',
    );
    expect(missing.status).toBe(404);
  });
});
