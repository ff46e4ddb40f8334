/**
 * The network's city organisations (for the city of a case study and the city filter).
 * A failure just leaves the list empty: the city is optional everywhere it is used.
 */
import type { OrganizationDto } from '../../../shared/api/entities';
import { useOrganizations } from '../admin/queries';

/** Cities, sorted by name. */
export function useCities(): OrganizationDto[] {
  const organizations = useOrganizations();
  if (organizations.status !== 'ready') return [];
  return organizations.data.organizations
    .filter((organization) => organization.type === 'city')
    .sort((a, b) => a.name.localeCompare(b.name));
}
