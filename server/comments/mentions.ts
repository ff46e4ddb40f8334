/**
 * Mentions name people by id. Only people who can read the document are kept (workspace
 * members and network admins, active accounts): nobody is mentioned, or later notified,
 * about a document they cannot open. Unknown ids are dropped the same way, so the answer
 * does not tell which ids exist.
 */
import { effectiveRole } from '../policies/role';
import type { DocumentRecord, Storage } from '../storage/types';

/** The ids of `mentions` who can read `document`, in the order given. */
export async function readableMentions(input: {
  storage: Storage;
  document: Pick<DocumentRecord, 'workspaceId'>;
  mentions: readonly string[];
}): Promise<string[]> {
  if (input.mentions.length === 0) return [];
  const { storage, document } = input;
  const [users, memberships] = await Promise.all([
    storage.listUsers({ ids: [...input.mentions] }),
    storage.listMemberships({ workspaceId: document.workspaceId }),
  ]);
  const membershipOf = new Map(memberships.map((membership) => [membership.userId, membership]));
  const readers = new Set(
    users
      .filter((user) => effectiveRole(user, membershipOf.get(user.id) ?? null) !== null)
      .map((user) => user.id),
  );
  return input.mentions.filter((id) => readers.has(id));
}
