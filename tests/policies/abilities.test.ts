import { describe, expect, it } from 'vitest';
import { allowedStatusMoves } from '../../shared/api/abilities';
import type { DocumentAbilities, WorkspaceAbilities } from '../../shared/api/entities';
import type { DocumentStatus } from '../../shared/domain';
import { documentAbilities, workspaceAbilities } from '../../server/policies/abilities';
import type { DocumentRecord, Workspace } from '../../server/storage/types';
import { actors, makeDocument, makeWorkspace, type ActorName } from '../helpers/testActors';

const who = actors();
const names = Object.keys(who) as ActorName[];
const workspace = makeWorkspace();
const archived = makeWorkspace({ isArchived: true });

/** Which actors have `ability` on `document` in `inWorkspace`, in `names` order. */
function holders(
  ability: keyof DocumentAbilities,
  document: DocumentRecord,
  inWorkspace: Workspace = workspace,
): ActorName[] {
  return names.filter(
    (name) =>
      documentAbilities(who[name].user, who[name].membership, inWorkspace, document)[ability],
  );
}

/** Which actors have `ability` on `inWorkspace`, in `names` order. */
function workspaceHolders(
  ability: keyof WorkspaceAbilities,
  inWorkspace: Workspace = workspace,
): ActorName[] {
  return names.filter(
    (name) => workspaceAbilities(who[name].user, who[name].membership, inWorkspace)[ability],
  );
}

/** The status moves `name` is offered on a document in `status`. */
function moves(name: ActorName, status: DocumentStatus): DocumentStatus[] {
  const document = makeDocument({ status });
  const abilities = documentAbilities(who[name].user, who[name].membership, workspace, document);
  return allowedStatusMoves(abilities, status);
}

describe('document abilities', () => {
  it('gives each role its rights on a live draft', () => {
    const draft = makeDocument();
    const allMembers = ['owner', 'editor', 'reviewer', 'viewer', 'admin'];
    expect(holders('read', draft)).toEqual(allMembers);
    expect(holders('edit', draft)).toEqual(['owner', 'editor', 'admin']);
    expect(holders('editDetails', draft)).toEqual(['owner', 'editor', 'admin']);
    expect(holders('comment', draft)).toEqual(['owner', 'editor', 'reviewer', 'admin']);
    expect(holders('suggest', draft)).toEqual(['owner', 'editor', 'reviewer', 'admin']);
    expect(holders('changeStatus', draft)).toEqual(['owner', 'editor', 'admin']);
    expect(holders('approve', draft)).toEqual([]);
    expect(holders('publish', draft)).toEqual([]);
    expect(holders('share', draft)).toEqual(['owner', 'admin']);
    // The draft was created by the editor: they may trash their own unapproved work.
    expect(holders('trash', draft)).toEqual(['owner', 'editor', 'admin']);
    expect(holders('restore', draft)).toEqual([]);
  });

  it('offers each role exactly the status moves the policy allows', () => {
    expect(moves('owner', 'draft')).toEqual(['in-review']);
    expect(moves('editor', 'draft')).toEqual(['in-review']);
    expect(moves('owner', 'in-review')).toEqual(['approved', 'draft']);
    expect(moves('editor', 'in-review')).toEqual(['draft']);
    expect(moves('owner', 'approved')).toEqual(['published', 'draft']);
    expect(moves('editor', 'approved')).toEqual([]);
    expect(moves('admin', 'published')).toEqual(['draft']);
    expect(moves('editor', 'published')).toEqual([]);
    for (const status of ['draft', 'in-review', 'approved', 'published'] as const) {
      expect(moves('reviewer', status), status).toEqual([]);
      expect(moves('viewer', status), status).toEqual([]);
    }
  });

  it('lets only owners trash approved work or a colleague’s work, and restore trashed work', () => {
    expect(holders('trash', makeDocument({ createdById: 'u-owner' }))).toEqual(['owner', 'admin']);
    expect(holders('trash', makeDocument({ status: 'in-review' }))).toEqual([
      'owner',
      'editor',
      'admin',
    ]);
    expect(holders('trash', makeDocument({ status: 'approved' }))).toEqual(['owner', 'admin']);
    const trashed = makeDocument({ deletedAt: new Date(), deletedById: 'u-owner' });
    expect(holders('read', trashed)).toEqual(['owner', 'admin']);
    expect(holders('restore', trashed)).toEqual(['owner', 'admin']);
    for (const ability of ['edit', 'editDetails', 'comment', 'changeStatus', 'trash'] as const)
      expect(holders(ability, trashed), ability).toEqual([]);
  });

  it('allows no writes in an archived workspace, only reading and sharing', () => {
    const draft = makeDocument({ status: 'in-review' });
    expect(holders('read', draft, archived)).toEqual(holders('read', draft));
    expect(holders('share', draft, archived)).toEqual(['owner', 'admin']);
    const writes = [
      'edit',
      'comment',
      'suggest',
      'editDetails',
      'changeStatus',
      'approve',
      'publish',
      'trash',
    ] as const;
    for (const ability of writes) expect(holders(ability, draft, archived), ability).toEqual([]);
    const trashed = makeDocument({ deletedAt: new Date(), deletedById: 'u-owner' });
    expect(holders('restore', trashed, archived)).toEqual([]);
  });

  it('gives a deactivated account nothing', () => {
    const abilities = documentAbilities(
      who.deactivatedOwner.user,
      who.deactivatedOwner.membership,
      workspace,
      makeDocument(),
    );
    expect(Object.values(abilities).some(Boolean)).toBe(false);
  });
});

describe('workspace abilities', () => {
  it('gives each role its rights', () => {
    expect(workspaceHolders('read')).toEqual(['owner', 'editor', 'reviewer', 'viewer', 'admin']);
    expect(workspaceHolders('edit')).toEqual(['owner', 'admin']);
    expect(workspaceHolders('archive')).toEqual(['owner', 'admin']);
    expect(workspaceHolders('manageMembers')).toEqual(['owner', 'admin']);
    expect(workspaceHolders('viewTrash')).toEqual(['owner', 'admin']);
    expect(workspaceHolders('createDocument')).toEqual(['owner', 'editor', 'admin']);
  });

  it('keeps unarchiving possible but creating documents closed in an archived workspace', () => {
    expect(workspaceHolders('createDocument', archived)).toEqual([]);
    expect(workspaceHolders('archive', archived)).toEqual(['owner', 'admin']);
    expect(workspaceHolders('edit', archived)).toEqual(['owner', 'admin']);
  });
});
