/**
 * Comment threads on a document's text: list and start them (`/api/documents/:id/threads`),
 * reply, resolve/reopen/re-anchor (`/api/threads/:id…`), edit and delete one's own comment
 * (`/api/comments/:id`). Reviewers comment although they cannot edit: the server writes the
 * anchor mark into the live document (`commands/createThread.ts`).
 */
import express, { type Request, type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import {
  CreateCommentBody,
  CreateThreadBody,
  UpdateCommentBody,
  UpdateThreadBody,
} from '../../../shared/api/threads';
import { mentionablePeople } from '../../comments/mentions';
import { loadThreadView, loadThreadViews, type ThreadCaller } from '../../comments/threadViews';
import { addComment } from '../../commands/addComment';
import { deleteComment, editComment } from '../../commands/changeComment';
import { changeThread } from '../../commands/changeThread';
import { createThread } from '../../commands/createThread';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canComment, canReadDocument } from '../../policies/document';
import { canChangeComment, canResolveThread, commentAbilities } from '../../policies/thread';
import { isReadOnlyWorkspace } from '../../policies/workspace';
import { personLookup, presentComment } from '../../presenters/threads';
import type { CommentDto } from '../../../shared/api/threads';
import type { CommentRecord, Storage, ThreadRecord, User } from '../../storage/types';
import type { RouteDeps } from '../deps';
import { loadAuthorizedLiveDocument } from '../workspaces/access';
import { authorize, loadDocumentAccess, parseParams } from '../workspaces/access';

type Access = Awaited<ReturnType<typeof loadDocumentAccess>>;

/** The caller as the thread presenters need them. */
function callerOf(actor: User, access: Access): ThreadCaller {
  return {
    actor,
    membership: access.membership,
    document: access.document,
    isWritable: !isReadOnlyWorkspace(access.workspace),
  };
}

/** One comment with the caller's abilities, for an HTTP answer. */
async function presentCommentTo(
  storage: Storage,
  comment: CommentRecord,
  caller: ThreadCaller,
): Promise<CommentDto> {
  const person = personLookup(
    await storage.listUsers({ ids: [comment.authorId, ...comment.mentions] }),
  );
  const { actor, membership, document, isWritable } = caller;
  const abilities = commentAbilities(actor, membership, document, comment, isWritable);
  return presentComment(comment, person, abilities);
}

/**
 * A thread and its document for a change by the caller: 404 when the thread is missing or
 * its document is out of the caller's reach (or trashed), 403 unless they may comment, 409
 * in an archived workspace.
 */
async function loadThreadForChange(input: {
  storage: Storage;
  actor: User;
  req: Request;
}): Promise<{ thread: ThreadRecord; access: Access }> {
  const { storage, actor } = input;
  const { id } = parseParams(input.req, IdParams);
  const thread = await storage.getThread({ id });
  if (!thread) throw new NotFoundError('No such thread.', 'thread_not_found');
  const access = await loadAuthorizedLiveDocument(
    { storage, actor, documentId: thread.documentId },
    canComment,
    'Viewers cannot comment.',
  );
  return { thread, access };
}

/** Router for threads and comments. */
export function createThreadsRouter(
  deps: Pick<RouteDeps, 'storage' | 'collab' | 'events'>,
): Router {
  const { storage, collab, events } = deps;
  const router = express.Router();

  router.get('/documents/:id/threads', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadDocumentAccess({ storage, actor, documentId: id });
    if (!canReadDocument(actor, access.membership, access.document))
      throw new NotFoundError('No such document.');
    const threads = await loadThreadViews({
      storage,
      live: collab,
      documentId: id,
      caller: callerOf(actor, access),
    });
    res.json({ threads });
  });

  router.post('/documents/:id/threads', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canComment,
      'Viewers cannot comment.',
    );
    const { body } = validate(req, { body: CreateThreadBody });
    const { thread } = await createThread({
      storage,
      events,
      collab,
      actor,
      document: access.document,
      anchor: body.anchor,
      body: body.body,
      mentions: body.mentions ?? [],
      ...(body.idempotencyKey ? { idempotencyKey: body.idempotencyKey } : {}),
      ip: clientIp(req),
    });
    const view = await loadThreadView({
      storage,
      live: collab,
      thread,
      caller: callerOf(actor, access),
    });
    res.status(201).json({ thread: view });
  });

  // The people a comment may @-mention (everyone who can read the document but the caller),
  // for the composer's suggestions; only for those who may comment (viewers: 403).
  router.get('/documents/:id/mentionable', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canComment,
      'Viewers cannot comment.',
    );
    const people = await mentionablePeople({ storage, document: access.document });
    res.json({
      people: people
        .filter((person) => person.id !== actor.id)
        .map((person) => ({ id: person.id, name: person.name })),
    });
  });

  router.post('/threads/:id/comments', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { thread, access } = await loadThreadForChange({ storage, actor, req });
    const { body } = validate(req, { body: CreateCommentBody });
    const { comment } = await addComment({
      storage,
      events,
      actor,
      document: access.document,
      thread,
      body: body.body,
      mentions: body.mentions ?? [],
      ...(body.idempotencyKey ? { idempotencyKey: body.idempotencyKey } : {}),
      ip: clientIp(req),
    });
    res
      .status(201)
      .json({ comment: await presentCommentTo(storage, comment, callerOf(actor, access)) });
  });

  router.patch('/threads/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { thread, access } = await loadThreadForChange({ storage, actor, req });
    authorize(
      canResolveThread(actor, access.membership, access.document, thread),
      'Only owners, editors and the thread’s author resolve, reopen or move a thread.',
    );
    const { body } = validate(req, { body: UpdateThreadBody });
    const updated = await changeThread({
      storage,
      events,
      collab,
      actor,
      thread,
      ...(body.status ? { status: body.status } : {}),
      ...(body.anchor ? { anchor: body.anchor } : {}),
      ip: clientIp(req),
    });
    const view = await loadThreadView({
      storage,
      live: collab,
      thread: updated,
      caller: callerOf(actor, access),
    });
    res.json({ thread: view });
  });

  /** A comment and its thread for a change by its author (404/403/409 as above). */
  const loadOwnComment = async (req: Request, actor: User) => {
    const { id } = parseParams(req, IdParams);
    const comment = await storage.getComment({ id });
    if (!comment) throw new NotFoundError('No such comment.', 'comment_not_found');
    const thread = await storage.getThread({ id: comment.threadId });
    if (!thread) throw new NotFoundError('No such comment.', 'comment_not_found');
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: thread.documentId },
      canComment,
      'Viewers cannot comment.',
    );
    authorize(
      canChangeComment(actor, access.membership, access.document, comment),
      'Only its author changes a comment.',
    );
    return { comment, thread, access };
  };

  router.patch('/comments/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { comment, thread, access } = await loadOwnComment(req, actor);
    const { body } = validate(req, { body: UpdateCommentBody });
    const updated = await editComment({
      storage,
      events,
      actor,
      document: access.document,
      thread,
      comment,
      body: body.body,
      mentions: body.mentions ?? [],
      ip: clientIp(req),
    });
    res.json({ comment: await presentCommentTo(storage, updated, callerOf(actor, access)) });
  });

  router.delete('/comments/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { comment, thread } = await loadOwnComment(req, actor);
    await deleteComment({ storage, events, actor, thread, comment, ip: clientIp(req) });
    res.status(204).end();
  });

  return router;
}
