/**
 * The digest e-mail words each kind of notification as what happened (a suggestion accepted is
 * not "replied in a thread"), and quotes only what has a comment to quote.
 */
import { describe, expect, it } from 'vitest';
import { digestMail } from '../../server/mail/digestMail';
import { NOTIFICATION_KINDS } from '../../server/storage/port/notifications';

const mailFor = (kind: (typeof NOTIFICATION_KINDS)[number], commentBody: string | null) =>
  digestMail({
    to: 'rita@example.test',
    accountUrl: 'https://clip.example/account',
    documents: [
      {
        title: 'Housing guideline',
        url: 'https://clip.example/documents/1',
        entries: [{ kind, actorName: 'Ana Owner', commentBody }],
      },
    ],
  });

describe('digest wording per kind', () => {
  it('tells suggestions made, accepted and rejected as such, without an empty quote', () => {
    expect(mailFor('suggestion', null).subject).toBe(
      'Ana Owner suggested a change in “Housing guideline”',
    );
    const accepted = mailFor('suggestion_accepted', null);
    expect(accepted.subject).toBe('Ana Owner accepted your suggestion in “Housing guideline”');
    expect(accepted.text).toContain('- Ana Owner accepted your suggestion.');
    expect(accepted.text).not.toContain('  >');
    expect(accepted.html).not.toContain('<blockquote');
    expect(mailFor('suggestion_rejected', null).subject).toBe(
      'Ana Owner rejected your suggestion in “Housing guideline”',
    );
  });

  it('gives every kind its own wording, and still quotes comments', () => {
    const subjects = NOTIFICATION_KINDS.map((kind) => mailFor(kind, null).subject);
    expect(new Set(subjects).size).toBe(NOTIFICATION_KINDS.length);
    const reply = mailFor('reply', 'Looks good');
    expect(reply.text).toContain('- Ana Owner replied in a thread:\n  > Looks good');
  });
});
