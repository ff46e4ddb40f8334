import { describe, expect, it } from 'vitest';
import { actors, makeWorkspace, type ActorName } from './testActors';
import {
  canCreateDocument,
  canManageMembers,
  canReadWorkspace,
  canUpdateWorkspace,
  canViewTrash,
} from './workspace';

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

  it('lets owners and editors create documents, unless the workspace is archived', () => {
    expect(allowed(canCreateDocument)).toEqual(['owner', 'editor', 'admin']);
    expect(allowed(canCreateDocument, makeWorkspace({ isArchived: true }))).toEqual([]);
  });

  it('ignores a membership that belongs to someone else', () => {
    const { user } = who.nonMember;
    expect(canReadWorkspace(user, who.owner.membership, workspace)).toBe(false);
  });
});
