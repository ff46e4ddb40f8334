/**
 * Organisation changes by a network admin, each audited. Deleting an organisation detaches
 * its people (their `organizationId` becomes null) rather than leaving dangling ids.
 */
import type { OrganizationType } from '../../shared/domain';
import { NotFoundError } from '../errors';
import type { Organization, OrganizationPatch, Storage } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Creates an organisation. */
export async function createOrganization(options: {
  storage: Storage;
  actor: { id: string };
  input: { name: string; type: OrganizationType; country: string };
  ip?: string | null;
}): Promise<Organization> {
  const { storage, actor } = options;
  const organization = await storage.createOrganization(options.input);
  await recordAudit({
    storage,
    actor,
    action: 'organization.created',
    target: { type: 'organization', id: organization.id },
    details: { ...options.input },
    ip: options.ip ?? null,
  });
  return organization;
}

/** Renames or re-types an organisation; 404 `organization_not_found` when unknown. */
export async function updateOrganization(options: {
  storage: Storage;
  actor: { id: string };
  id: string;
  patch: OrganizationPatch;
  ip?: string | null;
}): Promise<Organization> {
  const { storage, actor, id, patch } = options;
  if (!(await storage.getOrganization({ id })))
    throw new NotFoundError('No such organisation.', 'organization_not_found');
  const organization = await storage.updateOrganization({ id, patch });
  await recordAudit({
    storage,
    actor,
    action: 'organization.updated',
    target: { type: 'organization', id },
    details: { ...patch },
    ip: options.ip ?? null,
  });
  return organization;
}

/** Deletes an organisation and detaches its members. */
export async function deleteOrganization(options: {
  storage: Storage;
  actor: { id: string };
  id: string;
  ip?: string | null;
}): Promise<void> {
  const { storage, actor, id } = options;
  const organization = await storage.getOrganization({ id });
  if (!organization) throw new NotFoundError('No such organisation.', 'organization_not_found');
  const members = (await storage.listUsers({})).filter((user) => user.organizationId === id);
  for (const member of members) {
    await storage.updateUser({ id: member.id, patch: { organizationId: null } });
  }
  await storage.deleteOrganization({ id });
  await recordAudit({
    storage,
    actor,
    action: 'organization.deleted',
    target: { type: 'organization', id },
    details: { name: organization.name, detachedUsers: members.length },
    ip: options.ip ?? null,
  });
}
