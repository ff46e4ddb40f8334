/**
 * `decideAccess`, the collab door's one decision (on connect and on every re-check), for each
 * kind of person: who is refused with which close code, and who may write.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { decideAccess, type AccessDecision } from '../../server/collab/access';
import { actors, makeDocument, makeWorkspace, type ActorName } from '../helpers/testActors';

const who = actors();
const document = makeDocument();

function decide(
  name: ActorName,
  overrides: Partial<Parameters<typeof decideAccess>[0]> = {},
): AccessDecision {
  return decideAccess({
    user: who[name].user,
    document,
    workspace: makeWorkspace(),
    membership: who[name].membership,
    tokenCanWrite: true,
    ...overrides,
  });
}

const writes = { isAllowed: true, canWrite: true, canSuggest: false };
const reads = { isAllowed: true, canWrite: false, canSuggest: false };
const suggests = { isAllowed: true, canWrite: false, canSuggest: true };

describe('decideAccess', () => {
  it('lets owners and editors write, reviewers suggest, viewers read, and refuses strangers with 4403', () => {
    expect(decide('owner')).toEqual(writes);
    expect(decide('editor')).toEqual(writes);
    expect(decide('reviewer')).toEqual(suggests);
    // Their token is read-only (it grants no writing); suggest-only follows the role.
    expect(decide('reviewer', { tokenCanWrite: false })).toEqual(suggests);
    expect(decide('viewer')).toEqual(reads);
    expect(decide('nonMember')).toEqual({
      isAllowed: false,
      code: CLOSE_CODES.forbidden,
      reason: 'no access to this document',
    });
  });

  it('refuses a deactivated or unknown account with 4401, whatever its role', () => {
    const refused = {
      isAllowed: false,
      code: CLOSE_CODES.unauthenticated,
      reason: 'account not active',
    };
    expect(decide('deactivatedOwner')).toEqual(refused);
    expect(decide('owner', { user: null })).toEqual(refused);
  });

  it('refuses a trashed or missing document with 4404, even to its owner', () => {
    const refused = { isAllowed: false, code: CLOSE_CODES.notFound, reason: 'no such document' };
    expect(decide('owner', { document: null })).toEqual(refused);
    expect(
      decide('owner', {
        document: makeDocument({ deletedAt: new Date(), deletedById: 'u-owner' }),
      }),
    ).toEqual(refused);
    // The document is checked first: a stranger learns nothing more about a trashed one.
    expect(decide('nonMember', { document: null })).toEqual(refused);
  });

  it('never widens a read-only token, and makes an archived workspace read-only', () => {
    expect(decide('owner', { tokenCanWrite: false })).toEqual(reads);
    expect(decide('owner', { workspace: makeWorkspace({ isArchived: true }) })).toEqual(reads);
    expect(decide('editor', { workspace: makeWorkspace({ isArchived: false }) })).toEqual(writes);
    // No workspace row (only when there is no document): nothing narrows.
    expect(decide('editor', { workspace: null })).toEqual(writes);
    expect(decide('reviewer', { workspace: makeWorkspace({ isArchived: true }) })).toEqual(reads);
  });

  it('locks suggestions with the text: approved and published documents take none', () => {
    for (const status of ['approved', 'published'] as const) {
      expect(decide('reviewer', { document: makeDocument({ status }) })).toEqual(reads);
    }
    expect(decide('reviewer', { document: makeDocument({ status: 'in-review' }) })).toEqual(
      suggests,
    );
  });

  it('makes approved and published text read-only for everyone, and drafts writable again', () => {
    for (const status of ['approved', 'published'] as const) {
      for (const name of ['owner', 'editor', 'admin'] as const) {
        expect(decide(name, { document: makeDocument({ status }) }), `${name} ${status}`).toEqual(
          reads,
        );
      }
    }
    for (const status of ['draft', 'in-review'] as const) {
      expect(decide('editor', { document: makeDocument({ status }) }), status).toEqual(writes);
    }
  });
});
