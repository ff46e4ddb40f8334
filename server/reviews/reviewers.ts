/**
 * Who may be asked to review a document: anyone who can comment on it (reviewer role or
 * stronger), whether through the workspace or a direct share of this one document. The
 * picker's list (`reviewCandidates`) and the server's check (`assertReviewers`) use the same
 * document membership as every other door (`server/access/`), so a person the picker offers
 * is never refused.
 */
import type { ReviewCandidateDto } from '../../shared/api/reviewRequests';
import { peopleOnDocument } from '../comments/mentions';
import { ValidationError } from '../errors';
import { canComment } from '../policies/document';
import type { DocumentRecord, Storage } from '../storage/types';
import { accessOfPeople, canStillRead } from './accessOfPeople';

/**
 * The people who may be asked to review `document`, by name, the caller left out; each says
 * whether they reach it only through a direct share (the picker shows it).
 */
export async function reviewCandidates(input: {
  storage: Storage;
  document: DocumentRecord;
  callerId: string;
}): Promise<ReviewCandidateDto[]> {
  const { storage, document } = input;
  const people = await peopleOnDocument({
    storage,
    document,
    users: await storage.listUsers({}),
  });
  const members = new Set(
    (await storage.listMemberships({ workspaceId: document.workspaceId })).map((m) => m.userId),
  );
  return people
    .filter(
      ({ user, membership }) =>
        user.id !== input.callerId && canComment(user, membership, document),
    )
    .map(({ user }) => ({
      id: user.id,
      name: user.name,
      isDirectShare: !members.has(user.id) && user.role !== 'admin',
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Refuses the request unless every reviewer can comment on `document`: 400
 * `reviewer_without_access` when one cannot even read it (unknown ids look the same, so the
 * answer does not tell which accounts exist), else 400 `reviewer_cannot_comment` (a viewer,
 * or a reader through the link reach only). `details.reviewerIds` lists those refused.
 */
export async function assertReviewers(input: {
  storage: Storage;
  document: DocumentRecord;
  reviewerIds: readonly string[];
}): Promise<void> {
  const { storage, document } = input;
  const withoutAccess: string[] = [];
  const cannotComment: string[] = [];
  for (const { id, access } of await accessOfPeople({
    storage,
    document,
    userIds: input.reviewerIds,
  })) {
    if (!access || !canStillRead(access, document)) withoutAccess.push(id);
    else if (!canComment(access.user, access.membership, document)) cannotComment.push(id);
  }
  if (withoutAccess.length > 0) {
    throw new ValidationError(
      'Every reviewer must be able to open this document: share it with them first.',
      { reviewerIds: withoutAccess },
      'reviewer_without_access',
    );
  }
  if (cannotComment.length > 0) {
    throw new ValidationError(
      'Every reviewer must be able to comment on this document (reviewer role or stronger).',
      { reviewerIds: cannotComment },
      'reviewer_cannot_comment',
    );
  }
}
