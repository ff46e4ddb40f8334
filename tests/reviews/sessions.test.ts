/**
 * Review sessions through the real server: the whole life cycle over HTTP with a real
 * socket.io-client hearing `review:state` (schedule, start, hands, a thread tagged with the
 * current item, extend, next/back, decisions, end → minutes), suggestions tagged with the
 * current item, and who is present. The guards and permissions: `sessionGuards.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentDto } from '../../shared/api/entities';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import type { ThreadDto } from '../../shared/api/threads';
import { documentNodeFromState } from '../../server/editor/documentContent';
import type { TestServer } from '../helpers/server';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { anchorOn, openDocumentClient, textsOf } from '../comments/anchors';
import { newSuggestionId } from '../../shared/editor/suggestionId';
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
const { openDocumentSocket, track } = useOpenedClients(() => server.url);

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
    track(collab);
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
    track(reviewerCopy);
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
