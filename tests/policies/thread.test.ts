import { describe, expect, it } from 'vitest';
import {
  canChangeComment,
  canResolveThread,
  commentAbilities,
  threadAbilities,
} from '../../server/policies/thread';
import { actors, makeDocument, type ActorName } from '../helpers/testActors';

const who = actors();
const names = Object.keys(who) as ActorName[];
const document = makeDocument();

describe('thread policies', () => {
  it('owners, editors, admins and the thread’s author resolve; nobody else', () => {
    const byReviewer = { authorId: who.reviewer.user.id };
    expect(
      names.filter((name) =>
        canResolveThread(who[name].user, who[name].membership, document, byReviewer),
      ),
    ).toEqual(['owner', 'editor', 'reviewer', 'admin']);
    const byEditor = { authorId: who.editor.user.id };
    expect(
      names.filter((name) =>
        canResolveThread(who[name].user, who[name].membership, document, byEditor),
      ),
    ).toEqual(['owner', 'editor', 'admin']);
  });

  it('only the author changes a comment, and only while they may comment', () => {
    for (const name of names) {
      const own = { authorId: who[name].user.id };
      const expected = ['owner', 'editor', 'reviewer', 'admin'].includes(name);
      expect(canChangeComment(who[name].user, who[name].membership, document, own)).toBe(expected);
      const others = { authorId: 'u-someone-else' };
      expect(canChangeComment(who[name].user, who[name].membership, document, others)).toBe(false);
    }
    const trashed = makeDocument({ deletedAt: new Date() });
    expect(
      canChangeComment(who.owner.user, who.owner.membership, trashed, { authorId: 'u-owner' }),
    ).toBe(false);
  });

  it('abilities are all false in an archived (read-only) workspace', () => {
    const { user, membership } = who.owner;
    expect(threadAbilities(user, membership, document, { authorId: user.id }, false)).toEqual({
      reply: false,
      resolve: false,
    });
    expect(
      threadAbilities(who.viewer.user, who.viewer.membership, document, { authorId: 'x' }, true),
    ).toEqual({ reply: false, resolve: false });
  });

  it('abilities follow the policies in a writable workspace', () => {
    const byReviewer = { authorId: who.reviewer.user.id };
    const abilitiesOf = (name: ActorName) =>
      threadAbilities(who[name].user, who[name].membership, document, byReviewer, true);
    expect(abilitiesOf('owner')).toEqual({ reply: true, resolve: true });
    expect(abilitiesOf('reviewer')).toEqual({ reply: true, resolve: true });
    expect(abilitiesOf('viewer')).toEqual({ reply: false, resolve: false });
    const otherReviewer = threadAbilities(
      who.reviewer.user,
      who.reviewer.membership,
      document,
      { authorId: 'x' },
      true,
    );
    expect(otherReviewer).toEqual({ reply: true, resolve: false });
  });

  it('a comment’s author may edit and delete it while the workspace is writable; nobody else', () => {
    for (const name of names) {
      const { user, membership } = who[name];
      const own = { authorId: user.id };
      const mayComment = ['owner', 'editor', 'reviewer', 'admin'].includes(name);
      expect(commentAbilities(user, membership, document, own, true), name).toEqual({
        edit: mayComment,
        delete: mayComment,
      });
      expect(commentAbilities(user, membership, document, own, false), name).toEqual({
        edit: false,
        delete: false,
      });
      expect(commentAbilities(user, membership, document, { authorId: 'x' }, true)).toEqual({
        edit: false,
        delete: false,
      });
    }
  });
});
