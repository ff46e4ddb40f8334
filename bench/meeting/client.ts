/**
 * One participant of the review meeting: a real `Y.Doc` on the stock y-websocket
 * `WebsocketProvider`, configured as the editor's session configures it (awareness on, stock
 * reconnect rules: no reconnect after a 44xx close), with BroadcastChannel off so every
 * byte goes through the server. Its socket counts every frame by kind. Typists type into
 * their own paragraph at the end of it; the others move their caret now and then; the caret
 * is published by `caret.ts`.
 *
 * The stock provider also sends back every remote awareness change it applies (its
 * awareness `update` handler ignores the origin); `relay: 'off'` models a client that
 * forwards only its own changes.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { fragmentHash, seededRandom, type ClientSpec } from '../client';
import { recordLatency, type Histogram } from '../histogram';
import { encodeMarker, nowMicros, scanMarkers } from '../markers';
import { createCaretPublisher, type CaretMode, type CaretPlace } from './caret';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_UPDATE = 2;

export type RelayMode = 'stock' | 'off';
export const RELAY_MODES: readonly RelayMode[] = ['stock', 'off'];

/** How every participant of one run behaves. */
export interface MeetingBehaviour {
  caret: CaretMode;
  relay: RelayMode;
  /** Keystrokes per second of each typist (one Yjs transaction each, as the editor makes). */
  charsPerSecond: number;
  /** A non-typist moves its caret once per this many ms. */
  moveEveryMs: number;
}

/** Frames one client sent and received, by kind. */
export interface FrameCounts {
  awarenessSent: number;
  awarenessReceived: number;
  updatesSent: number;
  updatesReceived: number;
}

/** One client's window: its frames and how long it was connected (rates are per connected second). */
export interface ClientWindow {
  counts: FrameCounts;
  connectedSeconds: number;
}

/**
 * Close code recorded when the provider itself dropped the socket because the server sent
 * nothing for 30 s (its watchdog); the provider then reconnects.
 */
export const SILENT_SERVER_CLOSE = 0;

/** A connection this client did not close itself: the code, and when (s after `start()`). */
export interface ClientClose {
  code: number;
  atSeconds: number;
}

/** A connected meeting participant. */
export interface MeetingClient {
  /** Resolves with the connect+sync time in ms. */
  connect(): Promise<number>;
  /** Zeroes the counters and starts typing (typists) or moving the caret (the others). */
  start(): void;
  /** Stops typing and moving; the counters since `start()`. */
  stop(): ClientWindow;
  /** Keystrokes typed while connected, since `start()`. */
  keystrokes(): number;
  /** Connections this client did not close itself (expected: none). */
  closes(): ClientClose[];
  /** Hash of the document while still connected, `null` once disconnected. */
  contentHash(): string | null;
  close(): void;
}

function zeroCounts(): FrameCounts {
  return { awarenessSent: 0, awarenessReceived: 0, updatesSent: 0, updatesReceived: 0 };
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return Array.isArray(data) ? Buffer.concat(data) : data;
}

/** `ws://host/collab/<doc>?token=…` as the provider's server URL, room and params. */
function providerAddress(url: string): {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
} {
  const parsed = new URL(url);
  const slash = parsed.pathname.lastIndexOf('/');
  return {
    serverUrl: `${parsed.protocol}//${parsed.host}${parsed.pathname.slice(0, slash)}`,
    room: parsed.pathname.slice(slash + 1),
    params: Object.fromEntries(parsed.searchParams),
  };
}

/** A `ws` WebSocket class whose instances report every frame they send and receive. */
function countingWebSocket(input: {
  onFrame: (direction: 'sent' | 'received', bytes: Uint8Array) => void;
}): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { perMessageDeflate: false });
      const send = this.send.bind(this);
      this.send = ((data: Uint8Array) => {
        input.onFrame('sent', data);
        send(data);
      }) as WebSocket['send'];
      this.on('message', (data: WebSocket.RawData) => input.onFrame('received', toBytes(data)));
    }
  };
}

