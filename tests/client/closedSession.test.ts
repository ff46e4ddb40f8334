/** Each terminal close code of the collab socket gets its own message; only lost access says so. */
import { describe, expect, it } from 'vitest';
import { closedSessionMessage } from '../../client/src/editor/closedSession';
import { CLOSE_CODES } from '../../shared/closeCodes';

describe('closedSessionMessage', () => {
  it('reports lost access only for 4403 and a missing document for 4404', () => {
    expect(closedSessionMessage(CLOSE_CODES.forbidden)).toEqual({
      key: 'editor.accessLost',
      canRetry: false,
    });
    expect(closedSessionMessage(CLOSE_CODES.notFound).key).toBe('common.notFoundError');
  });

  it('offers a retry for a busy server and other refusals, not for a too-large change', () => {
    expect(closedSessionMessage(CLOSE_CODES.rateLimited)).toEqual({
      key: 'editor.closedTooBusy',
      canRetry: true,
    });
    expect(closedSessionMessage(CLOSE_CODES.badMessage)).toEqual({
      key: 'editor.closedOther',
      canRetry: true,
    });
    expect(closedSessionMessage(CLOSE_CODES.tooLarge)).toEqual({
      key: 'editor.closedTooLarge',
      canRetry: false,
    });
  });
});
