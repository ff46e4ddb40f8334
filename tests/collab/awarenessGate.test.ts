/**
 * The awareness gate's rules one by one (server/collab/awarenessGate.ts), reading what it lets
 * through with the server's own decoder: the state size cap at its boundary, identity and
 * colour rewriting, who holds a client id after connections leave, and the bounded memory of
 * former owners.
 */
import { describe, expect, it } from 'vitest';
import {
  createAwarenessGate,
  MAX_AWARENESS_STATE_BYTES,
  type AwarenessSpeaker,
} from '../../server/collab/awarenessGate';
import { decodeAwarenessUpdate, type AwarenessEntry } from '../../server/collab/protocol';

function speaker(userId: string): AwarenessSpeaker {
  return { userId, userName: `name of ${userId}`, awarenessIds: new Set() };
}

function entry(
  clientId: number,
  state: Record<string, unknown> | null = {},
  stateBytes = 10,
): AwarenessEntry {
  return { clientId, clock: 3, state, stateBytes };
}

/** What the gate relays for one entry: its decoded state, or 'dropped'. */
function relayed(
  gate: ReturnType<typeof createAwarenessGate>,
  who: AwarenessSpeaker,
  sent: AwarenessEntry,
): AwarenessEntry['state'] | 'dropped' {
  const { update } = gate.admit(who, [sent]);
  if (!update) return 'dropped';
  const [decoded] = decodeAwarenessUpdate(update);
  expect(decoded).toMatchObject({ clientId: sent.clientId, clock: sent.clock });
  return decoded!.state;
}

describe('awareness gate', () => {
  it('relays a state up to the size cap and drops a larger one', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const ana = speaker('ana');
    expect(relayed(gate, ana, entry(5, {}, MAX_AWARENESS_STATE_BYTES))).not.toBe('dropped');
    expect(gate.admit(ana, [entry(5, {}, MAX_AWARENESS_STATE_BYTES + 1)])).toEqual({
      update: null,
      dropped: { stateTooLarge: 1 },
    });
  });

  it('relays a removal (null state) as a removal', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const ana = speaker('ana');
    expect(relayed(gate, ana, entry(5, null))).toBeNull();
  });

  it('writes the account into user, whatever was sent as user', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const ana = speaker('ana');
    const account = { id: 'ana', name: 'name of ana' };
    for (const user of [undefined, null, 'Bob', ['Bob'], 42]) {
      expect(relayed(gate, ana, entry(5, { user, cursor: 1 }))).toEqual({
        user: account,
        cursor: 1,
      });
    }
    expect(relayed(gate, ana, entry(5, { user: { id: 'bob', name: 'Bob', role: 'x' } }))).toEqual({
      user: { ...account, role: 'x' },
    });
  });

  it('keeps a hex colour and removes anything else a style attribute could be fed', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const ana = speaker('ana');
    const colourOf = (color: unknown) => {
      const state = relayed(gate, ana, entry(5, { user: { color } }));
      return state === 'dropped' ? state : (state?.user as { color?: unknown }).color;
    };
    for (const color of ['#abc', '#ABCD', '#0f766e', '#0f766e80'])
      expect(colourOf(color)).toBe(color);
    for (const color of [
      'red',
      '#ab',
      '#abcde',
      '#0f766e8',
      'x#0f766e',
      '#0f766e;background:url(x)',
      '#0f766e\n',
      // Not a string, though it would read as one: a regex test turns it into '#abc'.
      ['#abc'],
      123,
      null,
    ]) {
      expect({ color, kept: colourOf(color) }).toEqual({ color, kept: undefined });
    }
  });

  it('frees an id only from the connection that holds it when another one leaves', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const stale = speaker('ana');
    const live = speaker('ana');
    expect(relayed(gate, stale, entry(7))).not.toBe('dropped');
    expect(relayed(gate, live, entry(7))).not.toBe('dropped');
    expect(stale.awarenessIds.has(7)).toBe(false);
    // The stale connection leaving does not take the live one's id away…
    gate.release(stale);
    expect(relayed(gate, live, entry(7))).not.toBe('dropped');
    expect(live.awarenessIds.has(7)).toBe(true);
    // …and once the live one left too, the account's next connection takes it back.
    expect(gate.release(live)).toEqual([7]);
    expect(live.awarenessIds.size).toBe(0);
    const next = speaker('ana');
    expect(relayed(gate, next, entry(7))).not.toBe('dropped');
    expect(gate.admit(speaker('mallory'), [entry(7)]).dropped).toEqual({ foreignClientId: 1 });
  });

  it('forgets the oldest former owners beyond 10,000, never a connected one', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const connected = speaker('connected');
    gate.admit(connected, [entry(2)]);
    for (let clientId = 10; clientId < 10 + 9_999; clientId++) {
      const gone = speaker(`gone-${clientId}`);
      gate.admit(gone, [entry(clientId)]);
      gate.release(gone);
    }
    const mallory = speaker('mallory');
    // 10,000 remembered: nothing forgotten yet.
    expect(gate.admit(mallory, [entry(10)]).dropped).toEqual({ foreignClientId: 1 });
    gate.admit(speaker('newcomer'), [entry(50_000)]);
    // One over: the oldest former owner was forgotten, the next oldest was not.
    expect(gate.admit(speaker('eve'), [entry(11)]).dropped).toEqual({ foreignClientId: 1 });
    expect(gate.admit(mallory, [entry(10)]).dropped).toEqual({});
    // The connected owner, older than all of them, is never forgotten.
    expect(gate.admit(speaker('eve'), [entry(2)]).dropped).toEqual({ foreignClientId: 1 });
  });
});
