/**
 * When the service worker first takes the page, every active query is read again through it
 * (client/src/offline/readAgain.ts), including one whose first read was still under way: that
 * read went out before the worker and would never reach its cache.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { readActiveQueriesAgain } from '../../client/src/offline/readAgain';

/** A query function whose reads are counted and answered only when the test says so. */
function heldReads() {
  const pending: Array<() => void> = [];
  let reads = 0;
  return {
    queryFn: () =>
      new Promise<string>((resolve) => {
        reads += 1;
        const answer = `answer ${reads}`;
        pending.push(() => resolve(answer));
      }),
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
    reads: () => reads,
  };
}

const clients: QueryClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.clear()));

/** A query client with one observed (active) query on `key`. */
function observe(key: string, queryFn: () => Promise<string>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(queryClient);
  const observer = new QueryObserver(queryClient, { queryKey: [key], queryFn });
  const unsubscribe = observer.subscribe(() => undefined);
  return { queryClient, observer, unsubscribe };
}

describe('reading the page again through the service worker', () => {
  it('reads a query again after its first read, still in flight, settles', async () => {
    const held = heldReads();
    const { queryClient, observer, unsubscribe } = observe('document', held.queryFn);
    expect(held.reads()).toBe(1);

    const done = readActiveQueriesAgain(queryClient);
    held.answerAll();
    await expect.poll(() => held.reads()).toBe(2);
    held.answerAll();
    await done;
    expect(observer.getCurrentResult().data).toBe('answer 2');
    unsubscribe();
  });

  it('reads a query that already has data once more, not twice', async () => {
    const held = heldReads();
    const { queryClient, observer, unsubscribe } = observe('workspaces', held.queryFn);
    held.answerAll();
    await expect.poll(() => observer.getCurrentResult().data).toBe('answer 1');

    const done = readActiveQueriesAgain(queryClient);
    await expect.poll(() => held.reads()).toBe(2);
    held.answerAll();
    await done;
    expect(held.reads()).toBe(2);
    expect(observer.getCurrentResult().data).toBe('answer 2');
    unsubscribe();
  });

  it('is needed: a plain refetch joins the first read in flight and reads nothing new', async () => {
    const held = heldReads();
    const { queryClient, unsubscribe } = observe('document', held.queryFn);
    const done = queryClient.refetchQueries({ type: 'active' });
    held.answerAll();
    await done;
    expect(held.reads()).toBe(1);
    unsubscribe();
  });
});
