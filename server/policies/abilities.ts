/**
 * The caller's abilities on a workspace or document, as sent in every HTTP answer that
 * carries one. Each flag asks the same policy functions the routes ask (and applies the same
 * archived-workspace rule, `isReadOnlyWorkspace`), so a flag is true exactly when the matching
 * request would be allowed; the client shows what these allow and copies no rule.
 */
import { statusMoveAbility, type StatusMoveAbility } from '../../shared/api/abilities';
import type { DocumentAbilities, WorkspaceAbilities } from '../../shared/api/entities';
import { STATUS_TRANSITIONS } from '../../shared/domain';
import type { DocumentMeta, Membership, Workspace } from '../storage/types';
import {
  canChangeStatus,
  canComment,
  canDeleteDocument,
  canReadDocument,
  canReadTrashedDocument,
  canRestoreDocument,
  canShareDocument,
  canUpdateDocumentMetadata,
  canWriteText,
} from './document';
import type { Actor } from './role';
import {
  canCreateDocument,
  canManageMembers,
  canReadWorkspace,
  canUpdateWorkspace,
  canViewTrash,
  isReadOnlyWorkspace,
} from './workspace';

/** What `actor` may do with `workspace` (`membership`: theirs in it, or null). */
export function workspaceAbilities(
  actor: Actor,
  membership: Membership | null,
  workspace: Workspace,
): WorkspaceAbilities {
  const isWritable = !isReadOnlyWorkspace(workspace);
  return {
    read: canReadWorkspace(actor, membership, workspace),
    // Owners still change an archived workspace: that is how it gets unarchived.
    edit: canUpdateWorkspace(actor, membership, workspace),
    createDocument: isWritable && canCreateDocument(actor, membership, workspace),
    manageMembers: canManageMembers(actor, membership, workspace),
    archive: canUpdateWorkspace(actor, membership, workspace),
    viewTrash: canViewTrash(actor, membership, workspace),
  };
}

/**
 * Whether the caller may make at least one of the workflow's moves from the document's
 * status that `ability` gates (false when the workflow offers none).
 */
function mayMakeMoveGatedBy(
  ability: StatusMoveAbility,
  actor: Actor,
  membership: Membership | null,
  document: DocumentMeta,
): boolean {
  return STATUS_TRANSITIONS[document.status].some(
    (target) =>
      statusMoveAbility(target) === ability && canChangeStatus(actor, membership, document, target),
  );
}

/**
 * What `actor` may do with `document` in `workspace`. Writes (everything but `read` and
 * `share`) are false in an archived workspace, where the routes answer 409
 * `workspace_archived`.
 */
export function documentAbilities(
  actor: Actor,
  membership: Membership | null,
  workspace: Workspace,
  document: DocumentMeta,
): DocumentAbilities {
  const isWritable = !isReadOnlyWorkspace(workspace);
  const when = (isAllowed: boolean): boolean => isWritable && isAllowed;
  const mayComment = when(canComment(actor, membership, document));
  return {
    read:
      canReadDocument(actor, membership, document) ||
      canReadTrashedDocument(actor, membership, document),
    // Approved and published text is locked (also what restoring a version needs).
    edit: when(canWriteText(actor, membership, document)),
    comment: mayComment,
    // Suggestions are comments with a proposed change: the same people make them.
    suggest: mayComment,
    editDetails: when(canUpdateDocumentMetadata(actor, membership, document)),
    changeStatus: when(mayMakeMoveGatedBy('changeStatus', actor, membership, document)),
    approve: when(mayMakeMoveGatedBy('approve', actor, membership, document)),
    publish: when(mayMakeMoveGatedBy('publish', actor, membership, document)),
    // Owners share one document (with a person, or by its link reach); not in the trash.
    share: canShareDocument(actor, membership, document),
    trash: when(canDeleteDocument(actor, membership, document)),
    restore: when(canRestoreDocument(actor, membership, document)),
  };
}
