/**
 * Notification e-mail through the real server and nodemailer's own JSON transport
 * (`SMTP_URL=json:`): a mention mails the person named, a reply mails the thread's author,
 * never the comment's author nor someone who cannot read the document; user text is escaped
 * in the HTML part; the link leads to the document. Without SMTP_URL the mail is only logged,
 * without the comment's text.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserDto } from '../../shared/api/entities';
import type { NotificationDto } from '../../shared/api/notifications';
import type { ThreadDto } from '../../shared/api/threads';
import type { SentMail } from '../../server/mail/mailSender';
import { sleep, waitFor, type TestClient } from '../collab/helpers';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  buildWorkspaceWorld,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { anchorOn, openDocumentClient } from './anchors';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld(
  (started) => {
    ({ server, world } = started);
  },
  { SMTP_URL: 'json:' },
);

const opened: TestClient[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.destroy();
});

/** Collects what the server's mail sender hands to its transport. */
function collectMail(running: TestServer): { sent: SentMail[]; stop: () => void } {
  const sent: SentMail[] = [];
  const stop = running.server.mailer.onSent((mail) => sent.push(mail));
  return { sent, stop };
}

async function startThread(documentId: string, body: string, mentions: string[]) {
  const client = await openDocumentClient(world.owner.client, documentId);
  opened.push(client);
  const res = await world.reviewer.client.post<{ thread: ThreadDto }>(
    `/api/documents/${documentId}/threads`,
    { anchor: anchorOn(client.ydoc, 'City profile'), body, mentions },
  );
  return expectStatus(res, 201).thread;
}

describe('notification e-mail', () => {
  it('mails mentions and replies to readers only, escaped, with a link', async () => {
    const { sent, stop } = collectMail(server);
    const document = await createDoc(world, { title: 'Mailed <study>' });
    const thread = await startThread(document.id, '@Viktor look <script>alert(1)</script> & see', [
      world.viewer.user.id,
      world.outsider.user.id,
    ]);
    await waitFor(() => sent.length >= 1, 'the first mail');

    const [mention] = sent;
    expect(mention!.message.to).toBe(world.viewer.email);
    expect(mention!.message.subject).toBe(
      'Rita Reviewer mentioned you in a comment on “Mailed <study>”',
    );
    const link = `${server.url}/documents/${document.id}`;
    expect(mention!.message.text).toContain('> @Viktor look <script>alert(1)</script> & see');
    expect(mention!.message.text).toContain(link);
    expect(mention!.message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; see');
    expect(mention!.message.html).toContain('<strong>Mailed &lt;study&gt;</strong>');
    expect(mention!.message.html).toContain(`<a href="${link}">`);
    expect(mention!.message.html).not.toContain('<script>');
    // nodemailer rendered it: the From setting and both parts are in the message.
    const rendered = JSON.parse(mention!.raw ?? '{}') as {
      from?: { address: string };
      to?: Array<{ address: string }>;
      text?: string;
      html?: string;
    };
    expect(rendered.from?.address).toBe('no-reply@localhost');
    expect(rendered.to?.map((to) => to.address)).toEqual([world.viewer.email]);
    expect(rendered.html).toBe(mention!.message.html);

    await world.editor.client.post(`/api/threads/${thread.id}/comments`, { body: 'Noted.' });
    await waitFor(() => sent.length >= 2, 'the reply mail');
    // Give a stray mail (to the outsider or the reply's author) the time to show up.
    await sleep(200);
    stop();
    expect(sent.map((mail) => mail.message.to)).toEqual([world.viewer.email, world.reviewer.email]);
    expect(sent[1]!.message.subject).toBe('Emil Editor replied in a thread on “Mailed <study>”');
    expect(sent[1]!.message.text).toContain('> Noted.');
  });

  it('sends none to someone who turned notification e-mail off (only they may)', async () => {
    const path = `/api/users/${world.viewer.user.id}`;
    expect((await world.editor.client.patch(path, { emailNotifications: false })).status).toBe(403);
    const bad = await world.viewer.client.patch(path, { emailNotifications: 'no' });
    expect(bad.status).toBe(400);
    const off = await world.viewer.client.patch<{ user: UserDto }>(path, {
      emailNotifications: false,
    });
    expect(expectStatus(off, 200).user.emailNotifications).toBe(false);
    try {
      const { sent, stop } = collectMail(server);
      const document = await createDoc(world, { title: 'Quiet study' });
      await startThread(document.id, '@Viktor @Emil see this', [
        world.viewer.user.id,
        world.editor.user.id,
      ]);
      await waitFor(() => sent.length >= 1, 'the mail to the editor');
      await sleep(200);
      stop();
      expect(sent.map((mail) => mail.message.to)).toEqual([world.editor.email]);
      // Still notified in the app.
      const listed = await world.viewer.client.get<{ notifications: NotificationDto[] }>(
        '/api/notifications',
      );
      expect(expectStatus(listed, 200).notifications[0]).toMatchObject({
        kind: 'mention',
        documentId: document.id,
      });
    } finally {
      await world.viewer.client.patch(path, { emailNotifications: true });
    }
  });

  it('without SMTP_URL logs each mail without the comment, and sends nothing', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const quiet = await startTestServer({}, { logger });
    try {
      expect(quiet.server.mailer.isDelivering).toBe(false);
      const { sent } = collectMail(quiet);
      const other = await buildWorkspaceWorld(quiet.url);
      const document = await createDoc(other, { title: 'Logged study' });
      const client = await openDocumentClient(other.owner.client, document.id);
      opened.push(client);
      const res = await other.reviewer.client.post(`/api/documents/${document.id}/threads`, {
        anchor: anchorOn(client.ydoc, 'City profile'),
        body: 'secret budget figures',
        mentions: [other.viewer.user.id],
      });
      expectStatus(res, 201);
      await waitFor(() => sent.length >= 1, 'the first mail');
      const logged = lines
        .map((line) => JSON.parse(line) as { msg: string; to?: string; subject?: string })
        .filter((entry) => entry.msg === 'mail not sent (SMTP_URL is not set)');
      expect(logged).toEqual([
        expect.objectContaining({
          to: other.viewer.email,
          subject: 'Rita Reviewer mentioned you in a comment on “Logged study”',
        }),
      ]);
      expect(lines.join('\n')).not.toContain('secret budget figures');
    } finally {
      await quiet.close();
    }
  });
});
