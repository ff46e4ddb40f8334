/**
 * Who may say what in a document's awareness (presence: names, carets). Awareness is a map
 * `clientId → state` that any client of the protocol can write; without this gate a viewer
 * could announce itself as someone else, overwrite or delete another person's caret, or flood
 * everyone with thousands of fake presences (issue 8.3). The rules:
 *
 * - A client id belongs to the account that first spoke for it, for as long as the document is
 *   loaded. Among that account's connections the newest one speaking for it holds it (a
 *   reconnecting browser keeps its client id: its new connection takes over from the stale
 *   one). Another account can neither update nor delete (`null`) it.
 * - A connection speaks for at most `MAX_CLIENT_IDS_PER_CONNECTION` client ids.
 * - A state is at most `MAX_AWARENESS_STATE_BYTES`.
 * - `user.id` and `user.name` are set from the account; other fields of `user` are kept, except
 *   a `color` that is not a hex colour (editors write it into a style attribute).
 *
 * Entries that break a rule are dropped, never relayed, and counted for a debug log line; the
 * connection stays open (a well-formed frame is not an attack on the server).
 */
import * as encoding from 'lib0/encoding';
import type { AwarenessEntry } from './protocol';

/** Largest awareness state accepted (a caret with a name and colour is ~300 bytes). */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;
/** Client ids one connection may speak for (a browser tab uses one). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;
/**
 * Former owners remembered per document after their connection left, so a stranger cannot grab
 * a client id while its browser reconnects. Bounded so reconnect churn cannot grow it forever.
 */
const MAX_REMEMBERED_OWNERS = 10_000;
/** `#rgb`, `#rrggbb` and their alpha forms: what the editor's palette uses. */
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** What the gate needs from a connection. */
export interface AwarenessSpeaker {
  readonly userId: string;
  /** The account's display name, written into `user.name`. */
  readonly userName: string;
  /** Client ids this connection holds; their states are removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

/** Why an awareness entry was dropped (the keys of the debug log line). */
export type AwarenessDropReason =
  'foreignClientId' | 'tooManyClientIds' | 'stateTooLarge' | 'serverClientId';

/** The part of a frame the gate let through, and counts of what it dropped. */
export interface AwarenessAdmission {
  /** Accepted entries re-encoded as an awareness update, or null when none were accepted. */
  update: Uint8Array | null;
  dropped: Partial<Record<AwarenessDropReason, number>>;
}

/** Per-document ownership of awareness client ids. */
export interface AwarenessGate {
  /** Filters and rewrites the entries `speaker` sent, claiming the client ids it may. */
  admit(speaker: AwarenessSpeaker, entries: readonly AwarenessEntry[]): AwarenessAdmission;
  /** `speaker` left: returns the client ids it still held (their states should be removed). */
  release(speaker: AwarenessSpeaker): number[];
}

interface Owner {
  userId: string;
  /** The connection holding the id now; null once it left. */
  speaker: AwarenessSpeaker | null;
}

/** `serverClientId` is the document's own awareness id, which no client may speak for. */
export function createAwarenessGate(input: { serverClientId: number }): AwarenessGate {
  const owners = new Map<number, Owner>();

  /** Why `speaker` may not speak for `clientId`, or null when it may (claiming it if new). */
  const claim = (speaker: AwarenessSpeaker, clientId: number): AwarenessDropReason | null => {
    if (speaker.awarenessIds.has(clientId)) return null;
    if (clientId === input.serverClientId) return 'serverClientId';
    const owner = owners.get(clientId);
    if (owner && owner.userId !== speaker.userId) return 'foreignClientId';
    if (speaker.awarenessIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) return 'tooManyClientIds';
    owner?.speaker?.awarenessIds.delete(clientId);
    owners.delete(clientId); // re-inserted last: the oldest entries are forgotten first
    owners.set(clientId, { userId: speaker.userId, speaker });
    speaker.awarenessIds.add(clientId);
    forgetOldOwners();
    return null;
  };

  const forgetOldOwners = (): void => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a shortcut: the loop checks the same bound before deleting anything
    if (owners.size <= MAX_REMEMBERED_OWNERS) return;
    for (const [clientId, owner] of owners) {
      if (owners.size <= MAX_REMEMBERED_OWNERS) return;
      if (!owner.speaker) owners.delete(clientId);
    }
  };

  return {
    admit(speaker, entries) {
      const dropped: Partial<Record<AwarenessDropReason, number>> = {};
      const drop = (reason: AwarenessDropReason): void => {
        dropped[reason] = (dropped[reason] ?? 0) + 1;
      };
      const accepted: Array<{ entry: AwarenessEntry; json: string }> = [];
      for (const entry of entries) {
        if (entry.stateBytes > MAX_AWARENESS_STATE_BYTES) {
          drop('stateTooLarge');
          continue;
        }
        const refusal = claim(speaker, entry.clientId);
        if (refusal) {
          drop(refusal);
          continue;
        }
        const state = entry.state === null ? null : withAccount(entry.state, speaker);
        accepted.push({ entry, json: JSON.stringify(state) });
      }
      if (accepted.length === 0) return { update: null, dropped };
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, accepted.length);
      for (const { entry, json } of accepted) {
        encoding.writeVarUint(encoder, entry.clientId);
        encoding.writeVarUint(encoder, entry.clock);
        encoding.writeVarString(encoder, json);
      }
      return { update: encoding.toUint8Array(encoder), dropped };
    },
    release(speaker) {
      const held = [...speaker.awarenessIds];
      for (const clientId of held) {
        const owner = owners.get(clientId);
        // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, a connection holds only ids it owns (claim moves them) and owners with a connection are never forgotten
        if (owner?.speaker === speaker) owner.speaker = null;
      }
      speaker.awarenessIds.clear();
      return held;
    },
  };
}

/** The state with `user.id`/`user.name` from the account and an unsafe `user.color` removed. */
function withAccount(
  state: Record<string, unknown>,
  speaker: AwarenessSpeaker,
): Record<string, unknown> {
  const sent = state['user'];
  const user: Record<string, unknown> =
    typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? { ...sent } : {};
  if (typeof user['color'] !== 'string' || !HEX_COLOR.test(user['color'])) delete user['color'];
  return { ...state, user: { ...user, id: speaker.userId, name: speaker.userName } };
}
