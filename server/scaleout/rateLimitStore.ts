/**
 * The HTTP rate limits (sign-in attempts per IP, creations per account) counted in Redis, so a
 * limit holds over every process rather than once per process. An `express-rate-limit` store:
 * one key per limiter and client (`clip:rl:<limiter>:<key>`), incremented atomically, expiring
 * with its window. While Redis is unreachable the limiters let requests through
 * (`passOnStoreError`), logged by express-rate-limit.
 */
import type { Options, Store } from 'express-rate-limit';
import type { RedisLink } from './redis';

/** Builds the store of one limiter (`name` keeps the limiters' counts apart). */
export type RateLimitStoreFactory = (name: string) => Store;

/** KEYS[1] the counter; ARGV[1] window ms. Returns [hits, ms left in the window]. */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

/** Stores of every limiter, on `link`. */
export function createRedisRateLimitStores(link: RedisLink): RateLimitStoreFactory {
  return (name) => {
    let windowMs = 60_000;
    const keyOf = (key: string): string => `clip:rl:${name}:${key}`;
    return {
      localKeys: false,
      prefix: `clip:rl:${name}:`,
      init(options: Options) {
        windowMs = options.windowMs;
      },
      async increment(key) {
        const [hits, msLeft] = (await link.pub.eval(INCREMENT_SCRIPT, 1, keyOf(key), windowMs)) as [
          number,
          number,
        ];
        return { totalHits: hits, resetTime: new Date(Date.now() + Math.max(0, msLeft)) };
      },
      async decrement(key) {
        await link.pub.decr(keyOf(key));
      },
      async resetKey(key) {
        await link.pub.del(keyOf(key));
      },
    };
  };
}
