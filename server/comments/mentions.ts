/**
 * Mentions name people by id. Only people who can read the document are kept (workspace
 * members and network admins, active accounts): nobody is mentioned, or later notified,
 * about a document they cannot open. Unknown ids are dropped the same way, so the answer
 * does not tell which ids exist.
 */
import { effectiveRole } from '../policies/role';
import type { DocumentRecord, Storage, User } from '../storage/types';

/**
 * The readers among `users`: active workspace members and network admins. One rule for who
 * may be mentioned and who may be suggested, so a suggestion is never refused.
 */
async function readersAmong(input: {
  storage: Storage;
  document: Pick<DocumentRecord, 'workspaceId'>;
  users: readonly User[];
}): Promise<User[]> {
  const memberships = await input.storage.listMemberships({
    workspaceId: input.document.workspaceId,
  });
  const membershipOf = new Map(memberships.map((membership) => [membership.userId, membership]));
  return input.users.filter(
    (user) => effectiveRole(user, membershipOf.get(user.id) ?? null) !== null,
  );
}

/**
 * Everyone who can read `document`, by name: the @-suggestions of the comment composer.
 * Network admins read every workspace, so the whole account list is read (a network has
 * hundreds of people, not millions).
 */
export async function mentionablePeople(input: {
  storage: Storage;
  document: Pick<DocumentRecord, 'workspaceId'>;
}): Promise<User[]> {
  const readers = await readersAmong({ ...input, users: await input.storage.listUsers({}) });
  return readers.sort((a, b) => a.name.localeCompare(b.name));
}

/** The ids of `mentions` who can read `document`, in the order given. */
export async function readableMentions(input: {
  storage: Storage;
  document: Pick<DocumentRecord, 'workspaceId'>;
  mentions: readonly string[];
}): Promise<string[]> {
  if (input.mentions.length === 0) return [];
  const { storage, document } = input;
  const users = await storage.listUsers({ ids: [...input.mentions] });
  const readers = new Set(
    (await readersAmong({ storage, document, users })).map((user) => user.id),
  );
  return input.mentions.filter((id) => readers.has(id));
}
