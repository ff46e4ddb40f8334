/**
 * The pacing of sync step 1 answers on one connection (`server/collab/syncStep1Limiter.ts`):
 * a flood of step 1 requests gets a few answers at once and then at most the configured rate,
 * the newest waiting request is the one answered, and a closed connection gets nothing more.
 * Timers are Vitest's fake ones and the token bucket reads a clock the test moves, so each
 * answer is pinned to the millisecond. The socket-level behaviour is in docCap.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncStep1Limiter } from '../../server/collab/syncStep1Limiter';

/** A limiter of `burst` at once and `ratePerSecond` after, recording what it answers. */
function limiter(input: { burst: number; ratePerSecond: number }) {
  let clock = 0;
  const answered: number[] = [];
  const paced = createSyncStep1Limiter({
    ...input,
    answer: (stateVector) => answered.push(stateVector[0]!),
    now: () => clock,
  });
  return {
    answered,
    /** Sends a step 1 whose state vector is the one byte `marker`. */
    request: (marker: number) => paced.request(Uint8Array.of(marker)),
    dispose: () => paced.dispose(),
    /** Moves the bucket's clock and the timers together. */
    advance(ms: number) {
      clock += ms;
      vi.advanceTimersByTime(ms);
    },
    /** Moves only the bucket's clock (a timer that fires a little early, as real ones can). */
    advanceBucketOnly(ms: number) {
      clock += ms;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('sync step 1 pacing', () => {
  it('answers a burst at once, then only the newest waiting request, one interval later', () => {
    const paced = limiter({ burst: 3, ratePerSecond: 10 });
    for (let marker = 1; marker <= 10; marker++) paced.request(marker);
    expect(paced.answered).toEqual([1, 2, 3]);
    paced.advance(99);
    expect(paced.answered).toEqual([1, 2, 3]);
    paced.advance(1);
    expect(paced.answered).toEqual([1, 2, 3, 10]);
    paced.advance(5000);
    expect(paced.answered).toEqual([1, 2, 3, 10]);
  });

  it('spends a token on a deferred answer, so a flood gets no more than the rate', () => {
    const paced = limiter({ burst: 1, ratePerSecond: 10 });
    paced.request(1);
    paced.request(2);
    paced.advance(100);
    expect(paced.answered).toEqual([1, 2]);
    // The deferred answer used the token that had refilled: this one waits again.
    paced.request(3);
    expect(paced.answered).toEqual([1, 2]);
    paced.advance(100);
    expect(paced.answered).toEqual([1, 2, 3]);
  });

  it('keeps a request behind the one waiting even when a token is back (answers stay in order)', () => {
    const paced = limiter({ burst: 1, ratePerSecond: 10 });
    paced.request(1);
    paced.advance(50);
    paced.request(2); // half a token: waits, answered at 150 ms
    paced.advance(50);
    paced.request(3); // a whole token now, but 2 is waiting: 3 replaces it
    expect(paced.answered).toEqual([1]);
    paced.advance(50);
    expect(paced.answered).toEqual([1, 3]);
    paced.advance(1000);
    expect(paced.answered).toEqual([1, 3]);
  });

  it('tries again when its timer fires before the bucket has a token', () => {
    const paced = limiter({ burst: 1, ratePerSecond: 10 });
    paced.request(1);
    paced.request(2);
    // The timer fires at 100 ms while the bucket's clock says 60 ms.
    paced.advanceBucketOnly(-40);
    paced.advance(100);
    expect(paced.answered).toEqual([1]);
    paced.advance(100);
    expect(paced.answered).toEqual([1, 2]);
  });

  it('answers nothing more once the connection has closed', () => {
    const paced = limiter({ burst: 1, ratePerSecond: 10 });
    paced.request(1);
    paced.request(2);
    expect(vi.getTimerCount()).toBe(1);
    paced.dispose();
    expect(vi.getTimerCount()).toBe(0);
    paced.advance(10_000);
    expect(paced.answered).toEqual([1]);
  });
});
