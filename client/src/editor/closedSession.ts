/**
 * What the editor says when the collaboration server ends the session for good: each close
 * code gets its own sentence, so a full server or a too-large change is not reported as lost
 * access, and whether trying again can help.
 */
import { CLOSE_CODES } from '../../../shared/closeCodes';

/** The i18n key of the sentence and whether a "Try again" button makes sense. */
export interface ClosedSessionMessage {
  key: string;
  canRetry: boolean;
}

/** Maps a terminal close code of the collab socket to what the person is told. */
export function closedSessionMessage(code: number): ClosedSessionMessage {
  switch (code) {
    case CLOSE_CODES.notFound:
      return { key: 'common.notFoundError', canRetry: false };
    case CLOSE_CODES.forbidden:
      return { key: 'editor.accessLost', canRetry: false };
    case CLOSE_CODES.tooLarge:
      // Retrying would resend the same change from the local copy; reloading does not help.
      return { key: 'editor.closedTooLarge', canRetry: false };
    case CLOSE_CODES.rateLimited:
      return { key: 'editor.closedTooBusy', canRetry: true };
    default:
      return { key: 'editor.closedOther', canRetry: true };
  }
}
