/**
 * A live review session survives a server restart: the server is stopped mid-session and a
 * new one started on the same data dir; the same signed-in people read the session as it was
 * (current item, its end time, hands, decisions) and carry on to the end and the minutes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import { loadConfig } from '../../server/env';
import { startServer, type RunningServer } from '../../server/server';
import { dropMongoTestDatabase, mongoEnvFor } from '../helpers/mongoTestDatabases';
import { TEST_SESSION_SECRET } from '../helpers/server';
import { buildWorkspaceWorld, createDoc, expectStatus } from '../http/workspaceWorld';
import { scheduleTwoItems } from './helpers';

type SessionAnswer = { session: ReviewSessionDto; minutesDocumentId?: string | null };

let dataDir = '';
const running: RunningServer[] = [];

/** A real server on a fixed port and `dataDir`, so clients' addresses stay valid across a restart. */
async function serverOn(port: number): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...mongoEnvFor(dataDir),
    LOG_LEVEL: 'silent',
    SESSION_SECRET: TEST_SESSION_SECRET,
    AUTH_RATE_LIMIT: '10000',
    INVITATION_RATE_LIMIT: '10000',
    WORKSPACE_RATE_LIMIT: '10000',
    DOCUMENT_RATE_LIMIT: '10000',
  });
  const server = await startServer({ config });
  running.push(server);
  return server;
}

/**
 * Waits until the new server answers. Keep-alive sockets to the stopped one may still sit in
 * fetch's pool; each failed attempt drops one, so the test's own requests find fresh ones.
 */
async function untilAnswering(url: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const isUp = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the restarted server does not answer');
}

afterAll(async () => {
  for (const server of running) await server.close();
  await dropMongoTestDatabase(dataDir);
  await rm(dataDir, { recursive: true, force: true });
});

describe('a review session across a server restart', () => {
  it('is read back as it was and carries on to the minutes', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-review-restart-'));
    const first = await serverOn(0);
    const world = await buildWorkspaceWorld(first.url);
    const document = await createDoc(world, { title: 'Restarted review' });
    const scheduled = await scheduleTwoItems(world.editor.client, document);
    const [one, two] = scheduled.agenda;
    if (!one || !two) throw new Error('two items expected');
    const path_ = `/api/review-sessions/${scheduled.id}`;
    await world.editor.client.post(`${path_}/start`);
    await world.reviewer.client.post(`${path_}/hands`);
    await world.editor.client.put(`${path_}/decisions/${one.id}`, { text: 'Keep the intro' });
    const before = expectStatus(
      await world.editor.client.post<SessionAnswer>(`${path_}/next`, { fromItemId: one.id }),
      200,
    ).session;

    await first.close();
    const second = await serverOn(first.port);
    await untilAnswering(second.url);

    const after = expectStatus(await world.viewer.client.get<SessionAnswer>(path_), 200).session;
    expect(after).toMatchObject({
      state: 'live',
      currentItemId: two.id,
      itemEndsAt: before.itemEndsAt,
      version: before.version,
      decisions: { [one.id]: 'Keep the intro' },
    });
    expect(after.hands.map((hand) => hand.user.name)).toEqual(['Rita Reviewer']);
    // A facilitator's page from before the restart still holds: its guard matches.
    const back = await world.editor.client.post<SessionAnswer>(`${path_}/back`, {
      expectedVersion: before.version,
    });
    expect(back.status).toBe(200);
    expect(back.body.session.currentItemId).toBe(one.id);
    const ended = expectStatus(await world.editor.client.post<SessionAnswer>(`${path_}/end`), 200);
    expect(ended.session.state).toBe('ended');
    const minutes = await world.viewer.client.get(`/api/documents/${ended.minutesDocumentId}`);
    expect(minutes.status).toBe(200);
  });
});
