import { describe, expect, it } from 'vitest';
import { actors, makeWorkspace, type ActorName } from '../helpers/testActors';
import {
  canCreateDocument,
  canCreateWorkspace,
  canRemoveMember,
  canManageMembers,
  canReadWorkspace,
  canUpdateWorkspace,
  canViewTrash,
  isReadOnlyWorkspace,
} from '../../server/policies/workspace';

const who = actors();
const workspace = makeWorkspace();
const names = Object.keys(who) as ActorName[];

/** Which actors each policy lets through, in `names` order. */
function allowed(
  policy: (
    a: (typeof who)[ActorName]['user'],
    m: (typeof who)[ActorName]['membership'],
    w: typeof workspace,
  ) => boolean,
  target = workspace,
): ActorName[] {
  return names.filter((name) => policy(who[name].user, who[name].membership, target));
}

describe('workspace policies', () => {
  it('lets every member and the network admin read', () => {
    expect(allowed(canReadWorkspace)).toEqual(['owner', 'editor', 'reviewer', 'viewer', 'admin']);
  });

  it('keeps updating and member management to owners and admins', () => {
    expect(allowed(canUpdateWorkspace)).toEqual(['owner', 'admin']);
    expect(allowed(canManageMembers)).toEqual(['owner', 'admin']);
    expect(allowed(canViewTrash)).toEqual(['owner', 'admin']);
  });

  it('lets owners and editors create documents', () => {
    expect(allowed(canCreateDocument)).toEqual(['owner', 'editor', 'admin']);
  });

  it('makes an archived workspace read-only, and only an archived one', () => {
    expect(isReadOnlyWorkspace(makeWorkspace({ isArchived: true }))).toBe(true);
    expect(isReadOnlyWorkspace(makeWorkspace({ isArchived: false }))).toBe(false);
  });

  it('lets members leave but only owners and admins remove others', () => {
    const self = names.filter((name) =>
      canRemoveMember(who[name].user, who[name].membership, workspace, who[name].user.id),
    );
    expect(self).toEqual(['owner', 'editor', 'reviewer', 'viewer', 'admin']);
    const other = names.filter((name) =>
      canRemoveMember(who[name].user, who[name].membership, workspace, 'u-someone-else'),
    );
    expect(other).toEqual(['owner', 'admin']);
  });

  it('lets any active account create a workspace', () => {
    expect(names.filter((name) => canCreateWorkspace(who[name].user))).toEqual(
      names.filter((name) => name !== 'deactivatedOwner'),
    );
  });

  it('ignores a membership that belongs to someone else', () => {
    const { user } = who.nonMember;
    expect(canReadWorkspace(user, who.owner.membership, workspace)).toBe(false);
  });
});
