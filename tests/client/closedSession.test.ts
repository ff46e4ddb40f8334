/**
 * Each close code of the collab socket gets its own message and decision: a busy server is
 * retried by itself with backoff (edits kept), signed-out asks to sign in, lost access and a
 * missing document offer nothing, a too-large change and other refusals offer "Try again".
 */
import { describe, expect, it } from 'vitest';
import {
  closeCodeForRefusedToken,
  closedSessionMessage,
  MAX_RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from '../../client/src/editor/closedSession';
import { CLOSE_CODES } from '../../shared/closeCodes';

describe('closedSessionMessage', () => {
  it('reports lost access only for 4403 and a missing document for 4404, with no button', () => {
    expect(closedSessionMessage(CLOSE_CODES.forbidden)).toEqual({
      key: 'editor.accessLost',
      retriesByItself: false,
      action: 'none',
    });
    expect(closedSessionMessage(CLOSE_CODES.notFound)).toEqual({
      key: 'common.notFoundError',
      retriesByItself: false,
      action: 'none',
    });
  });

  it('reconnects by itself after a busy refusal (4429), with no button', () => {
    expect(closedSessionMessage(CLOSE_CODES.rateLimited)).toEqual({
      key: 'editor.closedTooBusy',
      retriesByItself: true,
      action: 'none',
    });
  });

  it('asks the person for the cases only they can resolve', () => {
    expect(closedSessionMessage(CLOSE_CODES.unauthenticated)).toEqual({
      key: 'editor.closedSignedOut',
      retriesByItself: false,
      action: 'signIn',
    });
    expect(closedSessionMessage(CLOSE_CODES.tooLarge)).toEqual({
      key: 'editor.closedTooLarge',
      retriesByItself: false,
      action: 'retry',
    });
    expect(closedSessionMessage(CLOSE_CODES.badMessage)).toEqual({
      key: 'editor.closedOther',
      retriesByItself: false,
      action: 'retry',
    });
  });
});

describe('closeCodeForRefusedToken', () => {
  it('turns a final refusal of the collab token into its close code, not a passing error', () => {
    expect(closeCodeForRefusedToken(401)).toBe(CLOSE_CODES.unauthenticated);
    expect(closeCodeForRefusedToken(403)).toBe(CLOSE_CODES.forbidden);
    expect(closeCodeForRefusedToken(404)).toBe(CLOSE_CODES.notFound);
    expect(closeCodeForRefusedToken(0)).toBeNull();
    expect(closeCodeForRefusedToken(503)).toBeNull();
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second and stops growing at the ceiling', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10].map((refusals) => reconnectDelayMs(refusals, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000,
    ]);
  });

  it('shortens each pause by up to half at random, so refused editors spread out', () => {
    expect(reconnectDelayMs(2, () => 0.999_999)).toBe(2_000);
    expect(reconnectDelayMs(2, () => 0.5)).toBe(3_000);
    for (let refusals = 0; refusals < 50; refusals += 1) {
      const delay = reconnectDelayMs(refusals);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
    }
  });
});
