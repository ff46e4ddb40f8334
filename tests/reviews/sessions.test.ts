/**
 * Review sessions through the real server: the whole life cycle over HTTP with a real
 * socket.io-client hearing `review:state` (schedule, start, hands, a thread tagged with the
 * current item, extend, next/back, decisions, end → minutes), the guards against a second
 * facilitator tab, the permissions, and what follows trashing a document or removing a member.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentDto } from '../../shared/api/entities';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import type { ThreadDto } from '../../shared/api/threads';
import { documentNodeFromState } from '../../server/editor/documentContent';
import { inviteAndRegister, type TestServer } from '../helpers/server';
import {
  addMember,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';
import { anchorOn, openDocumentClient, textsOf } from '../comments/anchors';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import { eventually, nextReviewState, scheduleTwoItems } from './helpers';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const opened: Array<{ destroy(): void } | ClientSocket> = [];
afterEach(() => {
  for (const thing of opened.splice(0)) {
    if ('disconnect' in thing) thing.disconnect();
    else thing.destroy();
  }
});

type SessionAnswer = { session: ReviewSessionDto; minutesDocumentId?: string | null };

/** A socket of `client` with the document open (in `doc:<id>`, shown as present). */
async function openDocumentSocket(cookie: string, documentId: string): Promise<ClientSocket> {
  const socket = await connected(openSocket(server.url, { cookie }));
  opened.push(socket);
  expect(await rawRequest(socket, 'presence:open', { documentId })).toEqual({ ok: true });
  return socket;
}

const sessionPath = (session: { id: string }, tail = '') =>
  `/api/review-sessions/${session.id}${tail}`;

