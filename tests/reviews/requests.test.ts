/**
 * Review requests through the real server: sending a draft to review names reviewers (who are
 * notified, live too, and see it under "Awaiting my review"), reviewers answer with a verdict
 * and a note, every status change is kept with who, when and the note, and the status API
 * keeps working as before. Scheduling a session invites the document's readers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { NotificationDto } from '../../shared/api/notifications';
import type {
  ReviewCandidateDto,
  ReviewRequestDto,
  StatusChangeDto,
} from '../../shared/api/reviewRequests';
import { inviteAndRegister, type TestServer } from '../helpers/server';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, type ClientSocket } from '../realtime/helpers';
import { scheduleTwoItems } from './helpers';

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

type Requests = { requests: ReviewRequestDto[] };

async function notificationsOf(client: WorkspaceWorld['owner']['client']) {
  const res = await client.get<{ notifications: NotificationDto[] }>('/api/notifications');
  return expectStatus(res, 200).notifications;
}

describe('review requests', () => {
  it('asks reviewers, lists what awaits them, records answers and the status history', async () => {
    const document = await createDoc(world, { title: 'Bologna for review' });
    const reviewerSocket = await connected(
      openSocket(server.url, { cookie: world.reviewer.client.cookieHeader() }),
    );
    sockets.push(reviewerSocket);
    const heard = new Promise<NotificationDto>((resolve) => {
      reviewerSocket.on('notification:created', ({ notification }) => resolve(notification));
    });

    // A viewer cannot comment, so cannot be asked to review.
    const refused = await world.editor.client.post(
      `/api/documents/${document.id}/review-requests`,
      { reviewerIds: [world.viewer.user.id] },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('reviewer_cannot_comment');
    expect(
      (
        await world.reviewer.client.post(`/api/documents/${document.id}/review-requests`, {
          reviewerIds: [world.reviewer.user.id],
        })
      ).status,
    ).toBe(403);

    const dueAt = '2030-06-01T12:00:00.000Z';
    const sent = expectStatus(
      await world.editor.client.post<Requests>(`/api/documents/${document.id}/review-requests`, {
        reviewerIds: [world.reviewer.user.id, world.owner.user.id],
        note: 'Please check the housing figures',
        dueAt,
      }),
      201,
    );
    expect(sent.requests).toHaveLength(2);
    expect(sent.requests[0]).toMatchObject({
      reviewer: { id: world.reviewer.user.id, name: 'Rita Reviewer' },
      requestedBy: { id: world.editor.user.id },
      note: 'Please check the housing figures',
      dueAt,
      verdict: 'pending',
    });
    const now = expectStatus(
      await world.viewer.client.get<{ document: DocumentDto }>(`/api/documents/${document.id}`),
      200,
    ).document;
    expect(now.status).toBe('in-review');
    expect(await heard).toMatchObject({ kind: 'review_request', documentId: document.id });
    expect((await notificationsOf(world.reviewer.client)).map((n) => n.kind)).toContain(
      'review_request',
    );

    const awaiting = expectStatus(
      await world.reviewer.client.get<Requests>('/api/review-requests'),
      200,
    ).requests;
    const mine = awaiting.find((request) => request.documentId === document.id);
    expect(mine?.document).toEqual({
      id: document.id,
      title: 'Bologna for review',
      workspaceId: world.workspace.id,
    });
    if (!mine) throw new Error('the request awaits the reviewer');

    // Only the reviewer asked answers.
    const foreign = await world.viewer.client.post(`/api/review-requests/${mine.id}/answer`, {
      verdict: 'approved',
    });
    expect(foreign.status).toBe(403);
    const answered = expectStatus(
      await world.reviewer.client.post<{ request: ReviewRequestDto }>(
        `/api/review-requests/${mine.id}/answer`,
        { verdict: 'changes_requested', note: 'Add the 2024 figures' },
      ),
      200,
    ).request;
    expect(answered).toMatchObject({
      verdict: 'changes_requested',
      answerNote: 'Add the 2024 figures',
    });
    expect((await notificationsOf(world.editor.client)).map((n) => n.kind)).toContain(
      'review_answer',
    );
    const onDocument = expectStatus(
      await world.viewer.client.get<Requests>(`/api/documents/${document.id}/review-requests`),
      200,
    ).requests;
    expect(onDocument.map((r) => [r.reviewer.name, r.verdict])).toEqual([
      ['Rita Reviewer', 'changes_requested'],
      ['Olga Owner', 'pending'],
    ]);
    const stillAwaiting = expectStatus(
      await world.reviewer.client.get<Requests>('/api/review-requests'),
      200,
    ).requests;
    expect(stillAwaiting.map((r) => r.id)).not.toContain(mine.id);

    // The owner approves through the status API, with a note; the history shows both moves.
    expectStatus(
      await world.owner.client.post(`/api/documents/${document.id}/status`, {
        status: 'approved',
        note: 'Approved after the call',
      }),
      200,
    );
    const history = expectStatus(
      await world.viewer.client.get<{ history: StatusChangeDto[] }>(
        `/api/documents/${document.id}/status-history`,
      ),
      200,
    ).history;
    expect(history.map((c) => [c.actor.name, c.from, c.to, c.note])).toEqual([
      ['Olga Owner', 'in-review', 'approved', 'Approved after the call'],
      ['Emil Editor', 'draft', 'in-review', 'Please check the housing figures'],
    ]);
    expect(Date.parse(history[0]?.createdAt ?? '')).not.toBeNaN();
    // Out of review: no more answers, nothing awaits.
    const late = await world.reviewer.client.post(`/api/review-requests/${mine.id}/answer`, {
      verdict: 'approved',
    });
    expect(late.body.error?.code).toBe('invalid_transition');
    expect(
      (await world.outsider.client.get(`/api/documents/${document.id}/status-history`)).status,
    ).toBe(404);
  });

  it('asks people the document is shared with directly, who answer like members', async () => {
    const document = await createDoc(world, { title: 'Shared for review' });
    const guest = await inviteAndRegister({ admin: world.admin.client, name: 'Gustav Guest' });
    const onlooker = await inviteAndRegister({ admin: world.admin.client, name: 'Olli Onlooker' });
    for (const [person, role] of [
      [guest, 'reviewer'],
      [onlooker, 'viewer'],
    ] as const) {
      expectStatus(
        await world.owner.client.post(`/api/documents/${document.id}/shares`, {
          email: person.email,
          role,
        }),
        201,
      );
    }

    // The picker offers everyone who can comment, the sharee marked as such.
    const candidates = expectStatus(
      await world.editor.client.get<{ people: ReviewCandidateDto[] }>(
        `/api/documents/${document.id}/review-candidates`,
      ),
      200,
    ).people;
    const offered = new Map(candidates.map((person) => [person.id, person.isDirectShare]));
    expect(offered.get(guest.user.id)).toBe(true);
    expect(offered.get(world.reviewer.user.id)).toBe(false);
    expect(offered.get(world.owner.user.id)).toBe(false);
    for (const absent of [onlooker, world.viewer, world.outsider, world.editor]) {
      expect(offered.has(absent.user.id)).toBe(false);
    }
    expect(
      (await world.reviewer.client.get(`/api/documents/${document.id}/review-candidates`)).status,
    ).toBe(403);

    // People who cannot open it (or no such account) and readers who cannot comment: 400.
    const ask = (reviewerIds: string[]) =>
      world.editor.client.post(`/api/documents/${document.id}/review-requests`, { reviewerIds });
    for (const [reviewerIds, code] of [
      [[guest.user.id, world.outsider.user.id], 'reviewer_without_access'],
      [['no-such-account'], 'reviewer_without_access'],
      [[onlooker.user.id], 'reviewer_cannot_comment'],
    ] as const) {
      const refused = await ask([...reviewerIds]);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.code).toBe(code);
    }

    const guestSocket = await connected(
      openSocket(server.url, { cookie: guest.client.cookieHeader() }),
    );
    sockets.push(guestSocket);
    const heard = new Promise<NotificationDto>((resolve) => {
      guestSocket.on('notification:created', ({ notification }) => resolve(notification));
    });
    const sent = expectStatus(await ask([guest.user.id]), 201) as Requests;
    expect(sent.requests[0]?.reviewer).toEqual({ id: guest.user.id, name: 'Gustav Guest' });
    expect(await heard).toMatchObject({ kind: 'review_request', documentId: document.id });

    const awaiting = expectStatus(await guest.client.get<Requests>('/api/review-requests'), 200);
    expect(awaiting.requests.map((r) => r.document?.title)).toEqual(['Shared for review']);
    const [request] = awaiting.requests;
    if (!request) throw new Error('the request awaits the sharee');
    expectStatus(
      await guest.client.post(`/api/review-requests/${request.id}/answer`, {
        verdict: 'approved',
        note: 'Fine from Oxford',
      }),
      200,
    );
    const onDocument = expectStatus(
      await world.editor.client.get<Requests>(`/api/documents/${document.id}/review-requests`),
      200,
    ).requests;
    expect(onDocument.map((r) => [r.reviewer.name, r.verdict, r.answerNote])).toEqual([
      ['Gustav Guest', 'approved', 'Fine from Oxford'],
    ]);
  });

  it('keeps the status API working without a note, and records the change', async () => {
    const document = await createDoc(world, { title: 'Plain workflow' });
    expectStatus(
      await world.editor.client.post(`/api/documents/${document.id}/status`, {
        status: 'in-review',
      }),
      200,
    );
    const history = expectStatus(
      await world.editor.client.get<{ history: StatusChangeDto[] }>(
        `/api/documents/${document.id}/status-history`,
      ),
      200,
    ).history;
    expect(history.map((c) => [c.from, c.to, c.note])).toEqual([['draft', 'in-review', '']]);
  });

  it('scheduling a session invites everyone who can read the document', async () => {
    const document = await createDoc(world, { title: 'Invited to review' });
    await scheduleTwoItems(world.editor.client, document);
    for (const person of [world.owner, world.reviewer, world.viewer]) {
      const kinds = (await notificationsOf(person.client))
        .filter((n) => n.documentId === document.id)
        .map((n) => n.kind);
      expect(kinds).toEqual(['review_session']);
    }
    const own = (await notificationsOf(world.editor.client)).filter(
      (n) => n.documentId === document.id,
    );
    expect(own).toEqual([]);
  });
});