/** Builds a participant; nothing is sent until `connect()`. */
export function createMeetingClient(input: {
  spec: ClientSpec;
  /** Position in the run (names the user and seeds its randomness). */
  index: number;
  behaviour: MeetingBehaviour;
  histogram: Histogram;
}): MeetingClient {
  const { spec, index, behaviour, histogram } = input;
  const writerId = spec.writerId;
  const random = seededRandom(index + 11);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  let counts = zeroCounts();
  let typed = 0;
  let isClosing = false;
  let timer: NodeJS.Timeout | null = null;
  const closes: ClientClose[] = [];
  let startedAt = performance.now();
  /** Connected time before the current connection, and when the current one began (or null). */
  let connectedMs = 0;
  let connectedSince: number | null = null;
  let ownText: Y.XmlText | null = null;
  let place: CaretPlace = { type: fragment, index: 0 };

  const onFrame = (direction: 'sent' | 'received', bytes: Uint8Array): void => {
    const isUpdate = bytes[0] === MESSAGE_SYNC && bytes[1] === SYNC_UPDATE;
    const isAwareness = bytes[0] === MESSAGE_AWARENESS;
    if (direction === 'sent') {
      if (isUpdate) counts.updatesSent += 1;
      if (isAwareness) counts.awarenessSent += 1;
      return;
    }
    if (isAwareness) counts.awarenessReceived += 1;
    if (!isUpdate) return;
    counts.updatesReceived += 1;
    const now = nowMicros();
    for (const marker of scanMarkers(bytes)) {
      if (marker.writerId !== writerId)
        recordLatency(histogram, (now - marker.sentAtMicros) / 1000);
    }
  };
  const address = providerAddress(spec.url);
  const provider = new WebsocketProvider(address.serverUrl, address.room, doc, {
    params: address.params,
    WebSocketPolyfill: countingWebSocket({ onFrame }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on('status', ({ status }: { status: string }) => {
    const now = performance.now();
    if (status === 'connected') connectedSince = now;
    if (status === 'disconnected' && connectedSince !== null) {
      connectedMs += now - Math.max(connectedSince, startedAt);
      connectedSince = null;
    }
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (isClosing) return;
    const atSeconds = (performance.now() - startedAt) / 1000;
    closes.push({ code: event?.code ?? SILENT_SERVER_CLOSE, atSeconds });
  });
  const { awareness } = provider;
  if (behaviour.relay === 'off') {
    const stockHandler = provider._awarenessUpdateHandler;
    awareness.off('update', stockHandler);
    awareness.on('update', (changes: unknown, origin: unknown) => {
      if (origin === 'local') stockHandler(changes, origin);
    });
  }
  const caret = createCaretPublisher({
    mode: behaviour.caret,
    doc,
    awareness,
    user: { name: `Bench user ${index}`, color: `hsl(${(index * 47) % 360} 70% 45%)` },
    caret: () => (ownText ? { type: ownText, index: ownText.length } : place),
  });

  const typeOneKey = (): void => {
    if (!ownText || !provider.wsconnected || writerId === null) return;
    ownText.insert(
      ownText.length,
      encodeMarker({ writerId, seq: typed, sentAtMicros: nowMicros() }),
    );
    typed += 1;
    caret.typed();
  };
  const moveCaret = (): void => {
    const texts = fragment
      .toArray()
      .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
      .filter((node): node is Y.XmlText => node instanceof Y.XmlText);
    const text = texts[Math.floor(random() * texts.length)];
    place = text
      ? { type: text, index: Math.floor(random() * (text.length + 1)) }
      : { type: fragment, index: 0 };
    caret.moved();
  };

  return {
    connect() {
      const startedAt = performance.now();
      return new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('sync timeout')), 60_000);
        provider.on('sync', (isSynced: boolean) => {
          if (!isSynced) return;
          clearTimeout(timeout);
          if (writerId !== null && !ownText) {
            // The typist's own paragraph, as Tiptap makes one: <paragraph><text/></paragraph>.
            const paragraph = new Y.XmlElement('paragraph');
            ownText = new Y.XmlText();
            paragraph.insert(0, [ownText]);
            fragment.push([paragraph]);
          }
          resolve(performance.now() - startedAt);
        });
        provider.on('connection-close', () => {
          if (!provider.synced) {
            reject(new Error(`closed before sync (${closes.map((c) => c.code).join(',')})`));
          }
        });
      });
    },
    start() {
      counts = zeroCounts();
      typed = 0;
      startedAt = performance.now();
      connectedMs = 0;
      const isTypist = writerId !== null;
      const intervalMs = isTypist ? 1000 / behaviour.charsPerSecond : behaviour.moveEveryMs;
      const tick = isTypist ? typeOneKey : moveCaret;
      // A random phase, so the participants do not act in the same millisecond.
      timer = setTimeout(() => {
        tick();
        timer = setInterval(tick, intervalMs);
      }, random() * intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      const now = performance.now();
      const current = connectedSince === null ? 0 : now - Math.max(connectedSince, startedAt);
      return { counts: { ...counts }, connectedSeconds: (connectedMs + current) / 1000 };
    },
    keystrokes: () => typed,
    closes: () => closes,
    contentHash: () => (provider.wsconnected ? fragmentHash(doc) : null),
    close() {
      isClosing = true;
      caret.stop();
      provider.destroy();
      doc.destroy();
    },
  };
}
