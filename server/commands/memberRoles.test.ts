import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMembership, buildUser, buildWorkspace } from '../../tests/helpers/factories';
import { createEventBus } from '../events';
import { createLogger } from '../logger';
import { createSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/types';
import { changeMemberRole, removeMember } from './memberRoles';

let dir: string;
let storage: Storage;
const events = createEventBus({ logger: createLogger({ logLevel: 'silent' }) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clip-roles-'));
  storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
});
afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** A workspace with exactly two owners, `a` and `b`. */
async function twoOwners() {
  const a = await buildUser(storage);
  const b = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: a });
  await buildMembership(storage, { workspace, user: b, role: 'owner' });
  return { a, b, workspace };
}

async function ownerCount(workspaceId: string): Promise<number> {
  const members = await storage.listMemberships({ workspaceId });
  return members.filter((m) => m.role === 'owner').length;
}

describe('the last-owner rule under concurrency', () => {
  it('undoes one of two simultaneous demotions so an owner remains', async () => {
    const { a, b, workspace } = await twoOwners();
    const results = await Promise.allSettled([
      changeMemberRole({
        events,
        storage,
        actor: a,
        workspaceId: workspace.id,
        userId: b.id,
        role: 'editor',
      }),
      changeMemberRole({
        events,
        storage,
        actor: b,
        workspaceId: workspace.id,
        userId: a.id,
        role: 'editor',
      }),
    ]);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    for (const result of results) {
      if (result.status === 'rejected')
        expect((result.reason as { code?: string }).code).toBe('last_owner');
    }
    expect(await ownerCount(workspace.id)).toBeGreaterThanOrEqual(1);
  });

  it('undoes one of two owners leaving at the same moment', async () => {
    const { a, b, workspace } = await twoOwners();
    const results = await Promise.allSettled([
      removeMember({ storage, events, actor: a, workspaceId: workspace.id, userId: a.id }),
      removeMember({ storage, events, actor: b, workspaceId: workspace.id, userId: b.id }),
    ]);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    expect(await ownerCount(workspace.id)).toBeGreaterThanOrEqual(1);
  });

  it('lets one owner step down when another stays', async () => {
    const { a, b, workspace } = await twoOwners();
    const updated = await changeMemberRole({
      events,
      storage,
      actor: a,
      workspaceId: workspace.id,
      userId: b.id,
      role: 'viewer',
    });
    expect(updated.role).toBe('viewer');
    await expect(
      changeMemberRole({
        events,
        storage,
        actor: a,
        workspaceId: workspace.id,
        userId: a.id,
        role: 'editor',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'last_owner' });
  });
});
