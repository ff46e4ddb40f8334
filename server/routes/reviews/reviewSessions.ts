/**
 * Live peer-review sessions: schedule and list them on a document
 * (`/api/documents/:id/review-sessions`), the caller's upcoming ones (`/api/review-sessions`),
 * and run one (`/api/review-sessions/:id/start|next|back|extend|end`, decisions, hands, hand
 * over to another facilitator).
 * Every change is broadcast as `review:state` to `doc:<id>` (subscriber `reviewSessions.ts`).
 */
import express, { type Request, type Response, type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import {
  CreateReviewSessionBody,
  DecisionBody,
  EndSessionBody,
  ExtendSessionBody,
  HandOverBody,
  SessionItemParams,
  SessionMoveBody,
  SessionUserParams,
  type ReviewSessionDto,
} from '../../../shared/api/reviewSessions';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { EventContext } from '../../events';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canReadDocument } from '../../policies/document';
import { canFacilitate, canScheduleReviewSession, canTakePart } from '../../policies/reviewSession';
import { presentReviewSessions } from '../../presenters/reviewSessions';
import { changeReviewSession, type MoveGuard } from '../../reviews/changeSession';
import { endReviewSession } from '../../reviews/endSession';
import { assertFacilitator, scheduleReviewSession } from '../../reviews/scheduleSession';
import { sessionsReachedBy } from '../../reviews/sessionsReachedBy';
import type { SessionMove } from '../../reviews/sessionMoves';
import type { ReviewSessionRecord, User } from '../../storage/types';
import type { RouteDeps } from '../deps';
import {
  assertWritableWorkspace,
  authorize,
  loadAuthorizedLiveDocument,
  loadDocumentAccess,
  parseParams,
} from '../workspaces/access';

type Access = Awaited<ReturnType<typeof loadDocumentAccess>>;

/** `If-Match: "7"` (or `7`) as an expected version; absent: none. */
function ifMatchVersion(req: Request): number | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationError('If-Match must be the session version, e.g. "3".', {
      'if-match': 'not a version',
    });
  }
  return Number(match[1]);
}

/** The guard of a move: the body's `expectedVersion`/`fromItemId`, or `If-Match`. */
function guardOf(req: Request, body: SessionMoveBody): MoveGuard {
  return {
    expectedVersion: body.expectedVersion ?? ifMatchVersion(req),
    fromItemId: body.fromItemId,
  };
}

