/**
 * What the UI offers a workspace role in the editor. Mirrors the server's policies so
 * buttons that would be refused are not shown; the server still decides every request.
 */
import {
  STATUS_TRANSITIONS,
  workspaceRoleRank,
  type DocumentStatus,
  type WorkspaceRole,
} from '../../../shared/domain';

/** Title, city, policy areas and stakeholders: owners and editors. */
export function canEditMetadata(role: WorkspaceRole): boolean {
  return workspaceRoleRank(role) >= workspaceRoleRank('editor');
}

/** The status buttons to show: editors submit and take back; owners do every move. */
export function allowedStatusMoves(input: {
  role: WorkspaceRole;
  status: DocumentStatus;
}): DocumentStatus[] {
  const { role, status } = input;
  const moves = STATUS_TRANSITIONS[status];
  if (role === 'owner') return [...moves];
  if (role !== 'editor') return [];
  return moves.filter(
    (target) =>
      (status === 'draft' && target === 'in-review') ||
      (status === 'in-review' && target === 'draft'),
  );
}

/**
 * Moving to the trash: owners, or the editor who created the document while it is a draft or
 * in review (approved and published work is withdrawn by owners only, as on the server).
 */
export function canTrashDocument(input: {
  role: WorkspaceRole;
  userId: string;
  createdById: string;
  status: DocumentStatus;
}): boolean {
  if (input.role === 'owner') return true;
  const isUnapproved = input.status === 'draft' || input.status === 'in-review';
  return input.role === 'editor' && input.userId === input.createdById && isUnapproved;
}
