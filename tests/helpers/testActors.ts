/**
 * Plain records for the policy tests: one actor per workspace role, plus a non-member,
 * a network admin and a deactivated owner. Pure data, no storage involved.
 */
import type { WorkspaceRole } from '../../shared/domain';
import type { DocumentRecord, Membership, User, Workspace } from '../../server/storage/types';

const at = new Date('2026-01-01T00:00:00Z');

/** Builds a user record with sensible defaults. */
export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-1',
    name: 'Someone',
    email: 'someone@example.org',
    role: 'member',
    passwordHash: 'x',
    organizationId: null,
    isActive: true,
    emailNotifications: true,
    emailInvitations: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Builds a membership of `user` in workspace `w-1`. */
export function makeMembership(user: User, role: WorkspaceRole): Membership {
  return { workspaceId: 'w-1', userId: user.id, role, createdAt: at, updatedAt: at };
}

/** Builds workspace `w-1`. */
export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: 'w-1',
    name: 'Housing and integration',
    description: '',
    isArchived: false,
    createdById: 'u-owner',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Builds a live draft created by `u-editor`. */
export function makeDocument(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 'd-1',
    workspaceId: 'w-1',
    title: 'Stuttgart case study',
    kind: 'case-study',
    status: 'draft',
    cityId: null,
    policyAreas: [],
    stakeholders: [],
    language: 'en',
    createdById: 'u-editor',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedById: null,
    version: 1,
    linkAccess: 'restricted',
    plainText: '',
    outline: [],
    wordCount: 0,
    lastEditorIds: [],
    contentUpdatedAt: null,
    ...overrides,
  };
}

export type ActorName =
  'owner' | 'editor' | 'reviewer' | 'viewer' | 'nonMember' | 'admin' | 'deactivatedOwner';

/** Each named actor with the membership they hold in `w-1` (null for none). */
export function actors(): Record<ActorName, { user: User; membership: Membership | null }> {
  const withRole = (id: string, role: WorkspaceRole, extra: Partial<User> = {}) => {
    const user = makeUser({ id, ...extra });
    return { user, membership: makeMembership(user, role) };
  };
  return {
    owner: withRole('u-owner', 'owner'),
    editor: withRole('u-editor', 'editor'),
    reviewer: withRole('u-reviewer', 'reviewer'),
    viewer: withRole('u-viewer', 'viewer'),
    nonMember: { user: makeUser({ id: 'u-stranger' }), membership: null },
    admin: { user: makeUser({ id: 'u-admin', role: 'admin' }), membership: null },
    deactivatedOwner: withRole('u-gone', 'owner', { isActive: false }),
  };
}
