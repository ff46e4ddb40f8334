/**
 * How the status buttons read `DocumentAbilities`: the one mapping from a workflow move to
 * the ability that allows it, used by the server to compute the abilities and by the client
 * to show the moves (so neither side restates who may make which move).
 */
import { STATUS_TRANSITIONS, type DocumentStatus } from '../domain';
import type { DocumentAbilities, WorkspaceAbilities } from './entities';

/** The abilities that gate a status move. */
export type StatusMoveAbility = 'approve' | 'publish' | 'changeStatus';

/** Which ability allows moving a document to `target`. */
export function statusMoveAbility(target: DocumentStatus): StatusMoveAbility {
  if (target === 'approved') return 'approve';
  if (target === 'published') return 'publish';
  return 'changeStatus';
}

/** The moves from `status` the workflow offers and `abilities` allow, in workflow order. */
export function allowedStatusMoves(
  abilities: DocumentAbilities,
  status: DocumentStatus,
): DocumentStatus[] {
  return STATUS_TRANSITIONS[status].filter((target) => abilities[statusMoveAbility(target)]);
}

/**
 * Nothing allowed: what the client assumes when an answer carries no abilities (a broadcast
 * does not; the client refetches the answer meant for it).
 */
export const NO_DOCUMENT_ABILITIES: DocumentAbilities = {
  read: false,
  edit: false,
  comment: false,
  suggest: false,
  editDetails: false,
  changeStatus: false,
  approve: false,
  publish: false,
  share: false,
  trash: false,
  restore: false,
};

/** Nothing allowed on a workspace (see `NO_DOCUMENT_ABILITIES`). */
export const NO_WORKSPACE_ABILITIES: WorkspaceAbilities = {
  read: false,
  edit: false,
  createDocument: false,
  manageMembers: false,
  archive: false,
  viewTrash: false,
};
