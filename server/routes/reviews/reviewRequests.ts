/**
 * The status workflow with people in it: send to review naming reviewers
 * (`POST /api/documents/:id/review-requests`; who may be named:
 * `GET /api/documents/:id/review-candidates`), the document's requests and status history,
 * the caller's "Awaiting my review" list (`GET /api/review-requests`), and a reviewer's
 * answer (`POST /api/review-requests/:id/answer`).
 */
import express, { type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import { AnswerReviewBody, RequestReviewBody } from '../../../shared/api/reviewRequests';
import { ForbiddenError, NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canChangeStatus, canReadDocument } from '../../policies/document';
import { presentReviewRequest, presentStatusChange } from '../../presenters/reviewRequests';
import { personLookup } from '../../presenters/threads';
import { answerReview, requestReview } from '../../reviews/reviewRequests';
import { reviewCandidates } from '../../reviews/reviewers';
import type { DocumentRecord, Membership, User } from '../../storage/types';
import type { RouteDeps } from '../deps';
import { loadAuthorizedLiveDocument, loadDocumentAccess, parseParams } from '../workspaces/access';

/** Who may send a document to review, and so name its reviewers: owners and editors. */
const canAskForReview = (actor: User, membership: Membership | null, document: DocumentRecord) =>
  canChangeStatus(actor, membership, document, 'in-review');

/** Router for review requests and the status history. */
export function createReviewRequestsRouter(
  deps: Pick<RouteDeps, 'storage' | 'events' | 'realtime'>,
): Router {
  const { storage, events, realtime } = deps;
  const router = express.Router();

  /** The document when the caller may read it; 404 otherwise. */
  const loadReadable = async (actor: User, documentId: string) => {
    const access = await loadDocumentAccess({ storage, actor, documentId });
    if (!canReadDocument(actor, access.membership, access.document))
      throw new NotFoundError('No such document.');
    return access;
  };

  router.post('/documents/:id/review-requests', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canAskForReview,
      'Only owners and editors send a document to review.',
    );
    const { body } = validate(req, { body: RequestReviewBody });
    const { requests } = await requestReview({
      storage,
      events,
      broadcaster: realtime,
      actor,
      document: access.document,
      body,
      ip: clientIp(req),
    });
    const person = personLookup(
      await storage.listUsers({ ids: [actor.id, ...requests.map((r) => r.reviewerId)] }),
    );
    res.status(201).json({ requests: requests.map((r) => presentReviewRequest(r, person)) });
  });

  // Who the caller may ask to review: everyone who can comment, members and direct shares.
  router.get('/documents/:id/review-candidates', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canAskForReview,
      'Only owners and editors send a document to review.',
    );
    res.json({
      people: await reviewCandidates({ storage, document: access.document, callerId: actor.id }),
    });
  });

  router.get('/documents/:id/review-requests', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    await loadReadable(actor, id);
    const requests = await storage.listReviewRequests({ documentId: id });
    const person = personLookup(
      await storage.listUsers({
        ids: requests.flatMap((r) => [r.reviewerId, r.requestedById]),
      }),
    );
    res.json({ requests: requests.map((r) => presentReviewRequest(r, person)) });
  });

  router.get('/documents/:id/status-history', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    await loadReadable(actor, id);
    const history = await storage.listStatusChanges({ documentId: id });
    const person = personLookup(await storage.listUsers({ ids: history.map((c) => c.actorId) }));
    res.json({ history: history.map((change) => presentStatusChange(change, person)) });
  });

  // "Awaiting my review": pending requests on documents still in review that the caller reads.
  router.get('/review-requests', requireUser, async (_req, res) => {
    const actor = getActor(res);
    const pending = await storage.listReviewRequests({
      reviewerId: actor.id,
      verdicts: ['pending'],
    });
    const person = personLookup(
      await storage.listUsers({ ids: [actor.id, ...pending.map((r) => r.requestedById)] }),
    );
    const answer = [];
    for (const request of pending) {
      const access = await loadReadable(actor, request.documentId).catch(() => null);
      if (!access || access.document.status !== 'in-review') continue;
      answer.push(presentReviewRequest(request, person, access.document));
    }
    res.json({ requests: answer });
  });

  router.post('/review-requests/:id/answer', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const request = await storage.getReviewRequest({ id });
    const notFound = new NotFoundError('No such review request.', 'review_request_not_found');
    if (!request) throw notFound;
    const access = await loadReadable(actor, request.documentId).catch(() => {
      throw notFound;
    });
    if (request.reviewerId !== actor.id) {
      throw new ForbiddenError('Only the reviewer asked answers this request.');
    }
    const { body } = validate(req, { body: AnswerReviewBody });
    const answered = await answerReview({
      storage,
      broadcaster: realtime,
      actor,
      document: access.document,
      request,
      verdict: body.verdict,
      note: body.note ?? '',
    });
    const person = personLookup(
      await storage.listUsers({ ids: [answered.reviewerId, answered.requestedById] }),
    );
    res.json({ request: presentReviewRequest(answered, person) });
  });

  return router;
}
