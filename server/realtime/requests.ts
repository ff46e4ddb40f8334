/**
 * The one way a client→server request is handled, for every feature (presence now; comments,
 * reviews and notifications later): rate limit → validate → (answer from memory) → re-check
 * the session → run → acknowledge. Every request is answered exactly once with an `AckResult`;
 * nothing a client sends can crash the server or leave a request unanswered.
 *
 * The limits are per socket, like the collab endpoint's: a token bucket (the collab server's
 * own `createTokenBucket`) and a cap on requests being served at once, so one client can
 * neither queue unbounded work nor starve the event loop for everyone else.
 */
import type { z } from 'zod';
import type {
  Ack,
  AckResult,
  ClientToServerEvents,
  RealtimeErrorCode,
} from '../../shared/realtime/events';
import { resolveSessionUser } from '../auth/sessions';
import { createTokenBucket } from '../collab/rateLimit';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import type { RealtimeOptions } from './options';
import type { RealtimeSocket } from './types';

const MESSAGES: Record<RealtimeErrorCode, string> = {
  validation_failed: 'The request is malformed.',
  unauthenticated: 'Your session has ended; sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  rate_limited: 'Too many requests; slow down.',
  internal_error: 'Something went wrong on the server.',
};

/** A refused request's answer, with the code's standard message unless one is given. */
export function refusal(code: RealtimeErrorCode, message: string = MESSAGES[code]): AckResult {
  return { ok: false, error: { code, message } };
}

/** How one event is served. */
export interface RequestSpec<S extends z.ZodType> {
  schema: S;
  /**
   * Whether the request grants access (joins a room). Such requests first re-resolve the
   * session cookie, so signing out, a revoked session or a deactivated account takes effect
   * on an open socket at its next request; the socket is then disconnected.
   */
  isGranting: boolean;
  /**
   * Answers from memory when there is nothing to do (e.g. opening a document the socket
   * already has open), so repeating a request costs no storage read. Returns null otherwise.
   */
  answerFromMemory?: (payload: z.infer<S>) => AckResult | null;
  run: (payload: z.infer<S>) => Promise<AckResult>;
}

/** Registers the events of one socket; all of them share its rate limit and in-flight cap. */
export interface SocketRequests {
  on<S extends z.ZodType>(event: keyof ClientToServerEvents, spec: RequestSpec<S>): void;
}

/** Builds the request handling of one freshly authenticated socket (call once per socket). */
export function createSocketRequests(input: {
  socket: RealtimeSocket;
  storage: Storage;
  logger: Logger;
  options: Pick<RealtimeOptions, 'requestsPerSecond' | 'requestBurst' | 'maxRequestsInFlight'>;
}): SocketRequests {
  const { socket, storage, logger, options } = input;
  const { user } = socket.data;
  const bucket = createTokenBucket({
    ratePerSecond: options.requestsPerSecond,
    burst: options.requestBurst,
  });
  /** Requests accepted but not yet answered (waiting in `queue` or running). */
  let inFlight = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** The fresh account also refreshes the name shown in presence lists. */
  const isSessionAlive = async (): Promise<boolean> => {
    const current = await resolveSessionUser({
      storage,
      cookieHeader: socket.handshake.headers.cookie,
    });
    if (!current || current.id !== user.id) return false;
    user.name = current.name;
    user.isAdmin = current.role === 'admin';
    return true;
  };

  const serve = async <S extends z.ZodType>(
    spec: RequestSpec<S>,
    payload: z.infer<S>,
  ): Promise<AckResult> => {
    if (spec.isGranting && !(await isSessionAlive())) {
      setImmediate(() => socket.disconnect(true));
      return refusal('unauthenticated');
    }
    return spec.run(payload);
  };

  return {
    on(event, spec) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
        // Counted before anything else, so even malformed requests spend the budget.
        if (!bucket.take()) {
          reply(refusal('rate_limited'));
          return;
        }
        const parsed = spec.schema.safeParse(payload);
        if (!parsed.success) {
          reply(refusal('validation_failed'));
          return;
        }
        if (inFlight >= options.maxRequestsInFlight) {
          reply(refusal('rate_limited', 'Too many requests at once; wait for the answers.'));
          return;
        }
        inFlight += 1;
        // One socket's requests take effect in the order they were sent: an open, close, open
        // (a React effect mounting twice) must end open, even when the first open waits on
        // storage and the second could be answered from memory.
        queue = queue
          .then(() => spec.answerFromMemory?.(parsed.data) ?? serve(spec, parsed.data))
          .catch((error: unknown) => {
            logger.error({ err: error, event, userId: user.id }, 'realtime handler failed');
            return refusal('internal_error');
          })
          .then((result) => {
            inFlight -= 1;
            reply(result);
          });
      });
    },
  };
}
