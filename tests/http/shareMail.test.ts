/**
 * Sharing with a mail server (`SMTP_URL=json:`, nodemailer's own JSON transport): the person
 * is told by e-mail, and the answer then carries no invitation link to copy.
 */
import { describe, expect, it } from 'vitest';
import type { CreateShareAnswer } from '../../shared/api/shares';
import type { SentMail } from '../../server/mail/mailSender';
import type { TestServer } from '../helpers/server';
import { createDoc, expectStatus, useWorkspaceWorld, type WorkspaceWorld } from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld(
  (started) => {
    ({ server, world } = started);
  },
  { SMTP_URL: 'json:' },
);

describe('sharing with a mail server', () => {
  it('mails the invitation link to a new address and the document to an existing account', async () => {
    const document = await createDoc(world, { title: 'Mailed case study' });
    const sent: SentMail[] = [];
    const stop = server.server.mailer.onSent((mail) => sent.push(mail));
    try {
      const invited = expectStatus(
        await world.owner.client.post<CreateShareAnswer>(`/api/documents/${document.id}/shares`, {
          email: 'new.expert@example.test',
          role: 'reviewer',
        }),
        201,
      );
      expect(invited.mailed).toBe(true);
      expect(invited.invitation?.link).toBeUndefined();
      expect(invited.invitation?.token).toBeUndefined();
      const shared = expectStatus(
        await world.owner.client.post<CreateShareAnswer>(`/api/documents/${document.id}/shares`, {
          email: world.outsider.email,
          role: 'viewer',
        }),
        201,
      );
      expect(shared.mailed).toBe(true);
      await expect.poll(() => sent.length).toBe(2);
      const [toNew, toExisting] = sent.map((mail) => mail.message);
      expect(toNew).toMatchObject({
        to: 'new.expert@example.test',
        subject: 'Olga Owner shared “Mailed case study” with you',
      });
      expect(toNew?.text).toMatch(/Create your account to open it: http.*\/invite\/[A-Za-z0-9_-]+/);
      expect(toExisting?.to).toBe(world.outsider.email);
      expect(toExisting?.text).toContain(`/documents/${document.id}`);
    } finally {
      stop();
    }
  });
});
