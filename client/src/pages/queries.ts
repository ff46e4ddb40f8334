/** Data hooks of the stand-alone pages. */
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** What an invitation link offers (no sign-in needed). */
export function useInvitationPreview(token: string) {
  return useApiQuery({
    queryKey: queryKeys.invitationPreview(token),
    load: () => api.invitations.get(token),
  });
}
