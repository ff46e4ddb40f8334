import { describe, expect, it } from 'vitest';
import { createPresenceTracker } from '../../server/realtime/presenceTracker';

const ada = { id: 'u1', name: 'Ada' };
const bo = { id: 'u2', name: 'Bo' };

describe('presence tracker', () => {
  it('lists distinct people per document, sorted by name', () => {
    const tracker = createPresenceTracker();
    expect(tracker.open({ socketId: 's2', workspaceId: 'w', documentId: 'd', user: bo })).toBe(
      true,
    );
    expect(tracker.open({ socketId: 's1', workspaceId: 'w', documentId: 'd', user: ada })).toBe(
      true,
    );
    // A second tab of Ada changes nothing visible.
    expect(tracker.open({ socketId: 's3', workspaceId: 'w', documentId: 'd', user: ada })).toBe(
      false,
    );
    expect(tracker.open({ socketId: 's3', workspaceId: 'w', documentId: 'd', user: ada })).toBe(
      false,
    );
    expect(tracker.usersOf({ documentId: 'd' })).toEqual([ada, bo]);
  });

  it('keeps someone listed while another of their tabs has the document open', () => {
    const tracker = createPresenceTracker();
    tracker.open({ socketId: 's1', workspaceId: 'w', documentId: 'd', user: ada });
    tracker.open({ socketId: 's2', workspaceId: 'w', documentId: 'd', user: ada });
    expect(tracker.close({ socketId: 's1', documentId: 'd' })).toBeNull();
    expect(tracker.usersOf({ documentId: 'd' })).toEqual([ada]);
    expect(tracker.close({ socketId: 's2', documentId: 'd' })).toEqual({
      workspaceId: 'w',
      documentId: 'd',
    });
    expect(tracker.usersOf({ documentId: 'd' })).toEqual([]);
    expect(tracker.close({ socketId: 's2', documentId: 'd' })).toBeNull();
  });

  it('tells which workspace a document open on a socket belongs to, per socket', () => {
    const tracker = createPresenceTracker();
    tracker.open({ socketId: 's1', workspaceId: 'w', documentId: 'd', user: ada });
    expect(tracker.workspaceOf({ socketId: 's1', documentId: 'd' })).toBe('w');
    expect(tracker.workspaceOf({ socketId: 's2', documentId: 'd' })).toBeNull();
    expect(tracker.workspaceOf({ socketId: 's1', documentId: 'other' })).toBeNull();
    tracker.close({ socketId: 's1', documentId: 'd' });
    expect(tracker.workspaceOf({ socketId: 's1', documentId: 'd' })).toBeNull();
  });

  it('forgets every document of a disconnected socket', () => {
    const tracker = createPresenceTracker();
    tracker.open({ socketId: 's1', workspaceId: 'w1', documentId: 'a', user: ada });
    tracker.open({ socketId: 's1', workspaceId: 'w2', documentId: 'b', user: ada });
    tracker.open({ socketId: 's2', workspaceId: 'w1', documentId: 'a', user: bo });
    expect(tracker.countForSocket({ socketId: 's1' })).toBe(2);
    const changes = tracker.removeSocket({ socketId: 's1' });
    expect(changes).toEqual([
      { workspaceId: 'w1', documentId: 'a' },
      { workspaceId: 'w2', documentId: 'b' },
    ]);
    expect(tracker.countForSocket({ socketId: 's1' })).toBe(0);
    expect(tracker.snapshotOf({ workspaceId: 'w1' })).toEqual({ a: [bo] });
    expect(tracker.snapshotOf({ workspaceId: 'w2' })).toEqual({});
    expect(tracker.removeSocket({ socketId: 's1' })).toEqual([]);
  });

  it('keeps two trackers independent', () => {
    const first = createPresenceTracker();
    const second = createPresenceTracker();
    first.open({ socketId: 's1', workspaceId: 'w', documentId: 'd', user: ada });
    expect(second.usersOf({ documentId: 'd' })).toEqual([]);
  });
});
