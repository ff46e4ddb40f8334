/**
 * One timer for the awareness of every open document. y-protocols' `Awareness` starts its own
 * `setInterval` (every 3 s) per instance, to drop remote states not renewed for 30 s
 * (`outdatedTimeout`): with 1,000 open documents, 1,000 timers waking 333 times a second,
 * nearly always to find nothing. The collab server stops each document's own timer
 * (`detachAwarenessTimer`) and runs one sweep over every live document at the same period,
 * with the same rule and the same `'timeout'` origin (the server never sets a local state, so
 * the timer's other job, renewing it, does not apply).
 */
import * as awarenessProtocol from 'y-protocols/awareness';

/** How often the sweep runs: y-protocols' own period. */
export const AWARENESS_SWEEP_MS = Math.floor(awarenessProtocol.outdatedTimeout / 10);

/** Stops the per-instance timer; the server's sweep takes over (call right after construction). */
export function detachAwarenessTimer(awareness: awarenessProtocol.Awareness): void {
  clearInterval(awareness._checkInterval as NodeJS.Timeout);
}

/** Removes the remote states of `awareness` not renewed for `outdatedTimeout`, as y-protocols does. */
export function sweepOutdatedAwareness(awareness: awarenessProtocol.Awareness, now: number): void {
  if (awareness.states.size === 0) return;
  const outdated: number[] = [];
  awareness.meta.forEach((meta, clientId) => {
    const isOutdated = awarenessProtocol.outdatedTimeout <= now - meta.lastUpdated;
    if (clientId !== awareness.clientID && isOutdated && awareness.states.has(clientId)) {
      outdated.push(clientId);
    }
  });
  if (outdated.length > 0) awarenessProtocol.removeAwarenessStates(awareness, outdated, 'timeout');
}
