/**
 * Publishes the newest of a stream of values at most once per interval, and never a value
 * equal to the one last published. The editor's caret goes through it, so a person's caret
 * costs the collaboration server a few frames per second at most, however fast they type
 * or however many others are typing.
 */

/** The timer functions the throttle uses (injectable, so tests drive time by hand). */
export interface ThrottleClock {
  now: () => number;
  setTimeout: (run: () => void, delayMs: number) => number;
  clearTimeout: (timer: number) => void;
}

/** A running throttle. */
export interface LatestValueThrottle<T> {
  /** Offers a new value: published now, later (the newest one wins), or never if unchanged. */
  push: (value: T) => void;
  /** The value waiting for the interval to pass, if any. */
  pending: () => { value: T } | null;
  /** Drops the waiting value and stops the timer (when the editor goes away). */
  cancel: () => void;
}

const browserClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => window.setTimeout(run, delayMs),
  clearTimeout: (timer) => window.clearTimeout(timer),
};

/** Leading edge at once, then the newest value once per `intervalMs`. */
export function createLatestValueThrottle<T>(input: {
  intervalMs: number;
  isEqual: (a: T, b: T) => boolean;
  publish: (value: T) => void;
  clock?: ThrottleClock;
}): LatestValueThrottle<T> {
  const { intervalMs, isEqual, publish, clock = browserClock } = input;
  let lastPublished: { value: T } | null = null;
  let lastPublishedAt = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: number | null = null;

  const publishNow = (value: T) => {
    lastPublished = { value };
    lastPublishedAt = clock.now();
    publish(value);
  };
  const stopTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const fire = () => {
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    publishNow(value);
  };

  return {
    push(value) {
      if (lastPublished && isEqual(lastPublished.value, value)) {
        // Back where the others already see us: nothing to send, not even the waiting value.
        waiting = null;
        stopTimer();
        return;
      }
      const waitMs = lastPublishedAt + intervalMs - clock.now();
      if (waitMs <= 0 && timer === null) {
        publishNow(value);
        return;
      }
      waiting = { value };
      timer ??= clock.setTimeout(fire, Math.max(0, waitMs));
    },
    pending: () => waiting,
    cancel() {
      waiting = null;
      stopTimer();
    },
  };
}
