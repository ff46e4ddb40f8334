/**
 * Mentions name people by id. Only people who can read the document are kept (workspace
 * members, people it is shared with directly and network admins, active accounts): nobody
 * is mentioned, or later notified, about a document they cannot open. The link reach
 * (`network`, `public`) does not make the whole network mentionable: those readers can open
 * it by its link, they were not given it. Unknown ids are dropped the same way, so the
 * answer does not tell which ids exist.
 */
import { documentMembership } from '../policies/documentReach';
import { effectiveRole, hasRoleAtLeast } from '../policies/role';
import type { DocumentRecord, Membership, Storage, User } from '../storage/types';

/** What mentions need to know of a document. */
type MentionedDocument = Pick<DocumentRecord, 'id' | 'workspaceId'>;

/** A person and the membership the document policies judge them by on one document. */
export interface PersonOnDocument {
  user: User;
  /** Null for a network admin who is no member (the policies judge admins as owners). */
  membership: Membership | null;
}

/**
 * The people among `users` who reach `document` without its link reach (workspace members,
 * people it is shared with directly, network admins), each with their document membership
 * (`documentMembership`), read in two storage calls for the whole list. Other rules over
 * those people (who may be asked to review) filter this list, so they agree with mentions.
 */
export async function peopleOnDocument(input: {
  storage: Storage;
  document: MentionedDocument;
  users: readonly User[];
}): Promise<PersonOnDocument[]> {
  const { storage, document } = input;
  const [memberships, shares] = await Promise.all([
    storage.listMemberships({ workspaceId: document.workspaceId }),
    storage.listDocumentShares({ documentId: document.id }),
  ]);
  const membershipOf = new Map(memberships.map((membership) => [membership.userId, membership]));
  const shareOf = new Map(shares.map((share) => [share.userId, share]));
  // Restricted on purpose: the link reach is left out (see the file comment).
  const reach = { workspaceId: document.workspaceId, linkAccess: 'restricted' as const };
  const people: PersonOnDocument[] = [];
  for (const user of input.users) {
    const membership = documentMembership({
      actor: user,
      membership: membershipOf.get(user.id) ?? null,
      share: shareOf.get(user.id) ?? null,
      document: reach,
    });
    if (effectiveRole(user, membership) !== null) people.push({ user, membership });
  }
  return people;
}

/**
 * The readers among `users`: active workspace members, people the document is shared with,
 * and network admins. One rule for who may be mentioned and who may be suggested, so a
 * suggestion is never refused.
 */
async function readersAmong(input: {
  storage: Storage;
  document: MentionedDocument;
  users: readonly User[];
}): Promise<User[]> {
  return (await peopleOnDocument(input)).map((person) => person.user);
}

/**
 * Everyone who can read `document`, by name: the @-suggestions of the comment composer.
 * Network admins read every workspace, so the whole account list is read (a network has
 * hundreds of people, not millions).
 */
export async function mentionablePeople(input: {
  storage: Storage;
  document: MentionedDocument;
}): Promise<User[]> {
  const readers = await readersAmong({ ...input, users: await input.storage.listUsers({}) });
  return readers.sort((a, b) => a.name.localeCompare(b.name));
}

/** The ids of `mentions` who can read `document`, in the order given. */
export async function readableMentions(input: {
  storage: Storage;
  document: MentionedDocument;
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

/**
 * The document's own owners and editors (workspace members and direct shares with that role,
 * active accounts): who is told of a new suggestion. Network admins who are not members are
 * left out, as the link reach is: they may edit everything, they are not the document's team.
 */
export async function documentEditors(input: {
  storage: Storage;
  document: MentionedDocument;
}): Promise<string[]> {
  const { storage, document } = input;
  const [memberships, shares] = await Promise.all([
    storage.listMemberships({ workspaceId: document.workspaceId }),
    storage.listDocumentShares({ documentId: document.id }),
  ]);
  const ids = [...new Set([...memberships, ...shares].map((each) => each.userId))];
  const users = ids.length === 0 ? [] : await storage.listUsers({ ids });
  const people = await peopleOnDocument({ storage, document, users });
  return people
    .filter(({ user, membership }) => hasRoleAtLeast(user, membership, 'editor'))
    .map(({ user }) => user.id);
}
