/** Who an answer is for: the presenters put the caller's abilities into it. */
import type { Actor } from '../policies/role';
import type { Membership } from '../storage/types';

/** The signed-in caller and their membership in the workspace concerned (null: none). */
export interface Caller {
  actor: Actor;
  membership: Membership | null;
}
