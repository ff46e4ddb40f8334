/**
 * Mounts every route group on `/api`.
 *
 * How a route group plugs in:
 * 1. Make a folder `server/routes/<group>/` with `<group>.ts` exporting
 *    `create<Group>Router(deps: RouteDeps): Router` (see `deps.ts`: `{ config, storage, logger, collab }`).
 * 2. Inside, declare full paths below /api, e.g. `router.get('/workspaces/:id', …)`.
 *    Handler chain: `requireUser` → `validate(req, { body, params, query })` → load →
 *    policy → command → presenter. Async handlers may throw AppErrors; Express 5
 *    forwards rejections to the error middleware, which renders `{ error: { code, message } }`.
 * 3. Add one line to `mountApiRoutes` below. (Only /api/health is mounted in app.ts, ahead of
 *    the session lookup, so it answers even when storage is failing.)
 * The session cookie is already resolved before any group runs: `getActor(res)` /
 * `findActor(res)` from `server/http/authentication.ts`.
 */
import type { RequestHandler, Router } from 'express';
import type { CreationBucket } from '../env';
import { createUserRateLimit } from '../http/rateLimit';
import type { RouteDeps } from './deps';
import { createAuditRouter } from './audit/audit';
import { createAuthRouter } from './auth/auth';
import { createDocumentsRouter } from './documents/documents';
import { createNotificationsRouter } from './notifications/notifications';
import { createOrganizationsRouter } from './organizations/organizations';
import { createReviewRequestsRouter } from './reviews/reviewRequests';
import { createReviewSessionsRouter } from './reviews/reviewSessions';
import { createSearchRouter } from './search/search';
import { createSettingsRouter } from './settings/settings';
import { createSuggestionsRouter } from './suggestions/suggestions';
import { createThreadsRouter } from './threads/threads';
import { createInvitationsRouter } from './users/invitations';
import { createUsersRouter } from './users/users';
import { createWorkspacesRouter } from './workspaces/workspaces';

/** Adds every route group's router to `api` (the Router mounted at /api). */
export function mountApiRoutes(options: {
  api: Router;
  deps: Omit<RouteDeps, 'creationLimits'>;
}): void {
  const { api } = options;
  const { config, rateLimitStore } = options.deps;
  const creationLimit = (bucket: CreationBucket): RequestHandler =>
    createUserRateLimit({
      config,
      bucket,
      ...(rateLimitStore ? { store: rateLimitStore(`create-${bucket}`) } : {}),
    });
  const deps: RouteDeps = {
    ...options.deps,
    creationLimits: {
      invitations: creationLimit('invitations'),
      workspaces: creationLimit('workspaces'),
      documents: creationLimit('documents'),
    },
  };
  const groups: Router[] = [
    createAuthRouter(deps),
    createUsersRouter(deps),
    createInvitationsRouter(deps),
    createOrganizationsRouter(deps),
    createSettingsRouter(deps),
    createAuditRouter(deps),
    createWorkspacesRouter(deps),
    createDocumentsRouter(deps),
    createSearchRouter(deps),
    createThreadsRouter(deps),
    createSuggestionsRouter(deps),
    createNotificationsRouter(deps),
    createReviewSessionsRouter(deps),
    createReviewRequestsRouter(deps),
  ];
  for (const group of groups) api.use(group);
}
