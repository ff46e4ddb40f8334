/**
 * What a few named people may do with one document, judged by the same document membership
 * as every door (`server/access/`): who may be asked to review, and who left a session
 * because they lost access (not merely one of several ways in).
 */
import { loadDocumentMembership } from '../access/documentAccess';
import { canReadDocument } from '../policies/document';
import type { DocumentRecord, Membership, Storage, User } from '../storage/types';

/** One named person's access: null when there is no such account. */
export type PersonAccess = { user: User; membership: Membership | null } | null;

/** Each of `userIds` with their document membership, in the order given. */
export async function accessOfPeople(input: {
  storage: Storage;
  document: DocumentRecord;
  userIds: readonly string[];
}): Promise<Array<{ id: string; access: PersonAccess }>> {
  const { storage, document } = input;
  if (input.userIds.length === 0) return [];
  const users = new Map(
    (await storage.listUsers({ ids: [...input.userIds] })).map((user) => [user.id, user]),
  );
  return Promise.all(
    input.userIds.map(async (id) => {
      const user = users.get(id);
      if (!user) return { id, access: null };
      return {
        id,
        access: {
          user,
          membership: await loadDocumentMembership({ storage, actor: user, document }),
        },
      };
    }),
  );
}

/** Whether that person can read `document` now. */
export function canStillRead(access: PersonAccess, document: DocumentRecord): boolean {
  return access !== null && canReadDocument(access.user, access.membership, document);
}

/** The ids of `userIds` who cannot read the document now (missing accounts included). */
export async function peopleWithoutAccess(input: {
  storage: Storage;
  documentId: string;
  userIds: readonly string[];
}): Promise<string[]> {
  const { storage } = input;
  if (input.userIds.length === 0) return [];
  const document = await storage.getDocument({ id: input.documentId });
  if (!document) return [...input.userIds];
  const people = await accessOfPeople({ storage, document, userIds: input.userIds });
  return people.filter(({ access }) => !canStillRead(access, document)).map(({ id }) => id);
}
