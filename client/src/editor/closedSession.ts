/**
 * What the editor does when the collaboration server ends or refuses the session: each close
 * code gets its own sentence (a full server or a too-large change is not reported as lost
 * access), and a decision. The editor itself always stays on screen with the person's text;
 * only whether it reconnects by itself, stays writable, or waits for the person differs.
 */
import { CLOSE_CODES } from '../../../shared/closeCodes';

/** What the person can do about a closed session. */
export type ClosedSessionAction = 'retry' | 'signIn' | 'none';

/** The i18n key of the sentence, and what happens next. */
export interface ClosedSessionMessage {
  key: string;
  /**
   * A passing condition (busy server): the editor keeps accepting edits (they stay in the
   * browser, as when offline) and reconnects by itself after a pause.
   */
  retriesByItself: boolean;
  /** The button the banner offers: "Try again", "Sign in again", or none. */
  action: ClosedSessionAction;
}

/** Maps a close code of the collab socket (or a refused token, as its code) to the decision. */
export function closedSessionMessage(code: number): ClosedSessionMessage {
  switch (code) {
    case CLOSE_CODES.unauthenticated:
      return { key: 'editor.closedSignedOut', retriesByItself: false, action: 'signIn' };
    case CLOSE_CODES.notFound:
      return { key: 'common.notFoundError', retriesByItself: false, action: 'none' };
    case CLOSE_CODES.forbidden:
      return { key: 'editor.accessLost', retriesByItself: false, action: 'none' };
    case CLOSE_CODES.tooLarge:
      // Trying again resends the same change; it helps once others made the document smaller.
      return { key: 'editor.closedTooLarge', retriesByItself: false, action: 'retry' };
    case CLOSE_CODES.rateLimited:
      return { key: 'editor.closedTooBusy', retriesByItself: true, action: 'none' };
    default:
      return { key: 'editor.closedOther', retriesByItself: false, action: 'retry' };
  }
}

/** The close code that stands for a refused collab-token request (HTTP status), if final. */
export function closeCodeForRefusedToken(status: number): number | null {
  if (status === 401) return CLOSE_CODES.unauthenticated;
  if (status === 403) return CLOSE_CODES.forbidden;
  if (status === 404) return CLOSE_CODES.notFound;
  return null;
}

/** First pause before reconnecting after a busy refusal. */
export const FIRST_RECONNECT_DELAY_MS = 1_000;
/** Longest pause between two reconnects, so the editor is back soon after the rush. */
export const MAX_RECONNECT_DELAY_MS = 20_000;

/**
 * How long to wait before reconnecting after `refusals` busy refusals in a row: doubling from
 * one second up to twenty, each shortened by a random part of up to half, so editors refused
 * together do not all come back in the same instant.
 */
export function reconnectDelayMs(refusals: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RECONNECT_DELAY_MS, FIRST_RECONNECT_DELAY_MS * 2 ** refusals);
  return Math.round(ceiling * (1 - random() / 2));
}
