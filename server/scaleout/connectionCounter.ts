/**
 * Open connections per account, for the caps on collab connections and Socket.IO sockets
 * (`COLLAB_MAX_CONNECTIONS_PER_USER`, `REALTIME_MAX_CONNECTIONS_PER_USER`). One process counts
 * in memory; several processes (`REDIS_URL`) count in Redis, so a cap holds over all of them.
 *
 * In Redis each process keeps its own hash (`clip:conn:<processId>`: `<kind>:<userId>` → open
 * connections) that expires unless the process keeps refreshing it, so the slots of a process
 * that died free themselves within `PROCESS_TTL_MS`. Admission sums the user's field over the
 * live processes and takes a slot in one Lua script (atomic). While Redis is unreachable
 * admission fails open (the cap is a guard against runaway clients, not a security boundary),
 * and says so in the log.
 */
import type { Logger } from '../logger';
import type { RedisLink } from './redis';

/** Which cap a connection counts against. */
export type ConnectionKind = 'collab' | 'realtime';

/** Counts open connections per account and kind. */
export interface ConnectionCounter {
  /** Takes a slot unless `userId` already has `max` open connections of `kind` (on every process). */
  tryAcquire(input: { kind: ConnectionKind; userId: string; max: number }): Promise<boolean>;
  /** Gives back a slot taken by `tryAcquire`. Never throws. */
  release(input: { kind: ConnectionKind; userId: string }): void;
  close(): Promise<void>;
}

/** The one-process counter. */
export function createMemoryConnectionCounter(): ConnectionCounter {
  const counts = new Map<string, number>();
  return {
    async tryAcquire({ kind, userId, max }) {
      const key = `${kind}:${userId}`;
      const count = counts.get(key) ?? 0;
      if (count >= max) return false;
      counts.set(key, count + 1);
      return true;
    },
    release({ kind, userId }) {
      const key = `${kind}:${userId}`;
      const left = (counts.get(key) ?? 1) - 1;
      if (left > 0) counts.set(key, left);
      else counts.delete(key);
    },
    async close() {},
  };
}

const PROCESSES_KEY = 'clip:conn:processes';
const processKey = (processId: string): string => `clip:conn:${processId}`;
/** A process's counts vanish this long after its last refresh (it died). */
const PROCESS_TTL_MS = 15_000;
const REFRESH_MS = 5_000;
const FAILURE_LOG_INTERVAL_MS = 10_000;

/**
 * KEYS[1] the set of process ids; ARGV: field, max, this process id, ttl ms.
 * Sums the field over live processes (forgetting dead ones); takes a slot when under max.
 */
const ACQUIRE_SCRIPT = `
local total = 0
for _, pid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = 'clip:conn:' .. pid
  if redis.call('EXISTS', key) == 0 and pid ~= ARGV[3] then
    redis.call('SREM', KEYS[1], pid)
  else
    total = total + tonumber(redis.call('HGET', key, ARGV[1]) or '0')
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
local own = 'clip:conn:' .. ARGV[3]
redis.call('SADD', KEYS[1], ARGV[3])
redis.call('HINCRBY', own, ARGV[1], 1)
redis.call('PEXPIRE', own, ARGV[4])
return 1
`;

/** KEYS[1] this process's hash; ARGV[1] field. Never goes below zero. */
const RELEASE_SCRIPT = `
local left = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') - 1
if left > 0 then redis.call('HSET', KEYS[1], ARGV[1], left) else redis.call('HDEL', KEYS[1], ARGV[1]) end
return left
`;

/** The counter shared by every process through `link`. */
export function createRedisConnectionCounter(input: {
  link: RedisLink;
  logger: Logger;
}): ConnectionCounter {
  const { link, logger } = input;
  const own = processKey(link.processId);
  let lastFailureLogAt = -Infinity;
  const logFailure = (error: unknown, message: string): void => {
    const now = Date.now();
    if (now - lastFailureLogAt < FAILURE_LOG_INTERVAL_MS) return;
    lastFailureLogAt = now;
    logger.warn({ err: error }, message);
  };

  const refresh = setInterval(() => {
    link.pub.pexpire(own, PROCESS_TTL_MS).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref();

  return {
    async tryAcquire({ kind, userId, max }) {
      try {
        const taken = await link.pub.eval(
          ACQUIRE_SCRIPT,
          1,
          PROCESSES_KEY,
          `${kind}:${userId}`,
          max,
          link.processId,
          PROCESS_TTL_MS,
        );
        return taken === 1;
      } catch (error) {
        logFailure(error, 'connection cap unavailable (redis); admitting without it');
        return true;
      }
    },
    release({ kind, userId }) {
      link.pub.eval(RELEASE_SCRIPT, 1, own, `${kind}:${userId}`).catch((error: unknown) => {
        logFailure(error, 'could not release a connection slot (redis)');
      });
    },
    async close() {
      clearInterval(refresh);
      // A graceful stop gives its slots back at once rather than after the TTL.
      await link.pub.del(own).catch(() => undefined);
    },
  };
}
