/**
 * Limits of the Socket.IO endpoint, in one place so they are visible and testable (like the
 * collab server's `CollabOptions`). Production uses the defaults; the per-user connection cap
 * is settable from the environment (`REALTIME_MAX_CONNECTIONS_PER_USER`).
 */

/** Every limit of `/socket.io`. */
export interface RealtimeOptions {
  /** Open Socket.IO connections of one account (all tabs); more are refused at handshake. */
  maxConnectionsPerUser: number;
  /** Token bucket per socket: sustained requests per second … */
  requestsPerSecond: number;
  /** … and the burst allowed on top of it (a dashboard subscribing to every workspace). */
  requestBurst: number;
  /** Requests of one socket being served at once; more are answered `rate_limited`. */
  maxRequestsInFlight: number;
  /** Documents one socket may hold open: bounds the memory one client can pin. */
  maxOpenDocumentsPerSocket: number;
}

/**
 * Production defaults. A page sends a handful of requests when it loads (one
 * `workspace:subscribe` per workspace on the dashboard, one `presence:open` per editor), so
 * the burst and the in-flight cap leave room for a person in many workspaces while a flood
 * is refused after a few dozen requests.
 */
export const DEFAULT_REALTIME_OPTIONS: RealtimeOptions = {
  maxConnectionsPerUser: 20,
  requestsPerSecond: 20,
  requestBurst: 100,
  maxRequestsInFlight: 32,
  maxOpenDocumentsPerSocket: 64,
};

/** Fills in defaults for the limits a caller did not set. */
export function resolveRealtimeOptions(overrides: Partial<RealtimeOptions> = {}): RealtimeOptions {
  return { ...DEFAULT_REALTIME_OPTIONS, ...overrides };
}
