/**
 * How far one document reaches beyond its workspace (`server/policies/documentReach.ts`): the
 * membership the document policies judge by is the strongest of the workspace role, a direct
 * share and the link reach; someone else's membership or share never counts, and the stand-in
 * built for a share or the link never carries more than that one document's role.
 */
import { describe, expect, it } from 'vitest';
import type { LinkAccess } from '../../shared/domain';
import { documentMembership, isPubliclyReadable } from '../../server/policies/documentReach';
import type { Membership } from '../../server/storage/types';
import { makeDocument, makeMembership, makeUser } from '../helpers/testActors';

const actor = makeUser({ id: 'u-actor' });
const someoneElse = makeUser({ id: 'u-else' });
const joined = new Date('2026-02-01T00:00:00Z');
const changed = new Date('2026-03-01T00:00:00Z');

/** The actor's membership in `w-1`, joined and last changed on different days. */
const memberAs = (role: Membership['role']): Membership => ({
  ...makeMembership(actor, role),
  createdAt: joined,
  updatedAt: changed,
});

const reach = (input: {
  membership?: Membership | null;
  share?: { userId: string; role: 'editor' | 'reviewer' | 'viewer' } | null;
  linkAccess?: LinkAccess;
}) =>
  documentMembership({
    actor,
    membership: input.membership ?? null,
    share: input.share ?? null,
    document: makeDocument({ linkAccess: input.linkAccess ?? 'restricted' }),
  });

describe('document reach', () => {
  it('gives nothing to someone with no membership, no share and a restricted link', () => {
    expect(reach({})).toBeNull();
  });

  it('lets the network and the public read, and no more', () => {
    for (const linkAccess of ['network', 'public'] as const) {
      expect(reach({ linkAccess }), linkAccess).toEqual({
        workspaceId: 'w-1',
        userId: actor.id,
        role: 'viewer',
        createdAt: new Date(0),
        updatedAt: new Date(0),
      });
    }
  });

  it('judges a member by their own membership, as it is stored', () => {
    const membership = memberAs('reviewer');
    expect(reach({ membership, linkAccess: 'public' })).toBe(membership);
    expect(reach({ membership, share: { userId: actor.id, role: 'viewer' } })).toBe(membership);
  });

  it('lifts a member to a stronger share, keeping when they joined', () => {
    expect(
      reach({ membership: memberAs('viewer'), share: { userId: actor.id, role: 'editor' } }),
    ).toEqual({
      workspaceId: 'w-1',
      userId: actor.id,
      role: 'editor',
      createdAt: joined,
      updatedAt: changed,
    });
  });

  it('gives a non-member the role of their share, the stronger of share and link', () => {
    expect(reach({ share: { userId: actor.id, role: 'reviewer' } })?.role).toBe('reviewer');
    expect(
      reach({ share: { userId: actor.id, role: 'reviewer' }, linkAccess: 'public' })?.role,
    ).toBe('reviewer');
    expect(reach({ share: { userId: actor.id, role: 'editor' } })).toEqual({
      workspaceId: 'w-1',
      userId: actor.id,
      role: 'editor',
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
  });

  it('ignores a membership or a share that belongs to someone else', () => {
    const theirs = makeMembership(someoneElse, 'owner');
    expect(reach({ membership: theirs })).toBeNull();
    expect(reach({ share: { userId: someoneElse.id, role: 'editor' } })).toBeNull();
    expect(
      reach({
        membership: theirs,
        share: { userId: someoneElse.id, role: 'editor' },
        linkAccess: 'network',
      }),
    ).toMatchObject({ userId: actor.id, role: 'viewer' });
  });

  it('is publicly readable only when public and not in the trash', () => {
    expect(isPubliclyReadable(makeDocument({ linkAccess: 'public' }))).toBe(true);
    expect(isPubliclyReadable(makeDocument({ linkAccess: 'network' }))).toBe(false);
    expect(isPubliclyReadable(makeDocument({ linkAccess: 'restricted' }))).toBe(false);
    expect(isPubliclyReadable(makeDocument({ linkAccess: 'public', deletedAt: new Date() }))).toBe(
      false,
    );
  });
});
