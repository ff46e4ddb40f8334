/**
 * Paces the answers to one connection's sync step 1 requests. A step 1 is six bytes, but its
 * answer is everything the client lacks, up to the whole document: 400 requests for a large
 * document made 90 MB of output and stalled the server. A client needs at most one answer per
 * request it makes on connect and per `resyncInterval` of the stock provider, so: a few
 * answers at once, then at most `ratePerSecond`. A request over that budget is not refused
 * but deferred: the newest one waiting is answered as soon as the budget allows, and older
 * waiting ones are dropped (its answer covers theirs: the socket is ordered and every change
 * since reached the client as a broadcast). No legitimate resync is lost, none is repeated.
 */
import { createTokenBucket } from './rateLimit';

/** Per-connection pacing of sync step 1 answers. */
export interface SyncStep1Limiter {
  /** Answers `stateVector` now, or later if over budget (replacing any request still waiting). */
  request(stateVector: Uint8Array): void;
  /** Drops a waiting request and its timer (the connection closed). */
  dispose(): void;
}

/** Builds the pacing of one connection (see the module comment). */
export function createSyncStep1Limiter(input: {
  burst: number;
  ratePerSecond: number;
  /** Sends the step 2 answer for `stateVector`. */
  answer: (stateVector: Uint8Array) => void;
  /** The bucket's clock in milliseconds (default `performance.now()`); tests inject one. */
  now?: () => number;
}): SyncStep1Limiter {
  const bucket = createTokenBucket({
    ratePerSecond: input.ratePerSecond,
    burst: input.burst,
    now: input.now,
  });
  const retryMs = Math.ceil(1000 / input.ratePerSecond);
  let waiting: Uint8Array | null = null;
  let timer: NodeJS.Timeout | null = null;

  const answerWaiting = (): void => {
    timer = null;
    // Stryker disable next-line ConditionalExpression: equivalent, unreachable: a timer runs only while a request waits (answering it or dispose ends the timer)
    if (!waiting) return;
    if (!bucket.take()) {
      timer = setTimeout(answerWaiting, retryMs);
      return;
    }
    const stateVector = waiting;
    waiting = null;
    input.answer(stateVector);
  };

  return {
    request(stateVector) {
      if (!waiting && bucket.take()) {
        input.answer(stateVector);
        return;
      }
      waiting = stateVector;
      timer ??= setTimeout(answerWaiting, retryMs);
    },
    dispose() {
      waiting = null;
      // Stryker disable next-line ConditionalExpression: equivalent, clearing no timer is a no-op
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