describe('review session life cycle', () => {
  it('schedules with the contract shape, lists it, and answers GET', async () => {
    const document = await createDoc(world, { title: 'Contract shape' });
    const session = await scheduleTwoItems(world.editor.client, document);
    expect(session).toMatchObject({
      state: 'scheduled',
      currentItemId: null,
      itemEndsAt: null,
      facilitator: { id: world.editor.user.id, name: 'Emil Editor' },
      agenda: [
        { title: document.outline[0]?.text, minutes: 10, heading: document.outline[0]?.text },
        { title: document.outline[1]?.text, minutes: 5 },
      ],
      version: 1,
      abilities: { canFacilitate: true, canRaiseHand: false },
    });
    expect(session.agenda[0]?.id).toEqual(expect.any(String));
    const read = expectStatus(
      await world.viewer.client.get<SessionAnswer>(sessionPath(session)),
      200,
    );
    expect(read.session).toMatchObject({ id: session.id, state: 'scheduled' });
    expect(read.session.abilities).toEqual({ canFacilitate: false, canRaiseHand: false });
    const listed = expectStatus(
      await world.reviewer.client.get<{ sessions: ReviewSessionDto[] }>(
        `/api/documents/${document.id}/review-sessions`,
      ),
      200,
    );
    expect(listed.sessions.map((s) => s.id)).toEqual([session.id]);
    const upcoming = expectStatus(
      await world.viewer.client.get<{ sessions: ReviewSessionDto[] }>('/api/review-sessions'),
      200,
    );
    expect(upcoming.sessions.map((s) => s.id)).toContain(session.id);
    const outsiders = await world.outsider.client.get<{ sessions: ReviewSessionDto[] }>(
      '/api/review-sessions',
    );
    expect(outsiders.body.sessions.map((s) => s.id)).not.toContain(session.id);
  });

  it('runs a whole session: start, hands, a tagged thread, extend, next/back, decisions, end → minutes', async () => {
    const document = await createDoc(world, { title: 'Stuttgart under review' });
    const session = await scheduleTwoItems(world.editor.client, document);
    const [first, second] = session.agenda;
    if (!first || !second) throw new Error('two items expected');
    const viewerSocket = await openDocumentSocket(world.viewer.client.cookieHeader(), document.id);
    await openDocumentSocket(world.reviewer.client.cookieHeader(), document.id);

    // Start: everyone in the room hears the live state with the first item's end time.
    const heardLive = nextReviewState(viewerSocket, (s) => s.state === 'live');
    const before = Date.now();
    const started = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/start'), {
        fromItemId: null,
      }),
      200,
    ).session;
    expect(started).toMatchObject({ state: 'live', currentItemId: first.id, version: 2 });
    const endsAt = Date.parse(started.itemEndsAt ?? '');
    expect(endsAt).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    const live = await heardLive;
    expect(live).toMatchObject({ currentItemId: first.id, itemEndsAt: started.itemEndsAt });
    expect(live.abilities).toBeUndefined();
    expect(live.participants.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Rita Reviewer', 'Viktor Viewer']),
    );

    // Hands: in the order raised; raising twice changes nothing.
    const reviewerHand = expectStatus(
      await world.reviewer.client.post<SessionAnswer>(sessionPath(session, '/hands')),
      200,
    ).session;
    const again = expectStatus(
      await world.reviewer.client.post<SessionAnswer>(sessionPath(session, '/hands')),
      200,
    ).session;
    expect(again.version).toBe(reviewerHand.version);
    const heardHands = nextReviewState(viewerSocket, (s) => s.hands.length === 2);
    await world.viewer.client.post(sessionPath(session, '/hands'));
    expect((await heardHands).hands.map((h) => h.user.name)).toEqual([
      'Rita Reviewer',
      'Viktor Viewer',
    ]);
    // Only the facilitator lowers someone else's hand; anyone lowers their own.
    const foreign = await world.viewer.client.delete(
      sessionPath(session, `/hands/${world.reviewer.user.id}`),
    );
    expect(foreign.status).toBe(403);
    const lowered = expectStatus(
      await world.editor.client.delete<SessionAnswer>(
        sessionPath(session, `/hands/${world.reviewer.user.id}`),
      ),
      200,
    ).session;
    expect(lowered.hands.map((h) => h.user.name)).toEqual(['Viktor Viewer']);
    await world.viewer.client.delete(sessionPath(session, `/hands/${world.viewer.user.id}`));

    // A thread started now is tagged with the current item.
    const collab = await openDocumentClient(world.owner.client, document.id);
    opened.push(collab);
    const { thread } = expectStatus(
      await world.reviewer.client.post<{ thread: ThreadDto }>(
        `/api/documents/${document.id}/threads`,
        {
          anchor: anchorOn(collab.ydoc, document.outline[0]?.text ?? ''),
          body: 'Numbers for 2024?',
        },
      ),
      201,
    );
    const tagged = await eventually(
      async () => (await world.viewer.client.get<SessionAnswer>(sessionPath(session))).body.session,
      (s) => s.threadTags.length === 1,
    );
    expect(tagged.threadTags).toEqual([{ threadId: thread.id, itemId: first.id }]);

    // Extend adds to the running clock.
    const extended = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/extend'), {
        minutes: 5,
      }),
      200,
    ).session;
    expect(Date.parse(extended.itemEndsAt ?? '')).toBe(endsAt + 5 * 60_000);

    // Next; next on the last item is refused; back returns to the first.
    const moved = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/next'), {
        fromItemId: first.id,
      }),
      200,
    ).session;
    expect(moved.currentItemId).toBe(second.id);
    const past = await world.editor.client.post(sessionPath(session, '/next'));
    expect(past.status).toBe(409);
    expect(past.body.error?.code).toBe('invalid_session_state');
    const back = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/back')),
      200,
    ).session;
    expect(back.currentItemId).toBe(first.id);
    await world.editor.client.post(sessionPath(session, '/next'), { fromItemId: first.id });

    // Decisions: the facilitator notes one per item; others may not.
    expect(
      (
        await world.reviewer.client.put(sessionPath(session, `/decisions/${first.id}`), {
          text: 'mine',
        })
      ).status,
    ).toBe(403);
    expectStatus(
      await world.editor.client.put(sessionPath(session, `/decisions/${first.id}`), {
        text: 'Add the 2024 housing figures',
      }),
      200,
    );
    const unknownItem = await world.editor.client.put(sessionPath(session, '/decisions/nope'), {
      text: 'x',
    });
    expect(unknownItem.body.error?.code).toBe('agenda_item_not_found');

    // End: the decisions given join those noted; the minutes document is written and linked.
    const heardEnd = nextReviewState(viewerSocket, (s) => s.minutesDocumentId !== null);
    const ended = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/end'), {
        decisions: { [second.id]: 'Publish after the edits' },
      }),
      200,
    );
    expect(ended.session).toMatchObject({
      state: 'ended',
      currentItemId: null,
      decisions: {
        [first.id]: 'Add the 2024 housing figures',
        [second.id]: 'Publish after the edits',
      },
    });
    expect(ended.minutesDocumentId).toEqual(expect.any(String));
    expect(ended.session.minutesDocumentId).toBe(ended.minutesDocumentId);
    expect((await heardEnd).minutesDocumentId).toBe(ended.minutesDocumentId);

    const minutes = expectStatus(
      await world.viewer.client.get<{ document: DocumentDto }>(
        `/api/documents/${ended.minutesDocumentId}`,
      ),
      200,
    ).document;
    expect(minutes).toMatchObject({ kind: 'minutes', workspaceId: world.workspace.id });
    const stored = await server.storage.getDocument({ id: minutes.id });
    const text = stored?.plainText ?? '';
    expect(text).toContain('Minutes: Peer review');
    expect(text).toContain('Stuttgart under review');
    expect(text).toContain('Emil Editor'); // facilitator
    for (const name of ['Rita Reviewer', 'Viktor Viewer']) expect(text).toContain(name);
    expect(text).toContain('Numbers for 2024?');
    expect(text).toContain('(open)');
    expect(text).toContain('Add the 2024 housing figures');
    expect(text).toContain('Publish after the edits');
    // The thread is listed under the item it was raised in, not the other.
    const firstHeading = text.indexOf(`1. ${first.title}`);
    const secondHeading = text.indexOf(`2. ${second.title}`);
    const threadAt = text.indexOf('Numbers for 2024?');
    expect(firstHeading).toBeGreaterThan(-1);
    expect(threadAt).toBeGreaterThan(firstHeading);
    expect(threadAt).toBeLessThan(secondHeading);
    // The minutes link the reviewed document.
    const state = await server.storage.loadDocState({ documentId: minutes.id });
    const ydoc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(ydoc, update.data);
    const node = documentNodeFromState(Y.encodeStateAsUpdate(ydoc));
    const hrefs: string[] = [];
    node.descendants((child) => {
      for (const mark of child.marks)
        if (mark.type.name === 'link') hrefs.push(String(mark.attrs.href));
    });
    expect(hrefs).toContain(`/documents/${document.id}`);

    // Ended is final.
    const restart = await world.editor.client.post(sessionPath(session, '/start'));
    expect(restart.body.error?.code).toBe('invalid_session_state');
  });
});

