/**
 * Helpers of the review-session tests: scheduling through the real API with an agenda from
 * the document's outline, sockets with the document open, and waiting for `review:state` on a
 * real socket.io-client.
 */
import { afterEach, expect } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import type { ApiClient } from '../helpers/server';
import { expectStatus } from '../http/workspaceWorld';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';

/** What the review-session calls answer. */
export type SessionAnswer = { session: ReviewSessionDto; minutesDocumentId?: string | null };

/** The API path of `session`, with an optional tail such as `/start`. */
export const sessionPath = (session: { id: string }, tail = ''): string =>
  `/api/review-sessions/${session.id}${tail}`;

/**
 * Closes what each test opened (sockets, collab clients) after it. `openDocumentSocket` opens
 * a socket of the account behind `cookie` with the document open (in `doc:<id>`, present).
 */
export function useOpenedClients(serverUrl: () => string) {
  const opened: Array<{ destroy(): void } | ClientSocket> = [];
  afterEach(() => {
    for (const thing of opened.splice(0)) {
      if ('disconnect' in thing) thing.disconnect();
      else thing.destroy();
    }
  });
  return {
    /** Closes `thing` after the test. */
    track<T extends { destroy(): void }>(thing: T): T {
      opened.push(thing);
      return thing;
    },
    async openDocumentSocket(cookie: string, documentId: string): Promise<ClientSocket> {
      const socket = await connected(openSocket(serverUrl(), { cookie }));
      opened.push(socket);
      expect(await rawRequest(socket, 'presence:open', { documentId })).toEqual({ ok: true });
      return socket;
    },
  };
}

/** Schedules a two-item session on `document` whose items are its first two outline headings. */
export async function scheduleTwoItems(
  client: ApiClient,
  document: DocumentDto,
  extra: Record<string, unknown> = {},
): Promise<ReviewSessionDto> {
  const [first, second] = document.outline;
  if (!first || !second) throw new Error('the document needs two headings');
  const res = await client.post<{ session: ReviewSessionDto }>(
    `/api/documents/${document.id}/review-sessions`,
    {
      title: 'Peer review',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      agenda: [
        { title: first.text, minutes: 10, heading: first.text },
        { title: second.text, minutes: 5, heading: second.text },
      ],
      ...extra,
    },
  );
  return expectStatus(res, 201).session;
}

/**
 * Resolves with the first `review:state` on `socket` whose session passes `isWanted`; rejects
 * after `withinMs`. Start listening before the call that causes it.
 */
export function nextReviewState(
  socket: ClientSocket,
  isWanted: (session: ReviewSessionDto) => boolean,
  withinMs = 2_000,
): Promise<ReviewSessionDto> {
  return new Promise((resolve, reject) => {
    const onState = ({ session }: { session: ReviewSessionDto }) => {
      if (!isWanted(session)) return;
      clearTimeout(timer);
      socket.off('review:state', onState);
      resolve(session);
    };
    const timer = setTimeout(() => {
      socket.off('review:state', onState);
      reject(new Error(`no matching review:state within ${withinMs} ms`));
    }, withinMs);
    socket.on('review:state', onState);
  });
}

/** Polls `read` until `isDone` holds (subscribers run after the answer); throws after 3 s. */
export async function eventually<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
