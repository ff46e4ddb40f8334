/**
 * The throttle of `doc:stored` (`server/realtime/storedNotices.ts`) on a fake clock: the first
 * write of a window is announced at once, the writes after it in the same window are merged
 * into one notice with the newest state, sent when the window ends, and unloading a document
 * sends its pending notice at once. The live document and the rooms are reduced to what the
 * notices read (the document's id and stored state vector) and where they go (the document's
 * room); over a real server: docStored.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { LiveDoc } from '../../server/collab/liveDoc';
import type { Broadcaster } from '../../server/realtime/broadcaster';
import { createStoredNotices } from '../../server/realtime/storedNotices';
import type { RealtimeSocket } from '../../server/realtime/types';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import type { DocStored } from '../../shared/realtime/events';

const WINDOW_MS = 250;

let dataDir: string;
let storage: Storage;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-stored-notices-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The base64 state vector of a document one client wrote `clock` changes to. */
const vectorOf = (clock: number): Uint8Array => Y.encodeStateVector(new Map([[1, clock]]));
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A live document as the notices read it, whose stored clock the test moves. */
function liveDocument(documentId: string) {
  let clock = 0;
  const doc = {
    documentId,
    persistence: { storedStateVector: () => vectorOf(clock) },
  } as unknown as LiveDoc;
  return {
    doc,
    /** Storage now holds `to` changes. */
    stored(to: number) {
      clock = to;
    },
  };
}

/** The notices with a recording of what went to each document's room. */
function notices(liveDocs: LiveDoc[] = [], rooms: { isAlone?: boolean; openHere?: string[] } = {}) {
  const sent: Array<{ room: string; notice: DocStored }> = [];
  const broadcaster = {
    hasLocalDocumentSockets: (documentId: string) => rooms.openHere?.includes(documentId),
    toDocument: (documentId: string) => ({
      emit: (event: string, notice: DocStored) => {
        expect(event).toBe('doc:stored');
        sent.push({ room: documentId, notice });
      },
    }),
  } as unknown as Broadcaster;
  const built = createStoredNotices({
    broadcaster,
    storage,
    liveDoc: (documentId) => liveDocs.find((doc) => doc.documentId === documentId),
    intervalMs: WINDOW_MS,
    ...(rooms.isAlone === undefined ? {} : { isAlone: rooms.isAlone }),
  });
  return {
    ...built,
    sent,
    /** The clocks the notices sent so far announced, in order. */
    clocks: () =>
      sent.map(({ notice }) =>
        Y.decodeStateVector(Buffer.from(notice.stateVector, 'base64')).get(1),
      ),
  };
}

describe('doc:stored notices', () => {
  it('announce the first write at once and merge the rest of its window into one notice with the newest state', () => {
    const { doc, stored } = liveDocument('d-1');
    const { hook, sent, clocks } = notices();
    expect(hook.name).toBe('stored-notices');
    stored(1);
    hook.onStore!({ doc, count: 1 });
    expect(sent).toEqual([
      { room: 'd-1', notice: { documentId: 'd-1', stateVector: base64(vectorOf(1)) } },
    ]);
    vi.advanceTimersByTime(100);
    stored(2);
    hook.onStore!({ doc, count: 1 });
    stored(3);
    hook.onStore!({ doc, count: 1 });
    vi.advanceTimersByTime(WINDOW_MS - 100 - 1);
    expect(clocks()).toEqual([1]);
    vi.advanceTimersByTime(1);
    // Encoded when sent: the one notice for writes 2 and 3 carries 3.
    expect(clocks()).toEqual([1, 3]);
    vi.advanceTimersByTime(10 * WINDOW_MS);
    expect(clocks()).toEqual([1, 3]);
  });

  it('announce a write at once when the window since the last notice has just ended', () => {
    const { doc, stored } = liveDocument('d-1');
    const { hook, clocks } = notices();
    stored(1);
    hook.onStore!({ doc, count: 1 });
    vi.advanceTimersByTime(WINDOW_MS);
    stored(2);
    hook.onStore!({ doc, count: 1 });
    expect(clocks()).toEqual([1, 2]);
  });

  it('skip a document no socket here has open when this process is alone, never with others', () => {
    const openHere = liveDocument('d-open');
    const closed = liveDocument('d-closed');
    const alone = notices([], { isAlone: true, openHere: ['d-open'] });
    alone.hook.onStore!({ doc: openHere.doc, count: 1 });
    alone.hook.onStore!({ doc: closed.doc, count: 1 });
    expect(alone.sent.map(({ room }) => room)).toEqual(['d-open']);
    // Other processes (Redis) may have sockets in the room: every notice goes out.
    const shared = notices([], { isAlone: false, openHere: ['d-open'] });
    shared.hook.onStore!({ doc: openHere.doc, count: 1 });
    shared.hook.onStore!({ doc: closed.doc, count: 1 });
    expect(shared.sent.map(({ room }) => room)).toEqual(['d-open', 'd-closed']);
  });

  it('keep one window per document', () => {
    const first = liveDocument('d-1');
    const second = liveDocument('d-2');
    const { hook, sent } = notices();
    hook.onStore!({ doc: first.doc, count: 1 });
    hook.onStore!({ doc: second.doc, count: 1 });
    expect(sent.map(({ room }) => room)).toEqual(['d-1', 'd-2']);
  });

  it('send a pending notice at once when the document unloads, and nothing later; a reload starts afresh', async () => {
    const { doc, stored } = liveDocument('d-1');
    const { hook, clocks } = notices();
    stored(1);
    hook.onStore!({ doc, count: 1 });
    vi.advanceTimersByTime(10);
    stored(2);
    hook.onStore!({ doc, count: 1 });
    await hook.onUnload!({ doc });
    expect(clocks()).toEqual([1, 2]);
    vi.advanceTimersByTime(10 * WINDOW_MS);
    expect(clocks()).toEqual([1, 2]);
    // Loaded again within what was the window: its first write is announced at once.
    stored(3);
    hook.onStore!({ doc, count: 1 });
    expect(clocks()).toEqual([1, 2, 3]);
  });

  it('send nothing on unload when no notice is pending, or for a document never stored', async () => {
    const { doc } = liveDocument('d-1');
    const { hook, sent } = notices();
    await hook.onUnload!({ doc });
    hook.onStore!({ doc, count: 1 });
    await hook.onUnload!({ doc });
    vi.advanceTimersByTime(10 * WINDOW_MS);
    expect(sent).toHaveLength(1);
  });

  it('answer a socket that opens a live document with what its persistence knows is stored', async () => {
    const { doc, stored } = liveDocument('d-live');
    stored(4);
    const { sendTo } = notices([doc]);
    const received: Array<{ event: string; notice: DocStored }> = [];
    const socket = {
      emit: (event: string, notice: DocStored) => received.push({ event, notice }),
    } as unknown as RealtimeSocket;
    await sendTo(socket, 'd-live');
    expect(received).toEqual([
      { event: 'doc:stored', notice: { documentId: 'd-live', stateVector: base64(vectorOf(4)) } },
    ]);
  });
});
