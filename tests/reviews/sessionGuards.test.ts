/**
 * Review sessions through the real server, what guards them: a second facilitator tab (stale
 * versions are 409), who may schedule and facilitate, bad input, and what follows elsewhere
 * (trashing the document, removing a member, revoking a share). The life cycle itself:
 * `sessions.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import { inviteAndRegister, type TestServer } from '../helpers/server';
import {
  addMember,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import {
  eventually,
  nextReviewState,
  scheduleTwoItems,
  sessionPath,
  useOpenedClients,
  type SessionAnswer,
} from './helpers';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});
const { openDocumentSocket } = useOpenedClients(() => server.url);

describe('a second facilitator tab', () => {
  it('cannot advance twice: of two next moves from the same item one is 409', async () => {
    const document = await createDoc(world, { title: 'Two tabs' });
    const session = await scheduleTwoItems(world.editor.client, document);
    const first = session.agenda[0]?.id;
    await world.editor.client.post(sessionPath(session, '/start'));
    const answers = await Promise.all([
      world.editor.client.post(sessionPath(session, '/next'), { fromItemId: first }),
      world.editor.client.post(sessionPath(session, '/next'), { fromItemId: first }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.error?.code).toBe('review_session_conflict');
    const now = (await world.editor.client.get<SessionAnswer>(sessionPath(session))).body.session;
    expect(now.currentItemId).toBe(session.agenda[1]?.id);
  });

  it('cannot extend twice: the bar sends the version it shows, so one of two is 409', async () => {
    const document = await createDoc(world, { title: 'Two tabs extend' });
    const session = await scheduleTwoItems(world.editor.client, document);
    const started = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/start')),
      200,
    ).session;
    const body = { minutes: 5, expectedVersion: started.version };
    const answers = await Promise.all([
      world.editor.client.post(sessionPath(session, '/extend'), body),
      world.owner.client.post(sessionPath(session, '/extend'), body),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const now = (await world.editor.client.get<SessionAnswer>(sessionPath(session))).body.session;
    expect(Date.parse(now.itemEndsAt ?? '')).toBe(
      Date.parse(started.itemEndsAt ?? '') + 5 * 60_000,
    );
  });

  it('is refused with a stale version, in the body or as If-Match', async () => {
    const document = await createDoc(world, { title: 'Stale tab' });
    const session = await scheduleTwoItems(world.editor.client, document);
    await world.editor.client.post(sessionPath(session, '/start'), { expectedVersion: 1 });
    const stale = await world.editor.client.post(sessionPath(session, '/next'), {
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('review_session_conflict');
    const staleHeader = await world.editor.client.request({
      method: 'POST',
      path: sessionPath(session, '/next'),
      headers: { 'If-Match': '"1"' },
    });
    expect(staleHeader.body.error?.code).toBe('review_session_conflict');
    const fresh = await world.editor.client.request<SessionAnswer>({
      method: 'POST',
      path: sessionPath(session, '/next'),
      headers: { 'If-Match': '"2"' },
    });
    expect(fresh.status).toBe(200);
    const bad = await world.editor.client.request({
      method: 'POST',
      path: sessionPath(session, '/back'),
      headers: { 'If-Match': 'soon' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('review session permissions', () => {
  it('owners and editors schedule; reviewers and viewers cannot; outsiders see nothing', async () => {
    const document = await createDoc(world, { title: 'Who schedules' });
    await scheduleTwoItems(world.owner.client, document);
    for (const person of [world.reviewer, world.viewer]) {
      const res = await person.client.post(`/api/documents/${document.id}/review-sessions`, {
        title: 'x',
        startsAt: new Date().toISOString(),
        agenda: [{ title: 'one', minutes: 5 }],
      });
      expect(res.status).toBe(403);
    }
    const session = await scheduleTwoItems(world.editor.client, document);
    const hidden = await world.outsider.client.get(sessionPath(session));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error?.code).toBe('review_session_not_found');
    expect((await world.outsider.client.post(sessionPath(session, '/start'))).status).toBe(404);
    expect((await world.reviewer.client.post(sessionPath(session, '/start'))).status).toBe(403);
    expect((await world.anonymous.get(sessionPath(session))).status).toBe(401);
  });

  it('a named reviewer facilitates; a facilitator without access is refused', async () => {
    const document = await createDoc(world, { title: 'Named facilitator' });
    const session = await scheduleTwoItems(world.editor.client, document, {
      facilitatorId: world.reviewer.user.id,
    });
    expect(session.facilitator.id).toBe(world.reviewer.user.id);
    expect((await world.reviewer.client.post(sessionPath(session, '/start'))).status).toBe(200);
    // Any owner or editor may take over.
    expect((await world.owner.client.post(sessionPath(session, '/next'))).status).toBe(200);
    expect((await world.viewer.client.post(sessionPath(session, '/back'))).status).toBe(403);
    const refused = await world.editor.client.post(
      `/api/documents/${document.id}/review-sessions`,
      {
        title: 'x',
        startsAt: new Date().toISOString(),
        agenda: [{ title: 'one', minutes: 5 }],
        facilitatorId: world.outsider.user.id,
      },
    );
    expect(refused.status).toBe(400);
  });

  it('someone the document is shared with facilitates, and the session is handed over', async () => {
    const document = await createDoc(world, { title: 'Handed over' });
    const guest = await inviteAndRegister({ admin: world.admin.client, name: 'Fiona Facilitator' });
    expectStatus(
      await world.owner.client.post(`/api/documents/${document.id}/shares`, {
        email: guest.email,
        role: 'reviewer',
      }),
      201,
    );
    const session = await scheduleTwoItems(world.editor.client, document, {
      facilitatorId: guest.user.id,
    });
    expect(session.facilitator.name).toBe('Fiona Facilitator');
    const started = expectStatus(
      await guest.client.post<SessionAnswer>(sessionPath(session, '/start')),
      200,
    ).session;

    const handOver = (client: typeof world.owner.client, body: Record<string, unknown>) =>
      client.put<SessionAnswer>(sessionPath(session, '/facilitator'), body);
    const refused = [
      [world.viewer.client, { facilitatorId: world.reviewer.user.id }, 403, 'forbidden'],
      [guest.client, { facilitatorId: world.outsider.user.id }, 400, 'facilitator_without_access'],
      [guest.client, { facilitatorId: 'no-such-account' }, 400, 'facilitator_without_access'],
      [
        guest.client,
        { facilitatorId: world.reviewer.user.id, expectedVersion: started.version - 1 },
        409,
        'review_session_conflict',
      ],
    ] as const;
    for (const [client, body, status, code] of refused) {
      const res = await handOver(client, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }

    const handed = expectStatus(
      await handOver(guest.client, {
        facilitatorId: world.reviewer.user.id,
        expectedVersion: started.version,
      }),
      200,
    ).session;
    expect(handed.facilitator).toEqual({ id: world.reviewer.user.id, name: 'Rita Reviewer' });
    expect(handed.abilities?.canFacilitate).toBe(false);
    const notified = await eventually(
      async () =>
        expectStatus(
          await world.reviewer.client.get<{
            notifications: { kind: string; documentId: string }[];
          }>('/api/notifications'),
          200,
        ).notifications.filter((n) => n.documentId === document.id),
      (list) => list.length === 2,
    );
    expect(notified.map((n) => n.kind)).toEqual(['review_session', 'review_session']);
    // Fiona (a reviewer sharee) no longer runs it; Rita does.
    expect((await guest.client.post(sessionPath(session, '/next'))).status).toBe(403);
    expectStatus(await world.reviewer.client.post(sessionPath(session, '/next')), 200);
    expectStatus(await world.reviewer.client.post(sessionPath(session, '/end')), 200);
    const late = await handOver(world.editor.client, { facilitatorId: world.editor.user.id });
    expect(late.body.error?.code).toBe('invalid_session_state');
  });

  it('a facilitator the document is shared with can open the minutes of their session', async () => {
    const document = await createDoc(world, { title: 'Minutes for a sharee' });
    const guest = await inviteAndRegister({ admin: world.admin.client, name: 'Sven Sharee' });
    expectStatus(
      await world.owner.client.post(`/api/documents/${document.id}/shares`, {
        email: guest.email,
        role: 'reviewer',
      }),
      201,
    );
    const session = await scheduleTwoItems(world.editor.client, document, {
      facilitatorId: guest.user.id,
    });
    expectStatus(await guest.client.post(sessionPath(session, '/start')), 200);
    const ended = expectStatus(
      await guest.client.post<SessionAnswer>(sessionPath(session, '/end')),
      200,
    );
    const minutesPath = `/api/documents/${ended.minutesDocumentId ?? 'none'}`;
    const minutes = expectStatus(
      await guest.client.get<{ document: DocumentDto }>(minutesPath),
      200,
    ).document;
    expect(minutes).toMatchObject({ kind: 'minutes', abilities: { edit: false } });
    expect((await world.viewer.client.get(minutesPath)).status).toBe(200);
    expect((await world.outsider.client.get(minutesPath)).status).toBe(404);
  });

  it('refuses bad input with stable codes', async () => {
    const document = await createDoc(world, { title: 'Bad input' });
    const post = (body: unknown) =>
      world.editor.client.post(`/api/documents/${document.id}/review-sessions`, body);
    for (const body of [
      { title: 'x', startsAt: 'tomorrow', agenda: [{ title: 'a', minutes: 5 }] },
      { title: 'x', startsAt: new Date().toISOString(), agenda: [] },
      { title: 'x', startsAt: new Date().toISOString(), agenda: [{ title: 'a', minutes: 0 }] },
      { title: '', startsAt: new Date().toISOString(), agenda: [{ title: 'a', minutes: 5 }] },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
    const session = await scheduleTwoItems(world.editor.client, document);
    const extend = await world.editor.client.post(sessionPath(session, '/extend'), { minutes: 5 });
    expect(extend.body.error?.code).toBe('invalid_session_state');
    const hand = await world.viewer.client.post(sessionPath(session, '/hands'));
    expect(hand.body.error?.code).toBe('invalid_session_state');
    expect((await world.editor.client.get('/api/review-sessions/nope')).status).toBe(404);
  });
});

describe('what follows elsewhere', () => {
  it('trashing the document ends its sessions, and the room hears it', async () => {
    const document = await createDoc(world, { title: 'Trashed mid-session' });
    const live = await scheduleTwoItems(world.editor.client, document);
    const later = await scheduleTwoItems(world.editor.client, document);
    await world.editor.client.post(sessionPath(live, '/start'));
    const socket = await openDocumentSocket(world.viewer.client.cookieHeader(), document.id);
    const heard = nextReviewState(socket, (s) => s.id === live.id && s.state === 'ended');
    expect((await world.editor.client.delete(`/api/documents/${document.id}`)).status).toBe(204);
    await heard;
    for (const session of [live, later]) {
      const stored = await server.storage.getReviewSession({ id: session.id });
      expect(stored?.state).toBe('ended');
      expect(stored?.minutesDocumentId).toBeNull();
    }
  });

  it('a removed member leaves: their raised hand goes down', async () => {
    const document = await createDoc(world, { title: 'Leaving member' });
    const guest = await inviteAndRegister({ admin: world.admin.client, name: 'Gina Guest' });
    await addMember({
      owner: world.owner.client,
      workspaceId: world.workspace.id,
      person: guest,
      role: 'reviewer',
    });
    const session = await scheduleTwoItems(world.editor.client, document);
    await world.editor.client.post(sessionPath(session, '/start'));
    expectStatus(await guest.client.post(sessionPath(session, '/hands')), 200);
    expectStatus(
      await world.owner.client.delete(
        `/api/workspaces/${world.workspace.id}/members/${guest.user.id}`,
      ),
      204,
    );
    const after = await eventually(
      () => server.storage.getReviewSession({ id: session.id }),
      (s) => s?.hands.length === 0,
    );
    expect(after?.hands).toEqual([]);
    expect((await guest.client.get(sessionPath(session))).status).toBe(404);
  });

  it('people it is shared with see the session upcoming; a revoked share or a narrowed link leaves', async () => {
    const document = await createDoc(world, { title: 'Shared session' });
    const guest = await inviteAndRegister({ admin: world.admin.client, name: 'Sana Sharee' });
    const member = await inviteAndRegister({ admin: world.admin.client, name: 'Max Member' });
    await addMember({
      owner: world.owner.client,
      workspaceId: world.workspace.id,
      person: member,
      role: 'reviewer',
    });
    const shareWith = async (email: string) =>
      expectStatus(
        await world.owner.client.post<{ share: { id: string } }>(
          `/api/documents/${document.id}/shares`,
          { email, role: 'reviewer' },
        ),
        201,
      ).share;
    const guestShare = await shareWith(guest.email);
    await shareWith(member.email);
    const session = await scheduleTwoItems(world.editor.client, document);
    const upcoming = expectStatus(
      await guest.client.get<{ sessions: ReviewSessionDto[] }>('/api/review-sessions'),
      200,
    ).sessions;
    expect(upcoming.map((s) => s.id)).toEqual([session.id]);

    expectStatus(await world.editor.client.post(sessionPath(session, '/start')), 200);
    for (const person of [guest, member]) {
      expectStatus(await person.client.post(sessionPath(session, '/hands')), 200);
    }
    const handsNow = async () =>
      (await server.storage.getReviewSession({ id: session.id }))?.hands.map((h) => h.userId);

    // Removed from the workspace but still shared with directly: Max stays.
    expectStatus(
      await world.owner.client.delete(
        `/api/workspaces/${world.workspace.id}/members/${member.user.id}`,
      ),
      204,
    );
    // The share revoked: Sana had no other way in, so she leaves.
    expectStatus(
      await world.owner.client.delete(`/api/documents/${document.id}/shares/${guestShare.id}`),
      204,
    );
    await eventually(handsNow, (ids) => !ids?.includes(guest.user.id));
    expect(await handsNow()).toEqual([member.user.id]);
    // Otto reads it through the network link; the link back to restricted: he leaves.
    expectStatus(
      await world.owner.client.patch(`/api/documents/${document.id}`, { linkAccess: 'network' }),
      200,
    );
    expectStatus(await world.outsider.client.post(sessionPath(session, '/hands')), 200);
    expectStatus(
      await world.owner.client.patch(`/api/documents/${document.id}`, {
        linkAccess: 'restricted',
      }),
      200,
    );
    await eventually(handsNow, (ids) => ids?.length === 1);
    expect(await handsNow()).toEqual([member.user.id]);
  });
});
