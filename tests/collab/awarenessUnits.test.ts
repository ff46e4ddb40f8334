/** Pure building blocks of the awareness path: the ownership gate and the per-connection inbox. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createAwarenessGate,
  MAX_CLIENT_IDS_PER_CONNECTION,
  type AwarenessSpeaker,
} from '../../server/collab/awarenessGate';
import { createAwarenessInbox } from '../../server/collab/awarenessInbox';
import type { AwarenessEntry } from '../../server/collab/protocol';

function speaker(userId: string): AwarenessSpeaker {
  return { userId, userName: `name of ${userId}`, awarenessIds: new Set() };
}

function entry(clientId: number, state: Record<string, unknown> | null = {}): AwarenessEntry {
  return { clientId, clock: 1, state, stateBytes: JSON.stringify(state).length };
}

describe('createAwarenessGate', () => {
  it("lets an account's newer connection take over its client id, never another account", () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const stale = speaker('ana');
    const live = speaker('ana');
    const stranger = speaker('mallory');
    expect(gate.admit(stale, [entry(7)]).update).not.toBeNull();
    expect(gate.admit(stranger, [entry(7, null)]).dropped).toEqual({ foreignClientId: 1 });
    expect(gate.admit(live, [entry(7)]).update).not.toBeNull();
    expect([...stale.awarenessIds, ...live.awarenessIds]).toEqual([7]);
    expect(live.awarenessIds.has(7)).toBe(true);
    // The id stays the account's after its connections left.
    expect(gate.release(live)).toEqual([7]);
    expect(gate.release(stale)).toEqual([]);
    expect(gate.admit(stranger, [entry(7)]).dropped).toEqual({ foreignClientId: 1 });
    expect(gate.admit(stranger, [entry(1)]).dropped).toEqual({ serverClientId: 1 });
  });

  it('caps ids per connection and rewrites identity', () => {
    const gate = createAwarenessGate({ serverClientId: 1 });
    const ana = speaker('ana');
    const ids = Array.from(
      { length: MAX_CLIENT_IDS_PER_CONNECTION + 3 },
      (_, index) => 100 + index,
    );
    const spoofed = { user: { id: 'bob', name: 'Bob', color: '#0f766e', extra: 1 }, cursor: null };
    const { dropped } = gate.admit(
      ana,
      ids.map((id) => entry(id, spoofed)),
    );
    expect(dropped).toEqual({ tooManyClientIds: 3 });
    expect(ana.awarenessIds.size).toBe(MAX_CLIENT_IDS_PER_CONNECTION);
    const { update } = gate.admit(ana, [entry(100, spoofed)]);
    const json = new TextDecoder().decode(update!);
    expect(json).toContain('"user":{"id":"ana","name":"name of ana","color":"#0f766e","extra":1}');
  });
});

describe('createAwarenessInbox', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers the burst, drops the excess and delivers the newest frame once the budget allows', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const delivered: number[] = [];
    const dropped: string[] = [];
    const inbox = createAwarenessInbox({
      ratePerSecond: 10,
      burst: 2,
      deliver: (frame) => delivered.push(frame[1]!),
      onDropped: (reason) => dropped.push(reason),
    });
    for (let index = 1; index <= 5; index++) inbox.receive(Uint8Array.of(1, index));
    inbox.receive(new Uint8Array(65 * 1024));
    expect(delivered).toEqual([1, 2]);
    expect(dropped).toEqual(['overBudget', 'overBudget', 'frameTooLarge']);
    vi.advanceTimersByTime(150);
    expect(delivered).toEqual([1, 2, 5]);
    inbox.dispose();
  });
});
