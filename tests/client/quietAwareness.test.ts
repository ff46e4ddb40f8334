/**
 * Quiet carets (issue 9): the caret goes out only when its relative positions change, at most
 * ten times a second, and the provider sends only this client's own awareness state, never an
 * echo of the states it receives. The provider talks to a real WebSocket server here.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ThrottleClock } from '../../client/src/editor/latestValueThrottle';
import {
  CURSOR_FIELD,
  isSameCaret,
  quietCaretAwareness,
  sendOwnAwarenessOnly,
} from '../../client/src/editor/quietAwareness';

const MESSAGE_AWARENESS = 1;

/** A clock whose timers run only when the test says so. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, () => void>();
  let nextId = 1;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (run) => {
      timers.set(nextId, run);
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
  };
  const runTimers = (elapsedMs: number) => {
    now += elapsedMs;
    const due = [...timers.values()];
    timers.clear();
    for (const run of due) run();
  };
  return { clock, runTimers };
}

function caretAt(text: Y.Text, anchor: number, head = anchor) {
  return {
    anchor: Y.createRelativePositionFromTypeIndex(text, anchor),
    head: Y.createRelativePositionFromTypeIndex(text, head),
  };
}

describe('isSameCaret', () => {
  it('compares relative positions, also after a JSON round trip', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Bologna and Stuttgart');
    const caret = caretAt(text, 3);
    const viaJson: unknown = JSON.parse(JSON.stringify(caret));
    expect(isSameCaret(caret, caretAt(text, 3))).toBe(true);
    expect(isSameCaret(caret, viaJson)).toBe(true);
    expect(isSameCaret(caret, caretAt(text, 4))).toBe(false);
    expect(isSameCaret(caret, caretAt(text, 3, 5))).toBe(false);
    expect(isSameCaret(null, null)).toBe(true);
    expect(isSameCaret(caret, null)).toBe(false);
  });

  it('keeps a caret equal after remote text is inserted before it (peers resolve it)', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Stuttgart');
    const before = caretAt(text, 4);
    text.insert(0, 'Bologna, ');
    expect(isSameCaret(before, caretAt(text, 4 + 'Bologna, '.length))).toBe(true);
  });
});

describe('quietCaretAwareness', () => {
  it('publishes a changed caret at most once per 100 ms and never an unchanged one', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Notes from the review meeting');
    const awareness = new awarenessProtocol.Awareness(doc);
    const { clock, runTimers } = manualClock();
    const quiet = quietCaretAwareness(awareness, clock);
    let sent = 0;
    awareness.on('update', () => (sent += 1));

    quiet.awareness.setLocalStateField('user', { name: 'Ana' });
    expect(sent).toBe(1);
    quiet.awareness.setLocalStateField(CURSOR_FIELD, caretAt(text, 1));
    expect(sent).toBe(2);
    for (let index = 2; index < 20; index += 1) {
      quiet.awareness.setLocalStateField(CURSOR_FIELD, caretAt(text, index));
    }
    // Waiting, not sent; but the plugin sees what it asked for last.
    expect(sent).toBe(2);
    expect(isSameCaret(quiet.awareness.getLocalState()?.[CURSOR_FIELD], caretAt(text, 19))).toBe(
      true,
    );
    runTimers(100);
    expect(sent).toBe(3);
    expect(isSameCaret(awareness.getLocalState()?.[CURSOR_FIELD], caretAt(text, 19))).toBe(true);

    // y-tiptap forces the same caret again after every remote change: nothing goes out.
    for (let echo = 0; echo < 50; echo += 1) {
      quiet.awareness.setLocalStateField(CURSOR_FIELD, caretAt(text, 19));
      runTimers(100);
    }
    expect(sent).toBe(3);
    quiet.dispose();
    awareness.destroy();
  });
});

describe('sendOwnAwarenessOnly', () => {
  let server: WebSocketServer | undefined;
  let provider: WebsocketProvider | undefined;
  afterEach(() => {
    provider?.destroy();
    server?.close();
  });

  it('does not send the states of other people back to the server', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server?.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const received: { clientId: number; state: string }[] = [];
    const connected = new Promise<WebSocket>((resolve) =>
      server?.once('connection', (socket) => {
        socket.on('message', (data: Buffer) => {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
          const update = decoding.readVarUint8Array(decoder);
          const clients = decoding.createDecoder(update);
          const count = decoding.readVarUint(clients);
          for (let index = 0; index < count; index += 1) {
            const clientId = decoding.readVarUint(clients);
            decoding.readVarUint(clients);
            received.push({ clientId, state: decoding.readVarString(clients) });
          }
        });
        resolve(socket);
      }),
    );

    const doc = new Y.Doc();
    provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'room', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const stop = sendOwnAwarenessOnly(provider);
    const socket = await connected;
    provider.awareness.setLocalStateField('user', { name: 'Ana' });

    // Ten other people move their carets; the server relays their states to this client.
    const others = Array.from({ length: 10 }, () => new awarenessProtocol.Awareness(new Y.Doc()));
    for (const [index, other] of others.entries()) {
      other.setLocalStateField('cursor', { index });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]),
      );
      socket.send(encoding.toUint8Array(encoder));
    }
    await expect.poll(() => provider?.awareness.getStates().size).toBe(11);
    provider.awareness.setLocalStateField('user', { name: 'Ana A.' });
    await expect.poll(() => received.some(({ state }) => state.includes('Ana A.'))).toBe(true);

    // Only our own state ever went out, none of the ten others.
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter(({ clientId }) => clientId !== doc.clientID)).toEqual([]);
    stop();
    for (const other of others) other.destroy();
  });
});
