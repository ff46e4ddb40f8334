/**
 * Notification e-mail digests through the real server and a real SMTP server in the test
 * process (`tests/helpers/smtpServer.ts`), with a 1 s delay: what stays unread in the app
 * past the delay leaves as ONE digest per person, grouped by document with links, user text
 * escaped; what was read in the app, what the person turned off, what they can no longer read
 * and deactivated accounts get no mail; a restart in between still sends; a digest the SMTP
 * server refused is sent again later; nothing twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto, UserDto } from '../../shared/api/entities';
import type { NotificationDto } from '../../shared/api/notifications';
import type { ThreadDto } from '../../shared/api/threads';
import { sleep, waitFor, type TestClient } from '../collab/helpers';
import { dropMongoTestDatabase } from '../helpers/mongoTestDatabases';
import { createApiClient, startTestServer, type TestServer } from '../helpers/server';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtpServer';
import {
  buildWorkspaceWorld,
  createDoc,
  expectStatus,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { anchorOn, openDocumentClient } from './anchors';

/** The delay in these tests: a digest is due 1 s after its first notification. */
const DELAY = { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' };
/** Longer than a delay plus a round: a mail that was going to be sent has been by then. */
const SETTLE_MS = 2_500;

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const opened: TestClient[] = [];
const started: TestServer[] = [];
afterEach(async () => {
  for (const client of opened.splice(0)) client.destroy();
  for (const server of started.splice(0)) await server.close();
});

async function startWorld(
  overrides: Record<string, string> = {},
): Promise<{ server: TestServer; world: WorkspaceWorld }> {
  const server = await startTestServer({ SMTP_URL: smtp.smtpUrl, ...DELAY, ...overrides });
  started.push(server);
  return { server, world: await buildWorkspaceWorld(server.url) };
}

/** Digests to `address` (the world's invitations reach the same SMTP server). */
function digestsTo(address: string): ReceivedMail[] {
  return smtp.messagesTo(address).filter((mail) => !mail.subject.includes('invited you'));
}

async function startThread(
  world: WorkspaceWorld,
  documentId: string,
  body: string,
  mentions: string[],
): Promise<ThreadDto> {
  const client = await openDocumentClient(world.owner.client, documentId);
  opened.push(client);
  const res = await world.reviewer.client.post<{ thread: ThreadDto }>(
    `/api/documents/${documentId}/threads`,
    { anchor: anchorOn(client.ydoc, 'City profile'), body, mentions },
  );
  return expectStatus(res, 201).thread;
}

async function waitForDigest(address: string, count = 1): Promise<ReceivedMail[]> {
  await waitFor(() => digestsTo(address).length >= count, `digest to ${address}`, 15_000);
  return digestsTo(address);
}

describe('notification e-mail digests', () => {
  it('mails one digest per person, grouped by document, escaped, with links, after a restart too', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-digest-restart-'));
    try {
      // The first process would wait an hour: the notifications are all stored, none mailed.
      const before = await startTestServer(
        { SMTP_URL: smtp.smtpUrl, NOTIFICATION_EMAIL_DELAY_SECONDS: '3600' },
        { dataDir },
      );
      let world: WorkspaceWorld;
      let first: DocumentDto;
      let second: DocumentDto;
      try {
        world = await buildWorkspaceWorld(before.url);
        first = await createDoc(world, { title: 'Mailed <study>' });
        second = await createDoc(world, { title: 'Second study' });
        const thread = await startThread(
          world,
          first.id,
          '@Viktor look <script>alert(1)</script> & see',
          [world.viewer.user.id],
        );
        await startThread(world, second.id, '@Viktor and here', [world.viewer.user.id]);
        await world.editor.client.post(`/api/threads/${thread.id}/comments`, { body: 'Noted.' });
        for (const client of opened.splice(0)) client.destroy();
      } finally {
        await before.close();
      }
      expect(digestsTo(world.viewer.email)).toEqual([]);

      // Restarted with a 1 s delay, as two processes on one store: the claims in storage let
      // only one of them mail each person.
      const after = await startTestServer({ SMTP_URL: smtp.smtpUrl, ...DELAY }, { dataDir });
      started.push(after);
      started.push(await startTestServer({ SMTP_URL: smtp.smtpUrl, ...DELAY }, { dataDir }));
      const [digest] = await waitForDigest(world.viewer.email);
      const reviewerDigest = (await waitForDigest(world.reviewer.email))[0]!;
      await sleep(SETTLE_MS);
      // One digest each, never a second one for the same notifications.
      expect(digestsTo(world.viewer.email)).toHaveLength(1);
      expect(digestsTo(world.reviewer.email)).toHaveLength(1);
      // Nobody else was notified (the editor wrote the reply, the owner was not mentioned).
      expect(digestsTo(world.editor.email)).toEqual([]);
      expect(digestsTo(world.owner.email)).toEqual([]);

      expect(digest!.subject).toBe('2 unread notifications on 2 documents');
      expect(digest!.from).toBe('no-reply@localhost');
      // Links use the address of the server that sent it (PUBLIC_URL in production).
      const base = new URL(digest!.text.match(/http:\/\/[^/\s]+/)![0]).origin;
      expect([after.url, started[1]!.url]).toContain(base);
      const firstLink = `${base}/documents/${first.id}`;
      const secondLink = `${base}/documents/${second.id}`;
      expect(digest!.text).toContain(`“Mailed <study>” — ${firstLink}`);
      expect(digest!.text).toContain(`“Second study” — ${secondLink}`);
      expect(digest!.text).toContain('> @Viktor look <script>alert(1)</script> & see');
      expect(digest!.text).toContain(`${base}/account`);
      expect(digest!.text.indexOf(firstLink)).toBeLessThan(digest!.text.indexOf(secondLink));
      expect(digest!.html).toContain(`<a href="${firstLink}">Mailed &lt;study&gt;</a>`);
      expect(digest!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; see');
      expect(digest!.html).not.toContain('<script>');

      expect(reviewerDigest.subject).toBe('Emil Editor replied in a thread on “Mailed <study>”');
      expect(reviewerDigest.text).toContain('> Noted.');
      // The notifications stay unread in the app; the digest only marks them e-mailed.
      const viewerApi = createApiClient(after.url);
      const signedIn = await viewerApi.post('/api/auth/login', {
        email: world.viewer.email,
        password: world.viewer.password,
      });
      expect(signedIn.status).toBe(200);
      const listed = await viewerApi.get<{ notifications: NotificationDto[] }>(
        '/api/notifications',
      );
      expect(expectStatus(listed, 200).notifications.filter((n) => !n.read)).toHaveLength(2);
    } finally {
      for (const server of started.splice(0)) await server.close();
      await dropMongoTestDatabase(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('never mails what was read in the app, nor a kind the person turned off', async () => {
    // 2 s: the owner reads it in the app well within the delay.
    const { world } = await startWorld({ NOTIFICATION_EMAIL_DELAY_SECONDS: '2' });
    // Only the person may turn it off (an editor may not), and only with a boolean.
    const path = `/api/users/${world.viewer.user.id}`;
    expect((await world.editor.client.patch(path, { emailNotifications: false })).status).toBe(403);
    expect((await world.viewer.client.patch(path, { emailNotifications: 'no' })).status).toBe(400);
    const off = await world.viewer.client.patch<{ user: UserDto }>(path, {
      emailNotifications: false,
    });
    expect(expectStatus(off, 200).user).toMatchObject({
      emailNotifications: false,
      emailInvitations: true,
    });

    const document = await createDoc(world, { title: 'Quiet study' });
    await startThread(world, document.id, '@Viktor @Olga @Emil see this', [
      world.viewer.user.id,
      world.owner.user.id,
      world.editor.user.id,
    ]);
    // The owner reads it in the app at once.
    const read = await world.owner.client.post<{ marked: number }>('/api/notifications/read', {});
    expect(expectStatus(read, 200).marked).toBe(1);

    await waitForDigest(world.editor.email);
    await sleep(SETTLE_MS);
    expect(digestsTo(world.owner.email)).toEqual([]);
    expect(digestsTo(world.viewer.email)).toEqual([]);
    // Still notified in the app.
    const listed = await world.viewer.client.get<{ notifications: NotificationDto[] }>(
      '/api/notifications',
    );
    expect(expectStatus(listed, 200).notifications[0]).toMatchObject({
      kind: 'mention',
      documentId: document.id,
      read: false,
    });
    // Turning digests back on does not mail what was settled while they were off.
    await world.viewer.client.patch(path, { emailNotifications: true });
    await sleep(SETTLE_MS);
    expect(digestsTo(world.viewer.email)).toEqual([]);
  });

  it('mails nobody about a document they can no longer read, nor a deactivated account', async () => {
    const { world } = await startWorld({ NOTIFICATION_EMAIL_DELAY_SECONDS: '2' });
    const document = await createDoc(world, { title: 'Restricted study' });
    await startThread(world, document.id, '@Viktor @Emil @Olga see this', [
      world.viewer.user.id,
      world.editor.user.id,
      world.owner.user.id,
    ]);
    // Before the delay is over: the viewer leaves the workspace, the editor is deactivated.
    const removed = await world.owner.client.delete(
      `/api/workspaces/${world.workspace.id}/members/${world.viewer.user.id}`,
    );
    expect(removed.status).toBe(204);
    const deactivated = await world.admin.client.post(
      `/api/users/${world.editor.user.id}/deactivate`,
    );
    expect(deactivated.status).toBe(200);

    await waitForDigest(world.owner.email);
    await sleep(SETTLE_MS);
    expect(digestsTo(world.viewer.email)).toEqual([]);
    expect(digestsTo(world.editor.email)).toEqual([]);
  });

  it('tries again later when the SMTP server refused the digest', async () => {
    const { world } = await startWorld();
    smtp.refuseNext(world.viewer.email, 2);
    const document = await createDoc(world, { title: 'Retried study' });
    await startThread(world, document.id, '@Viktor retry', [world.viewer.user.id]);
    const [digest] = await waitForDigest(world.viewer.email);
    expect(smtp.refusedCount()).toBeGreaterThanOrEqual(2);
    expect(digest!.subject).toBe('Rita Reviewer mentioned you in a comment on “Retried study”');
    await sleep(SETTLE_MS);
    expect(digestsTo(world.viewer.email)).toHaveLength(1);
  });

  it('without SMTP_URL logs each digest without the comment, and sends nothing', async () => {
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
    const quiet = await startTestServer(DELAY, { logger });
    started.push(quiet);
    expect(quiet.server.mailer.isDelivering).toBe(false);
    const world = await buildWorkspaceWorld(quiet.url);
    const document = await createDoc(world, { title: 'Logged study' });
    await startThread(world, document.id, 'secret budget figures', [world.viewer.user.id]);
    const logged = () =>
      lines
        .map((line) => JSON.parse(line) as { msg: string; to?: string; subject?: string })
        .filter((entry) => entry.msg === 'mail not sent (SMTP_URL is not set)')
        .filter((entry) => !entry.subject?.includes('invited you'));
    await waitFor(
      () => logged().some((entry) => entry.to === world.viewer.email),
      'the logged digest',
      15_000,
    );
    expect(logged().filter((entry) => entry.to === world.viewer.email)).toEqual([
      expect.objectContaining({
        subject: 'Rita Reviewer mentioned you in a comment on “Logged study”',
      }),
    ]);
    expect(lines.join('\n')).not.toContain('secret budget figures');
    expect(smtp.messagesTo(world.viewer.email)).toEqual([]);
  });
});
