/** The storage port for organisations (cities, research centres, partners). */
import type { OrganizationType } from '../../../shared/domain';

export interface Organization {
  id: string;
  name: string;
  type: OrganizationType;
  /** ISO 3166-1 alpha-2, upper case (e.g. `DE`). */
  country: string;
  createdAt: Date;
  updatedAt: Date;
}

export type OrganizationPatch = Partial<Pick<Organization, 'name' | 'type' | 'country'>>;

/** Organisations (`sqlite/organizations.ts`, `mongo/organizations.ts`). */
export interface OrganizationMethods {
  createOrganization(input: {
    name: string;
    type: OrganizationType;
    country: string;
  }): Promise<Organization>;
  getOrganization(input: { id: string }): Promise<Organization | null>;
  /** Sorted by name. */
  listOrganizations(input: { type?: OrganizationType }): Promise<Organization[]>;
  updateOrganization(input: { id: string; patch: OrganizationPatch }): Promise<Organization>;
  /** Users and documents pointing at it are detached (`organizationId`/`cityId` → null). */
  deleteOrganization(input: { id: string }): Promise<void>;
}
