/**
 * The awareness budget of one connection. Awareness is chatty by nature (a caret moves on
 * every keystroke, and many editors re-announce it on every remote change), so awareness
 * frames are kept out of the message budget that closes a connection: a busy meeting must not
 * look like an attack (issue 9). Frames within `ratePerSecond`/`burst` are handed on at once;
 * beyond that they are dropped, except the newest, which is handed on as soon as the budget
 * allows, so the last caret position always arrives. Frames over `maxFrameBytes` are dropped
 * without being decoded (no client sends more than a few small states).
 */
import { createTokenBucket } from './rateLimit';

/** Largest awareness frame decoded at all: room for a few capped states. */
export const MAX_AWARENESS_FRAME_BYTES = 64 * 1024;

/** Per-connection intake of awareness frames. */
export interface AwarenessInbox {
  receive(frame: Uint8Array): void;
  /** Forgets a deferred frame and stops its timer (the connection closed). */
  dispose(): void;
}

/** Why a frame never reached `deliver`. */
export type AwarenessInboxDrop = 'frameTooLarge' | 'overBudget';

export function createAwarenessInbox(input: {
  ratePerSecond: number;
  burst: number;
  /** Decodes and applies one frame (errors are the caller's: it closes the connection). */
  deliver: (frame: Uint8Array) => void;
  onDropped: (reason: AwarenessInboxDrop) => void;
}): AwarenessInbox {
  const bucket = createTokenBucket({ ratePerSecond: input.ratePerSecond, burst: input.burst });
  const retryMs = Math.ceil(1000 / input.ratePerSecond);
  let deferred: Uint8Array | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const retry = (): void => {
    timer = null;
    if (!deferred) return;
    if (!bucket.take()) {
      timer = setTimeout(retry, retryMs);
      return;
    }
    const frame = deferred;
    deferred = null;
    input.deliver(frame);
  };

  return {
    receive(frame) {
      if (frame.byteLength > MAX_AWARENESS_FRAME_BYTES) {
        input.onDropped('frameTooLarge');
        return;
      }
      if (bucket.take()) {
        // A newer frame supersedes a deferred one.
        if (deferred) input.onDropped('overBudget');
        deferred = null;
        input.deliver(frame);
        return;
      }
      if (deferred) input.onDropped('overBudget');
      deferred = frame;
      timer ??= setTimeout(retry, retryMs);
    },
    dispose() {
      deferred = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
