/**
 * Use case: the facilitator ends a session. The move itself (`end`) is one guarded write, so
 * of two tabs ending at once only one succeeds; the winner then writes the `minutes` document
 * in the workspace, shares it with the people the reviewed document is shared with directly
 * (so the link works for them too) and links it from the session (and so from the reviewed
 * document). A
 * session that never went live ends without minutes (it was called off).
 */
import type { EventBus, EventContext } from '../events';
import { createDocument } from '../commands/createDocument';
import { stateFromDocumentNode } from '../editor/documentContent';
import type { ReviewSessionRecord, Storage, User } from '../storage/types';
import { changeReviewSession, type MoveGuard, type PresenceReader } from './changeSession';
import { buildMinutesNode, type MinutesSuggestion, type MinutesThread } from './minutes';
import { shareMinutesWithSharees } from './shareMinutes';

/** Threads per agenda item, with their author and first comment. */
async function loadTaggedThreads(
  storage: Storage,
  session: ReviewSessionRecord,
): Promise<Map<string, MinutesThread[]>> {
  const threads = await storage.listThreads({ documentId: session.documentId });
  const comments = await storage.listCommentsOfDocument({ documentId: session.documentId });
  const users = await storage.listUsers({ ids: threads.map((thread) => thread.authorId) });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const threadsByItem = new Map<string, MinutesThread[]>();
  for (const tag of session.threadTags) {
    const thread = threads.find((candidate) => candidate.id === tag.threadId);
    if (!thread) continue; // deleted since: nothing left to list
    const first = comments.find((comment) => comment.threadId === thread.id);
    const list = threadsByItem.get(tag.itemId) ?? [];
    list.push({ thread, authorName: nameOf.get(thread.authorId) ?? '—', body: first?.body ?? '' });
    threadsByItem.set(tag.itemId, list);
  }
  return threadsByItem;
}

/** Suggestions per agenda item, with their author and outcome as it stands now. */
async function loadTaggedSuggestions(
  storage: Storage,
  session: ReviewSessionRecord,
): Promise<Map<string, MinutesSuggestion[]>> {
  if (session.suggestionTags.length === 0) return new Map();
  const records = await storage.listSuggestions({ documentId: session.documentId });
  const recordOf = new Map(records.map((record) => [record.id, record]));
  const users = await storage.listUsers({ ids: records.map((record) => record.authorId) });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const byItem = new Map<string, MinutesSuggestion[]>();
  for (const tag of session.suggestionTags) {
    const suggestion = recordOf.get(tag.suggestionId);
    if (!suggestion) continue; // purged with its document meanwhile: nothing to list
    const list = byItem.get(tag.itemId) ?? [];
    list.push({ suggestion, authorName: nameOf.get(suggestion.authorId) ?? '—' });
    byItem.set(tag.itemId, list);
  }
  return byItem;
}

/** Writes the minutes document of an ended session; returns it with the session linking it. */
async function writeMinutes(input: {
  storage: Storage;
  events: EventBus;
  presence: PresenceReader;
  context: EventContext;
  actor: User;
  session: ReviewSessionRecord;
}): Promise<ReviewSessionRecord> {
  const { storage, session } = input;
  const document = await storage.getDocument({ id: session.documentId });
  if (!document) return session;
  const [threadsByItem, suggestionsByItem] = await Promise.all([
    loadTaggedThreads(storage, session),
    loadTaggedSuggestions(storage, session),
  ]);
  const people = await storage.listUsers({ ids: [session.facilitatorId, ...session.attendeeIds] });
  const nameOf = new Map(people.map((user) => [user.id, user.name]));
  const node = buildMinutesNode({
    session,
    documentTitle: document.title,
    documentPath: `/documents/${document.id}`,
    facilitatorName: nameOf.get(session.facilitatorId) ?? '—',
    participantNames: session.attendeeIds
      .map((id) => nameOf.get(id))
      .filter((name): name is string => name !== undefined)
      .sort((a, b) => a.localeCompare(b)),
    threadsByItem,
    suggestionsByItem,
  });
  const minutes = await createDocument({
    storage,
    actor: input.actor,
    workspaceId: document.workspaceId,
    title: `Minutes: ${session.title}`.slice(0, 200),
    kind: 'minutes',
    initialState: stateFromDocumentNode(node),
  });
  await shareMinutesWithSharees({
    storage,
    events: input.events,
    context: input.context,
    actorId: input.actor.id,
    reviewed: document,
    minutes,
  });
  return changeReviewSession({
    storage,
    events: input.events,
    presence: input.presence,
    context: input.context,
    sessionId: session.id,
    move: { kind: 'linkMinutes', documentId: minutes.id },
  });
}

/** Ends the session (with the decisions given) and writes its minutes when it had gone live. */
export async function endReviewSession(input: {
  storage: Storage;
  events: EventBus;
  presence: PresenceReader;
  context: EventContext;
  actor: User;
  sessionId: string;
  decisions?: Record<string, string> | undefined;
  guard?: MoveGuard;
}): Promise<ReviewSessionRecord> {
  const ended = await changeReviewSession({
    ...input,
    move: input.decisions ? { kind: 'end', decisions: input.decisions } : { kind: 'end' },
  });
  if (!ended.startedAt) return ended;
  return writeMinutes({ ...input, session: ended });
}
