/** Data hooks of the network admin pages (the organisation list is also the city list). */
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** Every organisation of the network. */
export function useOrganizations() {
  return useApiQuery({ queryKey: queryKeys.organizations(), load: () => api.organizations.list() });
}

/** The network settings (admins). */
export function useSettings() {
  return useApiQuery({ queryKey: queryKeys.settings(), load: () => api.admin.settings() });
}

/** Pending invitations of the whole network (admins). */
export function useNetworkInvitations() {
  return useApiQuery({ queryKey: queryKeys.invitations(), load: () => api.admin.invitations() });
}
