/**
 * Short-lived signed tokens that let a WebSocket join `/collab/<documentId>`.
 * Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256(payload)). Stateless on
 * purpose: the collab endpoint verifies it without a storage round trip, then re-checks
 * the role and the account periodically while the connection is open.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CollabTokenClaims {
  /** User id. */
  userId: string;
  documentId: string;
  canWrite: boolean;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
  /**
   * The sign-in session the token was issued under (its stored id, a hash: not a credential).
   * When present, the connection lives only as long as that session: signing out, a password
   * change ending other sessions, or deactivation close it. Absent for server-minted tokens.
   */
  sessionId: string | null;
}

interface WirePayload {
  u: string;
  d: string;
  w: 0 | 1;
  e: number;
  s?: string;
}

/** Derives a dedicated key so the session secret itself never signs anything directly. */
function signingKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('clip-collab-token-v1').digest();
}

/** Issues a token valid for `ttlSeconds` from `now`. */
export function signCollabToken(options: {
  secret: string;
  userId: string;
  documentId: string;
  canWrite: boolean;
  ttlSeconds: number;
  sessionId?: string | null;
  now?: Date;
}): { token: string; claims: CollabTokenClaims } {
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const payload: WirePayload = {
    u: options.userId,
    d: options.documentId,
    w: options.canWrite ? 1 : 0,
    e: nowSeconds + options.ttlSeconds,
    ...(options.sessionId ? { s: options.sessionId } : {}),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', signingKey(options.secret)).update(body).digest('base64url');
  return {
    token: `${body}.${mac}`,
    claims: {
      userId: payload.u,
      documentId: payload.d,
      canWrite: options.canWrite,
      expiresAt: payload.e,
      sessionId: payload.s ?? null,
    },
  };
}

export type CollabTokenResult =
  | { isValid: true; claims: CollabTokenClaims }
  | { isValid: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Verifies signature and expiry. Never throws on hostile input. */
export function verifyCollabToken(options: {
  secret: string;
  token: string;
  now?: Date;
}): CollabTokenResult {
  const parts = options.token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || options.token.length > 2048) {
    return { isValid: false, reason: 'malformed' };
  }
  const [body, mac] = parts as [string, string];
  const expected = createHmac('sha256', signingKey(options.secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { isValid: false, reason: 'bad_signature' };
  }
  let payload: Partial<WirePayload>;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<WirePayload>;
  } catch {
    return { isValid: false, reason: 'malformed' };
  }
  if (
    typeof payload.u !== 'string' ||
    typeof payload.d !== 'string' ||
    (payload.w !== 0 && payload.w !== 1) ||
    typeof payload.e !== 'number' ||
    (payload.s !== undefined && typeof payload.s !== 'string')
  ) {
    return { isValid: false, reason: 'malformed' };
  }
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (payload.e <= nowSeconds) return { isValid: false, reason: 'expired' };
  return {
    isValid: true,
    claims: {
      userId: payload.u,
      documentId: payload.d,
      canWrite: payload.w === 1,
      expiresAt: payload.e,
      sessionId: payload.s ?? null,
    },
  };
}