describe('suggestions in a live session', () => {
  it('tags a suggestion with the current item; the minutes list it with its outcome', async () => {
    const document = await createDoc(world, { title: 'Bologna under review' });
    const session = await scheduleTwoItems(world.editor.client, document);
    const [first, second] = session.agenda;
    if (!first || !second) throw new Error('two items expected');
    expectStatus(await world.editor.client.post(sessionPath(session, '/start')), 200);

    // The reviewer's editor writes a suggestion (its suggest-only connection keeps it).
    const reviewerCopy = await openDocumentClient(world.reviewer.client, document.id);
    opened.push(reviewerCopy);
    const id = newSuggestionId(world.reviewer.user.id);
    const [line] = textsOf(reviewerCopy.ydoc);
    if (!line) throw new Error('the template has text');
    line.insert(0, 'Municipal ', { insertion: { id } });
    const tagged = await eventually(
      async () => (await world.viewer.client.get<SessionAnswer>(sessionPath(session))).body.session,
      (s) => s.suggestionTags.length === 1,
    );
    expect(tagged.suggestionTags).toEqual([{ suggestionId: id, itemId: first.id }]);

    // Accepted before the end: the minutes say so, under the item it was made in.
    expectStatus(
      await world.owner.client.post(`/api/documents/${document.id}/suggestions/${id}/accept`),
      200,
    );
    const ended = expectStatus(
      await world.editor.client.post<SessionAnswer>(sessionPath(session, '/end')),
      200,
    );
    const stored = await server.storage.getDocument({ id: ended.minutesDocumentId ?? '' });
    const text = stored?.plainText ?? '';
    const suggestionAt = text.indexOf('Rita Reviewer suggested adding “Municipal ” (accepted)');
    expect(suggestionAt).toBeGreaterThan(text.indexOf(`1. ${first.title}`));
    expect(suggestionAt).toBeLessThan(text.indexOf(`2. ${second.title}`));
  });
});

describe('participants present', () => {
  it('follow who has the document open; a first arrival joins the minutes’ attendees', async () => {
    const document = await createDoc(world, { title: 'Who is here' });
    const session = await scheduleTwoItems(world.editor.client, document);
    expectStatus(await world.editor.client.post(sessionPath(session, '/start')), 200);
    const names = (s: ReviewSessionDto) => s.participants.map((p) => p.name);
    const stored = () => server.storage.getReviewSession({ id: session.id });
    const watcher = await openDocumentSocket(world.viewer.client.cookieHeader(), document.id);
    await eventually(stored, (s) => s?.attendeeIds.includes(world.viewer.user.id) === true);

    // Rita drops in between two moves: everyone sees her, and she is an attendee.
    const joined = nextReviewState(watcher, (s) => names(s).includes('Rita Reviewer'));
    const late = await openDocumentSocket(world.reviewer.client.cookieHeader(), document.id);
    const withRita = await joined;
    expect((await stored())?.attendeeIds).toContain(world.reviewer.user.id);

    // She leaves: the list follows, at the same version (nothing stored).
    const left = nextReviewState(watcher, (s) => !names(s).includes('Rita Reviewer'));
    late.disconnect();
    const withoutRita = await left;
    expect(names(withoutRita)).toEqual(['Viktor Viewer']);
    expect(withoutRita.version).toBe(withRita.version);
  });
});

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
