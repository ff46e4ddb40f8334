/** Whose documents a person's search covers: exactly those `canReadDocument` lets them read. */
import type { SearchScope } from '../storage/types';
import type { Actor } from './role';

/**
 * Network admins read every live document (they act as owners everywhere); everyone else
 * the live documents of the workspaces they are a member of (any role reads).
 */
export function searchScopeFor(actor: Actor): SearchScope {
  return actor.role === 'admin' ? { kind: 'all' } : { kind: 'member', userId: actor.id };
}
