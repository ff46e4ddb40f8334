/**
 * Tunables of the collaboration server. Production uses the defaults; tests pass small
 * values (short grace periods, tiny caps) so every limit can be exercised quickly.
 */
import { EDITOR_ROOT_TYPES } from '../../shared/editor/schema';

/** Every knob of the collab server, in one place so limits are visible and testable. */
export interface CollabOptions {
  /** Largest accepted WebSocket message; a bigger one closes the connection with 4413. */
  maxMessageBytes: number;
  /** Cap on a document's encoded state (estimated, see `docSize.ts`); deletions always pass. */
  maxDocBytes: number;
  /** Formatting-only changes (marks) may take a document this far over `maxDocBytes`. */
  formattingGraceBytes: number;
  /** Top-level shared types clients may write into; anything else closes with 4400. */
  allowedRootTypes: readonly string[];
  /**
   * Token bucket per connection over every message except awareness: sustained messages per
   * second … (a connection over it is closed with 4429; a typist sends ~10–30 updates/s).
   */
  messagesPerSecond: number;
  /** … and the burst allowed on top of it. */
  messageBurst: number;
  /**
   * Awareness frames one connection may have processed per second, and the burst on top.
   * Excess frames are dropped, never punished; the newest one is kept and processed as soon as
   * the budget allows, so the last caret position always arrives.
   */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Awareness changes are relayed at most once per this window, one frame per peer. */
  awarenessWindowMs: number;
  /** Sync step 1 answers (whole-document diffs) per connection: burst, then at most this rate; */
  syncStep1Burst: number;
  /** … later requests wait and are answered together (see `syncStep1Limiter.ts`). */
  syncStep1PerSecond: number;
  /** Bytes queued for one slow client before it is dropped with 1013 (it resyncs on reconnect). */
  maxBufferedBytes: number;
  maxConnectionsPerDocument: number;
  maxConnectionsPerUser: number;
  /** Pending updates of a document are appended to its log after at most this delay. */
  flushDelayMs: number;
  /** … or as soon as this many are pending. */
  flushMaxBatch: number;
  /** The log is compacted into one snapshot once it holds this many updates. */
  compactAfterUpdates: number;
  /**
   * A log found that long at load is compacted this long after the load: after the first
   * clients' answers, not in the same event-loop turns (docs/PERFORMANCE.md, (c)).
   */
  loadedLogCompactDelayMs: number;
  /** How long a document stays loaded after its last client left. */
  unloadGraceMs: number;
  /** Derived fields (plain text, outline, …) are written this long after the last change. */
  derivedDebounceMs: number;
  /** How often open connections re-check role, account and document (one query set per doc). */
  accessRecheckMs: number;
  /** WebSocket ping interval; a connection that missed a pong is terminated. */
  pingIntervalMs: number;
  /** Graceful close waits at most this long for clients to acknowledge the close frame. */
  closeTimeoutMs: number;
  /**
   * Other server processes append to the same update logs (scale-out, `REDIS_URL`): a
   * compaction first applies what storage holds, so its snapshot contains every entry it
   * deletes, including ones whose relay has not arrived yet (docs/SCALING.md).
   */
  isLogShared: boolean;
}

/** Production defaults (sized for the benchmark: 500 clients on one document). */
export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  maxMessageBytes: 1024 * 1024,
  maxDocBytes: 10 * 1024 * 1024,
  formattingGraceBytes: 64 * 1024,
  allowedRootTypes: EDITOR_ROOT_TYPES,
  messagesPerSecond: 200,
  messageBurst: 500,
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  awarenessWindowMs: 50,
  syncStep1Burst: 4,
  syncStep1PerSecond: 1,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxConnectionsPerDocument: 1000,
  maxConnectionsPerUser: 50,
  flushDelayMs: 5,
  flushMaxBatch: 200,
  compactAfterUpdates: 500,
  loadedLogCompactDelayMs: 250,
  unloadGraceMs: 10_000,
  derivedDebounceMs: 2_000,
  accessRecheckMs: 2_000,
  pingIntervalMs: 30_000,
  closeTimeoutMs: 1_000,
  isLogShared: false,
};

/** Fills in defaults for the knobs a caller did not set. */
export function resolveCollabOptions(overrides: Partial<CollabOptions> = {}): CollabOptions {
  return { ...DEFAULT_COLLAB_OPTIONS, ...overrides };
}
