/**
 * Who may join a workspace or document room (`server/realtime/access.ts`), against real SQLite:
 * members and network admins yes; strangers, unknown ids and trashed documents all get the
 * same `not_found`, so probing ids tells nothing about what exists.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocumentRead, checkWorkspaceRead } from '../../server/realtime/access';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { DocumentRecord, Storage, User, Workspace } from '../../server/storage/types';
import { buildDocument, buildMembership, buildUser, buildWorkspace } from '../helpers/factories';

let dataDir: string;
let storage: Storage;
let owner: User;
let viewer: User;
let stranger: User;
let admin: User;
let workspace: Workspace;
let document: DocumentRecord;
let trashed: DocumentRecord;

const socketUser = (user: User) => ({
  id: user.id,
  name: user.name,
  isAdmin: user.role === 'admin',
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-rooms-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
  [owner, viewer, stranger, admin] = await Promise.all([
    buildUser(storage),
    buildUser(storage),
    buildUser(storage),
    buildUser(storage, { role: 'admin' }),
  ]);
  workspace = await buildWorkspace(storage, { owner });
  await buildMembership(storage, { workspace, user: viewer, role: 'viewer' });
  document = await buildDocument(storage, { workspace, createdBy: owner });
  trashed = await buildDocument(storage, { workspace, createdBy: owner });
  await storage.updateDocument({
    id: trashed.id,
    patch: { deletedAt: new Date(), deletedById: owner.id },
  });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('room access', () => {
  it('lets members and network admins follow a workspace; others get not_found', async () => {
    const check = (user: User, workspaceId = workspace.id) =>
      checkWorkspaceRead({ storage, user: socketUser(user), workspaceId });
    const allowed = { isAllowed: true, value: { workspaceId: workspace.id } };
    expect(await check(owner)).toEqual(allowed);
    expect(await check(viewer)).toEqual(allowed);
    expect(await check(admin)).toEqual(allowed);
    const notFound = { isAllowed: false, code: 'not_found' };
    expect(await check(stranger)).toEqual(notFound);
    expect(await check(owner, 'no-such-workspace')).toEqual(notFound);
    // A network admin reads every workspace that exists, and none that does not.
    expect(await check(admin, 'no-such-workspace')).toEqual(notFound);
  });

  it('lets readers into a live document’s room, answering with its workspace', async () => {
    const check = (user: User, documentId = document.id) =>
      checkDocumentRead({ storage, user: socketUser(user), documentId });
    const allowed = { isAllowed: true, value: { workspaceId: workspace.id } };
    expect(await check(viewer)).toEqual(allowed);
    expect(await check(admin)).toEqual(allowed);
    const notFound = { isAllowed: false, code: 'not_found' };
    expect(await check(stranger)).toEqual(notFound);
    expect(await check(owner, 'no-such-document')).toEqual(notFound);
    // Trashed: not even its owner follows it live.
    expect(await check(owner, trashed.id)).toEqual(notFound);
  });
});
