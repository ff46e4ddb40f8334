/**
 * Test data written through the storage port, with unique defaults, so every test builds
 * exactly what it needs on any engine. Overrides win over defaults.
 */
import { randomUUID } from 'node:crypto';
import type {
  DocumentKind,
  OrganizationType,
  PolicyArea,
  StakeholderType,
  UserRole,
  WorkspaceRole,
} from '../../shared/domain';
import type {
  DocumentRecord,
  Organization,
  Storage,
  User,
  Workspace,
} from '../../server/storage/types';

/** Not a real hash: factories' users cannot sign in unless a real `passwordHash` is given. */
export const DUMMY_PASSWORD_HASH = 'test-only:not-a-real-password-hash';

/** A short unique suffix, so defaults never collide across tests sharing a database. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Creates a user (role `member`, active) with a unique e-mail. */
export async function buildUser(
  storage: Storage,
  overrides: Partial<{
    name: string;
    email: string;
    role: UserRole;
    passwordHash: string;
    organizationId: string | null;
    isActive: boolean;
  }> = {},
): Promise<User> {
  const suffix = uniqueSuffix();
  const user = await storage.createUser({
    name: overrides.name ?? `Test User ${suffix}`,
    email: overrides.email ?? `user-${suffix}@example.test`,
    role: overrides.role ?? 'member',
    passwordHash: overrides.passwordHash ?? DUMMY_PASSWORD_HASH,
    organizationId: overrides.organizationId ?? null,
  });
  if (overrides.isActive === false) {
    return storage.updateUser({ id: user.id, patch: { isActive: false } });
  }
  return user;
}

/** Creates an organisation (a German city by default) with a unique name. */
export async function buildOrganization(
  storage: Storage,
  overrides: Partial<{ name: string; type: OrganizationType; country: string }> = {},
): Promise<Organization> {
  return storage.createOrganization({
    name: overrides.name ?? `Test City ${uniqueSuffix()}`,
    type: overrides.type ?? 'city',
    country: overrides.country ?? 'DE',
  });
}

/** Creates a workspace and makes `owner` its owner (as the API does). */
export async function buildWorkspace(
  storage: Storage,
  options: { owner: User; name?: string; description?: string; isArchived?: boolean },
): Promise<Workspace> {
  const workspace = await storage.createWorkspace({
    name: options.name ?? `Test Workspace ${uniqueSuffix()}`,
    description: options.description ?? '',
    createdById: options.owner.id,
  });
  await storage.addMembership({
    workspaceId: workspace.id,
    userId: options.owner.id,
    role: 'owner',
  });
  if (options.isArchived) {
    return storage.updateWorkspace({ id: workspace.id, patch: { isArchived: true } });
  }
  return workspace;
}

/** Adds `user` to `workspace` with `role` (default `editor`). */
export async function buildMembership(
  storage: Storage,
  options: { workspace: Workspace; user: User; role?: WorkspaceRole },
): Promise<void> {
  await storage.addMembership({
    workspaceId: options.workspace.id,
    userId: options.user.id,
    role: options.role ?? 'editor',
  });
}

/** Creates a document (a draft note by default) in `workspace`. */
export async function buildDocument(
  storage: Storage,
  options: {
    workspace: Workspace;
    createdBy: User;
    title?: string;
    kind?: DocumentKind;
    cityId?: string | null;
    policyAreas?: PolicyArea[];
    stakeholders?: StakeholderType[];
  },
): Promise<DocumentRecord> {
  return storage.createDocument({
    workspaceId: options.workspace.id,
    createdById: options.createdBy.id,
    title: options.title ?? `Test Document ${uniqueSuffix()}`,
    kind: options.kind ?? 'note',
    cityId: options.cityId ?? null,
    policyAreas: options.policyAreas ?? [],
    stakeholders: options.stakeholders ?? [],
  });
}
