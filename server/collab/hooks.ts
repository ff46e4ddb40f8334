/**
 * The collab server's extension points: an ordered list of small hooks (as Hocuspocus
 * extensions), each a named object implementing only the stages it cares about. Access,
 * persistence and derived data are hooks (`defaultHooks.ts`); broadcast, size accounting and
 * connection caps are the core and always run. The runner calls hooks in list order, catches
 * and logs (structured, with the hook's name) every hook failure, and never lets one failing
 * hook stop the next one. See docs/COLLAB.md, "Hooks".
 */
import type { IncomingMessage } from 'node:http';
import { CLOSE_CODES } from '../../shared/closeCodes';
import type { Logger } from '../logger';
import type { AuthResult, ConnectionGrant } from './authenticate';
import type { LiveDoc } from './liveDoc';

/**
 * Where a change to a live document came from:
 * - `peer`: a client connection on this process;
 * - `server`: this process itself (`CollabServer.change`, templates, restores, comment marks);
 * - `relay`: another server process, which has already stored it (future scale-out): it is
 *   broadcast to local peers but neither appended to storage again nor used for derived data;
 * - `load`: the stored state being applied while the document is built; nothing to do.
 */
export type ChangeOrigin = 'peer' | 'server' | 'relay' | 'load';

/** Origins a caller of `CollabServer.change` may choose (`peer` and `load` are the core's). */
export type ServerChangeOrigin = Extract<ChangeOrigin, 'server' | 'relay'>;

/** Given to `onAuthenticate`: the upgrade request, and the grant earlier hooks produced. */
export interface AuthenticatePayload {
  request: IncomingMessage;
  /** Null until a hook has authenticated the connection. */
  grant: ConnectionGrant | null;
}

/** What `onAuthenticate` answers: a grant, a refusal, or `null` for "no opinion". */
export type AuthenticateOutcome = AuthResult | null;

/** Given to `onLoad`, `onUnload`. */
export interface DocPayload {
  doc: LiveDoc;
}

/** Given to `onChange`: one applied update (what Yjs emitted for one transaction). */
export interface ChangePayload {
  doc: LiveDoc;
  update: Uint8Array;
  origin: ChangeOrigin;
  /** The account whose connection sent it (`origin === 'peer'`), else null. */
  userId: string | null;
}

/** Given to `onStore`: a batch of updates reached the document's log in storage. */
export interface StorePayload {
  doc: LiveDoc;
  /** How many updates the batch held (0: a compaction stored changes not yet appended). */
  count: number;
}

/** One concern of the collab server. Every stage is optional. */
export interface CollabHook {
  /** Shown in logs when the hook fails. */
  readonly name: string;
  /**
   * Before the WebSocket upgrade completes. The first hook to answer a grant authenticates;
   * any hook may then refuse (with a close code from `shared/closeCodes.ts`). A throw refuses
   * with 1011.
   */
  onAuthenticate?(payload: AuthenticatePayload): Promise<AuthenticateOutcome>;
  /** The document was loaded from storage and is about to be served. Awaited in order. */
  onLoad?(payload: DocPayload): Promise<void> | void;
  /**
   * A change was applied. Runs synchronously on the message path: it must not await, do I/O
   * directly or log per call; queue work instead (as persistence and derived data do).
   */
  onChange?(payload: ChangePayload): void;
  /** Updates were appended to storage (after the write succeeded; failures are retried by the core). */
  onStore?(payload: StorePayload): void;
  /** The document is unloading: write what is pending. Awaited in order; the Y.Doc is freed after. */
  onUnload?(payload: DocPayload): Promise<void> | void;
}

/** Runs each stage of an ordered hook list. */
export interface HookRunner {
  authenticate(request: IncomingMessage): Promise<AuthResult>;
  load(payload: DocPayload): Promise<void>;
  /** Hot path: a plain loop over the hooks that have `onChange`, no allocation beyond the payload. */
  change(payload: ChangePayload): void;
  store(payload: StorePayload): void;
  unload(payload: DocPayload): Promise<void>;
}

/** Standard close code for a server-side failure. */
const INTERNAL_ERROR = 1011;
/** A hook failing on every change logs at most once per this window (per hook and stage). */
const FAILURE_LOG_INTERVAL_MS = 10_000;

type Stage = 'authenticate' | 'load' | 'change' | 'store' | 'unload';

/** Builds the runner of `hooks`, in that order. */
export function createHookRunner(input: {
  hooks: readonly CollabHook[];
  logger: Logger;
}): HookRunner {
  const { hooks, logger } = input;
  // Pre-filtered once, so the hot path never tests for missing stages.
  const changeHooks = hooks.filter((hook) => hook.onChange);
  const storeHooks = hooks.filter((hook) => hook.onStore);
  const lastLoggedAt = new Map<string, { at: number; suppressed: number }>();

  const reportFailure = (
    hook: CollabHook,
    stage: Stage,
    error: unknown,
    documentId?: string,
  ): void => {
    const key = `${hook.name}:${stage}`;
    const now = Date.now();
    const last = lastLoggedAt.get(key);
    if (last && now - last.at < FAILURE_LOG_INTERVAL_MS) {
      last.suppressed += 1;
      return;
    }
    lastLoggedAt.set(key, { at: now, suppressed: 0 });
    logger.error(
      { err: error, hook: hook.name, stage, documentId, suppressed: last?.suppressed ?? 0 },
      'collab hook failed',
    );
  };

  /** Awaits each hook's `stage` in order; a failure is logged and the next hook still runs. */
  const runInOrder = async (
    stage: 'load' | 'unload',
    payload: DocPayload,
    pick: (hook: CollabHook) => ((payload: DocPayload) => Promise<void> | void) | undefined,
  ): Promise<void> => {
    for (const hook of hooks) {
      const run = pick(hook);
      if (!run) continue;
      try {
        await run.call(hook, payload);
      } catch (error) {
        reportFailure(hook, stage, error, payload.doc.documentId);
      }
    }
  };

  return {
    async authenticate(request) {
      let grant: ConnectionGrant | null = null;
      for (const hook of hooks) {
        if (!hook.onAuthenticate) continue;
        let outcome: AuthenticateOutcome;
        try {
          outcome = await hook.onAuthenticate({ request, grant });
        } catch (error) {
          reportFailure(hook, 'authenticate', error);
          return { isAllowed: false, code: INTERNAL_ERROR, reason: 'internal error' };
        }
        if (!outcome) continue;
        if (!outcome.isAllowed) return outcome;
        grant = outcome.grant;
      }
      // No hook vouched for the connection (a server built without the access hook): refuse.
      if (!grant)
        return { isAllowed: false, code: CLOSE_CODES.unauthenticated, reason: 'not authenticated' };
      return { isAllowed: true, grant };
    },
    load: (payload) => runInOrder('load', payload, (hook) => hook.onLoad),
    change(payload) {
      for (const hook of changeHooks) {
        try {
          hook.onChange!(payload);
        } catch (error) {
          reportFailure(hook, 'change', error, payload.doc.documentId);
        }
      }
    },
    store(payload) {
      for (const hook of storeHooks) {
        try {
          hook.onStore!(payload);
        } catch (error) {
          reportFailure(hook, 'store', error, payload.doc.documentId);
        }
      }
    },
    unload: (payload) => runInOrder('unload', payload, (hook) => hook.onUnload),
  };
}
