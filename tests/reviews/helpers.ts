/**
 * Helpers of the review-session tests: scheduling through the real API with an agenda from
 * the document's outline, and waiting for `review:state` on a real socket.io-client.
 */
import type { DocumentDto } from '../../shared/api/entities';
import type { ReviewSessionDto } from '../../shared/api/reviewSessions';
import type { ApiClient } from '../helpers/server';
import { expectStatus } from '../http/workspaceWorld';
import type { ClientSocket } from '../realtime/helpers';

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
