/** Organisations as the API shows them. */
import type { OrganizationDto } from '../../shared/api/entities';
import type { Organization } from '../storage/types';

/** One organisation (explicit fields). */
export function presentOrganization(organization: Organization): OrganizationDto {
  return {
    id: organization.id,
    name: organization.name,
    type: organization.type,
    country: organization.country,
  };
}
