/**
 * The caret throttle: the first change goes out at once, then at most one per interval (the
 * newest wins), and a value equal to the last published one is never sent again.
 */
import { describe, expect, it } from 'vitest';
import {
  createLatestValueThrottle,
  type ThrottleClock,
} from '../../client/src/editor/latestValueThrottle';

/** A clock the test moves by hand; timers run when their time comes. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (run, delayMs) => {
      const id = nextId++;
      timers.set(id, { at: now + delayMs, run });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { clock, advance, pendingTimers: () => timers.size };
}

function setup(intervalMs = 100) {
  const time = manualClock();
  const published: number[] = [];
  const throttle = createLatestValueThrottle<number>({
    intervalMs,
    isEqual: (a, b) => a === b,
    publish: (value) => published.push(value),
    clock: time.clock,
  });
  return { ...time, published, throttle };
}

describe('createLatestValueThrottle', () => {
  it('publishes the first value at once and the newest of a burst after the interval', () => {
    const { throttle, published, advance } = setup();
    throttle.push(1);
    expect(published).toEqual([1]);
    throttle.push(2);
    throttle.push(3);
    throttle.push(4);
    expect(published).toEqual([1]);
    expect(throttle.pending()).toEqual({ value: 4 });
    advance(100);
    expect(published).toEqual([1, 4]);
    expect(throttle.pending()).toBeNull();
  });

  it('never sends more than one value per interval, however many are pushed', () => {
    const { throttle, published, advance } = setup(100);
    for (let step = 0; step < 1_000; step += 1) {
      throttle.push(step);
      advance(1);
    }
    advance(100);
    // One second of pushes every millisecond: at most 10 per second, plus the trailing one.
    expect(published.length).toBeLessThanOrEqual(11);
    expect(published.at(-1)).toBe(999);
  });

  it('skips a value equal to the last published one (a remote change echoing the caret)', () => {
    const { throttle, published, advance } = setup();
    throttle.push(7);
    advance(1_000);
    throttle.push(7);
    throttle.push(7);
    advance(1_000);
    expect(published).toEqual([7]);
  });

  it('drops a waiting value when the caret comes back to where the others see it', () => {
    const { throttle, published, advance, pendingTimers } = setup();
    throttle.push(1);
    throttle.push(2);
    throttle.push(1);
    expect(throttle.pending()).toBeNull();
    expect(pendingTimers()).toBe(0);
    advance(1_000);
    expect(published).toEqual([1]);
  });

  it('publishes at once again after a quiet interval, and cancel drops what waits', () => {
    const { throttle, published, advance } = setup();
    throttle.push(1);
    advance(250);
    throttle.push(2);
    expect(published).toEqual([1, 2]);
    throttle.push(3);
    throttle.cancel();
    advance(1_000);
    expect(published).toEqual([1, 2]);
  });
});
