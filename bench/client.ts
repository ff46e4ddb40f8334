/**
 * One benchmark client speaking the y-websocket wire protocol over `ws` (raw y-protocols,
 * not `WebsocketProvider`, so hundreds fit in a driver process without it becoming the
 * bottleneck). Two modes:
 * - writer: a full Y.Doc; edits its own paragraph of the `default` XmlFragment, applies
 *   everyone else's updates (so copies can be compared for convergence);
 * - observer: no Y.Doc; answers the sync handshake and scans incoming updates for markers.
 * Both record the fan-out latency of every marker written by someone else.
 */
import { createHash } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../shared/editor/schema';
import { recordLatency, type Histogram } from './histogram';
import { encodeMarker, nowMicros, scanMarkers } from './markers';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const REMOTE = Symbol('remote');

/** What the driver needs to know to connect one client. */
export interface ClientSpec {
  url: string;
  /** The document, as the run names it (same key for ours and the baseline). */
  docKey: string;
  /** Set for writers: unique across the run. */
  writerId: number | null;
  /** Writers only: state the client already holds before connecting (it syncs it up). */
  initialState?: Uint8Array;
}

/** A connected benchmark client. */
export interface BenchClient {
  spec: ClientSpec;
  /** Resolves with the connect+sync time in ms (socket opened, our state vector answered). */
  connect(): Promise<number>;
  startEditing(input: { intervalMs: number }): void;
  stopEditing(): void;
  /** When the server's sync answer arrived (ms after connect started), before applying it. */
  syncAnswerMs(): number;
  /** CPU time (user+system) this process spent applying the sync answer. */
  syncApplyCpuMs(): number;
  /** Edits this client sent. */
  sentCount(): number;
  /** Markers from other writers this client observed. */
  receivedCount(): number;
  /** Close codes of connections the server closed on us (should stay empty). */
  unexpectedCloses(): number[];
  /** Encoded size of the writer's document (what a new client has to receive and apply). */
  stateBytes(): number;
  /** The writer's whole document state (to seed another server with the same content). */
  encodeState(): Uint8Array | null;
  /** Hash of the writer's document content, for the convergence check. */
  contentHash(): string | null;
  close(): void;
}

/** A tiny seeded generator so edit positions are the same in every run. */
/** A small seeded PRNG (LCG): the same run makes the same choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const EMPTY_STEP_1 = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
})();

const EMPTY_STEP_2 = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
})();

/** A short hash of the `default` fragment: equal hashes mean converged copies. */
export function fragmentHash(doc: Y.Doc): string {
  const json = JSON.stringify(doc.getXmlFragment(EDITOR_FRAGMENT).toJSON());
  return createHash('sha1').update(json).digest('hex').slice(0, 12);
}

/** Builds a client; nothing happens until `connect()`. */
export function createBenchClient(input: { spec: ClientSpec; histogram: Histogram }): BenchClient {
  const { spec, histogram } = input;
  const isWriter = spec.writerId !== null;
  const doc = isWriter ? new Y.Doc() : null;
  if (doc && spec.initialState) Y.applyUpdate(doc, spec.initialState, REMOTE);
  const random = seededRandom((spec.writerId ?? 0) + 7);
  let socket: WebSocket | null = null;
  let isSynced = false;
  let isClosing = false;
  let sent = 0;
  let received = 0;
  let timer: NodeJS.Timeout | null = null;
  let isEditing = false;
  let answerMs = Number.NaN;
  let applyCpuMs = Number.NaN;
  let text: Y.XmlText | null = null;
  const closes: number[] = [];

  const send = (message: Uint8Array): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(message);
  };

  doc?.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  });

  const observe = (bytes: Uint8Array): void => {
    const now = nowMicros();
    for (const marker of scanMarkers(bytes)) {
      if (marker.writerId === spec.writerId) continue;
      received += 1;
      recordLatency(histogram, (now - marker.sentAtMicros) / 1000);
    }
  };

  /** Handles one message; returns true once the server's step 2 (our sync) arrived. */
  const handle = (bytes: Uint8Array): boolean => {
    if (bytes[0] !== MESSAGE_SYNC) return false; // awareness and others: not measured
    const step = bytes[1];
    if (step === SYNC_UPDATE && isSynced) observe(bytes);
    if (!doc) {
      if (step === SYNC_STEP_1) send(EMPTY_STEP_2);
      return step === SYNC_STEP_2;
    }
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const kind = syncProtocol.readSyncMessage(decoder, encoder, doc, REMOTE);
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
    return kind === SYNC_STEP_2;
  };

  return {
    spec,
    connect() {
      const startedAt = performance.now();
      return new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(spec.url, { perMessageDeflate: false });
        socket = ws;
        const timeout = setTimeout(
          () => reject(new Error(`sync timeout for ${spec.docKey}`)),
          60_000,
        );
        ws.on('open', () => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          if (doc) syncProtocol.writeSyncStep1(encoder, doc);
          ws.send(doc ? encoding.toUint8Array(encoder) : EMPTY_STEP_1);
        });
        ws.on('message', (data: Buffer) => {
          const arrivedMs = performance.now() - startedAt;
          const cpuBefore = process.cpuUsage();
          const isStep2 = handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          if (!isStep2 || isSynced) return;
          const cpu = process.cpuUsage(cpuBefore);
          isSynced = true;
          answerMs = arrivedMs;
          applyCpuMs = (cpu.user + cpu.system) / 1000;
          clearTimeout(timeout);
          resolve(performance.now() - startedAt);
        });
        ws.on('close', (code) => {
          if (!isClosing) closes.push(code);
          clearTimeout(timeout);
          if (!isSynced) reject(new Error(`closed ${code} before sync`));
        });
        ws.on('error', () => {
          // 'close' follows and reports.
        });
      });
    },
    startEditing({ intervalMs }) {
      if (!doc || spec.writerId === null) return;
      const writerId = spec.writerId;
      if (!text) {
        const paragraph = new Y.XmlElement('paragraph');
        text = new Y.XmlText();
        paragraph.insert(0, [text]);
        doc.getXmlFragment(EDITOR_FRAGMENT).push([paragraph]);
      }
      const edit = (): void => {
        if (!text) return;
        const position = Math.floor(random() * (text.length + 1));
        text.insert(position, encodeMarker({ writerId, seq: sent, sentAtMicros: nowMicros() }));
        sent += 1;
      };
      isEditing = true;
      // A random phase, so ten writers do not fire in the same millisecond.
      setTimeout(() => {
        if (!isEditing) return;
        edit();
        timer = setInterval(edit, intervalMs);
      }, random() * intervalMs);
    },
    stopEditing() {
      isEditing = false;
      if (timer) clearInterval(timer);
      timer = null;
    },
    syncAnswerMs: () => answerMs,
    syncApplyCpuMs: () => applyCpuMs,
    sentCount: () => sent,
    receivedCount: () => received,
    unexpectedCloses: () => closes,
    stateBytes: () => (doc ? Y.encodeStateAsUpdate(doc).byteLength : 0),
    encodeState: () => (doc ? Y.encodeStateAsUpdate(doc) : null),
    contentHash: () => (doc ? fragmentHash(doc) : null),
    close() {
      isClosing = true;
      socket?.close();
      doc?.destroy();
    },
  };
}
