/**
 * A token bucket per connection: `ratePerSecond` sustained, `burst` at once. Refilled lazily
 * on each take, so it costs no timer and one `performance.now()` per message.
 */

/** Per-connection message budget; `take()` is false once the client is over it. */
export interface TokenBucket {
  take(): boolean;
}

export function createTokenBucket(input: {
  ratePerSecond: number;
  burst: number;
  now?: () => number;
}): TokenBucket {
  const now = input.now ?? (() => performance.now());
  let tokens = input.burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(input.burst, tokens + ((at - refilledAt) / 1000) * input.ratePerSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