/** Router for review sessions. */
export function createReviewSessionsRouter(
  deps: Pick<RouteDeps, 'storage' | 'events' | 'presence'>,
): Router {
  const { storage, events, presence } = deps;
  const router = express.Router();

  const contextOf = (req: Request, actor: User): EventContext => ({
    actor,
    ip: clientIp(req),
  });

  const present = async (
    actor: User,
    access: Access,
    sessions: readonly ReviewSessionRecord[],
  ): Promise<ReviewSessionDto[]> =>
    presentReviewSessions({
      storage,
      presence,
      sessions,
      abilitiesOf: (session) => ({
        canFacilitate:
          session.state !== 'ended' &&
          canFacilitate(actor, access.membership, access.document, session),
        canRaiseHand:
          session.state === 'live' && canTakePart(actor, access.membership, access.document),
      }),
    });

  const sendOne = async (
    res: Response,
    actor: User,
    access: Access,
    session: ReviewSessionRecord,
    status = 200,
  ): Promise<void> => {
    const [dto] = await present(actor, access, [session]);
    res.status(status).json({ session: dto });
  };

  /** The session and the caller's access to its document; 404 unless they may read it. */
  const loadSession = async (
    req: Request,
    actor: User,
  ): Promise<{ session: ReviewSessionRecord; access: Access }> => {
    const { id } = parseParams(req, IdParams);
    const session = await storage.getReviewSession({ id });
    const notFound = new NotFoundError('No such review session.', 'review_session_not_found');
    if (!session) throw notFound;
    // Out of reach (another workspace, trashed) looks exactly like missing.
    const access = await loadDocumentAccess({
      storage,
      actor,
      documentId: session.documentId,
    }).catch((error: unknown) => {
      throw error instanceof NotFoundError ? notFound : error;
    });
    if (!canReadDocument(actor, access.membership, access.document)) throw notFound;
    return { session, access };
  };

  /** As `loadSession`, for a change: 403 unless the caller facilitates, 409 when archived. */
  const loadForFacilitator = async (req: Request, actor: User) => {
    const loaded = await loadSession(req, actor);
    authorize(
      canFacilitate(actor, loaded.access.membership, loaded.access.document, loaded.session),
      'Only the facilitator, owners and editors run the session.',
    );
    assertWritableWorkspace(loaded.access.workspace);
    return loaded;
  };

  router.post('/documents/:id/review-sessions', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canScheduleReviewSession,
      'Only owners and editors schedule review sessions.',
    );
    const { body } = validate(req, { body: CreateReviewSessionBody });
    const session = await scheduleReviewSession({
      storage,
      events,
      context: contextOf(req, actor),
      actor,
      document: access.document,
      body,
    });
    await sendOne(res, actor, access, session, 201);
  });

  router.get('/documents/:id/review-sessions', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadDocumentAccess({ storage, actor, documentId: id });
    if (!canReadDocument(actor, access.membership, access.document))
      throw new NotFoundError('No such document.');
    const sessions = await storage.listReviewSessions({ documentId: id });
    res.json({ sessions: await present(actor, access, sessions) });
  });

  // The caller's upcoming and running sessions, across their workspaces and the documents
  // shared with them directly (the dashboard).
  router.get('/review-sessions', requireUser, async (_req, res) => {
    const actor = getActor(res);
    const sessions = await sessionsReachedBy({
      storage,
      userId: actor.id,
      states: ['scheduled', 'live'],
    });
    const answers: ReviewSessionDto[] = [];
    for (const session of sessions) {
      const access = await loadDocumentAccess({
        storage,
        actor,
        documentId: session.documentId,
      }).catch(() => null);
      if (!access || !canReadDocument(actor, access.membership, access.document)) continue;
      answers.push(...(await present(actor, access, [session])));
    }
    res.json({ sessions: answers });
  });

  router.get('/review-sessions/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { session, access } = await loadSession(req, actor);
    await sendOne(res, actor, access, session);
  });

  /** A facilitator's move: guarded by the body (or If-Match), answered with the session. */
  const facilitatorMove = (
    path: string,
    toMove: (req: Request) => { move: SessionMove; body: SessionMoveBody },
  ): void => {
    router.post(`/review-sessions/:id/${path}`, requireUser, async (req, res) => {
      const actor = getActor(res);
      const { access } = await loadForFacilitator(req, actor);
      const { move, body } = toMove(req);
      const session = await changeReviewSession({
        storage,
        events,
        presence,
        context: contextOf(req, actor),
        sessionId: parseParams(req, IdParams).id,
        move,
        guard: guardOf(req, body),
      });
      await sendOne(res, actor, access, session);
    });
  };
  const moveBody = (req: Request): SessionMoveBody =>
    validate(req, { body: SessionMoveBody.optional() }).body ?? {};
  facilitatorMove('start', (req) => ({ move: { kind: 'start' }, body: moveBody(req) }));
  facilitatorMove('next', (req) => ({ move: { kind: 'next' }, body: moveBody(req) }));
  facilitatorMove('back', (req) => ({ move: { kind: 'back' }, body: moveBody(req) }));
  facilitatorMove('extend', (req) => {
    const { body } = validate(req, { body: ExtendSessionBody });
    return { move: { kind: 'extend', minutes: body.minutes }, body };
  });

  router.post('/review-sessions/:id/end', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { access } = await loadForFacilitator(req, actor);
    const body = validate(req, { body: EndSessionBody.optional() }).body ?? {};
    const session = await endReviewSession({
      storage,
      events,
      presence,
      context: contextOf(req, actor),
      actor,
      sessionId: parseParams(req, IdParams).id,
      decisions: body.decisions,
      guard: guardOf(req, body),
    });
    const [dto] = await present(actor, access, [session]);
    res.json({ session: dto, minutesDocumentId: session.minutesDocumentId });
  });

  // Hand over: the facilitator, an owner or an editor names someone else who can open it.
  router.put('/review-sessions/:id/facilitator', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { session, access } = await loadForFacilitator(req, actor);
    const { body } = validate(req, { body: HandOverBody });
    await assertFacilitator(storage, access.document, body.facilitatorId);
    const changed = await changeReviewSession({
      storage,
      events,
      presence,
      context: contextOf(req, actor),
      sessionId: session.id,
      move: { kind: 'handOver', facilitatorId: body.facilitatorId },
      guard: guardOf(req, body),
    });
    await sendOne(res, actor, access, changed);
  });

  router.put('/review-sessions/:id/decisions/:itemId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { access } = await loadForFacilitator(req, actor);
    const { params, body } = validate(req, { params: SessionItemParams, body: DecisionBody });
    const session = await changeReviewSession({
      storage,
      events,
      presence,
      context: contextOf(req, actor),
      sessionId: params.id,
      move: { kind: 'decide', itemId: params.itemId, text: body.text },
    });
    await sendOne(res, actor, access, session);
  });

  // Raise one's own hand (anyone who can read the document, while the session is live).
  router.post('/review-sessions/:id/hands', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { session, access } = await loadSession(req, actor);
    authorize(canTakePart(actor, access.membership, access.document), 'You cannot take part.');
    const changed = await changeReviewSession({
      storage,
      events,
      presence,
      context: contextOf(req, actor),
      sessionId: session.id,
      move: { kind: 'raiseHand', userId: actor.id },
    });
    await sendOne(res, actor, access, changed);
  });

  // Lower a hand: one's own, or anyone's for the facilitator.
  router.delete('/review-sessions/:id/hands/:userId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { session, access } = await loadSession(req, actor);
    const { params } = validate(req, { params: SessionUserParams });
    const isOwnHand = params.userId === actor.id;
    if (!isOwnHand && !canFacilitate(actor, access.membership, access.document, session)) {
      throw new ForbiddenError('Only the facilitator lowers other people’s hands.');
    }
    const changed = await changeReviewSession({
      storage,
      events,
      presence,
      context: contextOf(req, actor),
      sessionId: session.id,
      move: { kind: 'lowerHand', userId: params.userId },
    });
    await sendOne(res, actor, access, changed);
  });

  return router;
}
