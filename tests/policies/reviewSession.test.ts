/**
 * Who may schedule, run and take part in a document's review sessions
 * (`server/policies/reviewSession.ts`), for every kind of actor, on a live and a trashed
 * document, with the session's facilitator one of them.
 */
import { describe, expect, it } from 'vitest';
import {
  canFacilitate,
  canScheduleReviewSession,
  canTakePart,
} from '../../server/policies/reviewSession';
import type { DocumentRecord } from '../../server/storage/types';
import { actors, makeDocument, type ActorName } from '../helpers/testActors';

const who = actors();
const names = Object.keys(who) as ActorName[];
const live = makeDocument();
const trashed = makeDocument({ deletedAt: new Date(), deletedById: 'u-owner' });

function allowed(
  policy: (
    user: (typeof who)[ActorName]['user'],
    membership: (typeof who)[ActorName]['membership'],
    document: DocumentRecord,
  ) => boolean,
  document: DocumentRecord,
): ActorName[] {
  return names.filter((name) => policy(who[name].user, who[name].membership, document));
}

/** Who may run a session that `facilitator` was named to run. */
const facilitators = (facilitator: ActorName, document: DocumentRecord) =>
  allowed(
    (user, membership, doc) =>
      canFacilitate(user, membership, doc, { facilitatorId: who[facilitator].user.id }),
    document,
  );

describe('review session policies', () => {
  it('lets owners and editors schedule sessions on a live document only', () => {
    expect(allowed(canScheduleReviewSession, live)).toEqual(['owner', 'editor', 'admin']);
    expect(allowed(canScheduleReviewSession, trashed)).toEqual([]);
  });

  it('lets the named facilitator run the session, and any owner or editor', () => {
    expect(facilitators('reviewer', live)).toEqual(['owner', 'editor', 'reviewer', 'admin']);
    expect(facilitators('viewer', live)).toEqual(['owner', 'editor', 'viewer', 'admin']);
  });

  it('stops a facilitator who can no longer read the document', () => {
    expect(facilitators('nonMember', live)).toEqual(['owner', 'editor', 'admin']);
    expect(facilitators('deactivatedOwner', live)).toEqual(['owner', 'editor', 'admin']);
    expect(facilitators('reviewer', trashed)).toEqual([]);
  });

  it('lets everyone who reads the document take part', () => {
    expect(allowed(canTakePart, live)).toEqual(['owner', 'editor', 'reviewer', 'viewer', 'admin']);
    expect(allowed(canTakePart, trashed)).toEqual([]);
  });
});
