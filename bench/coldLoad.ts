/**
 * Scenario (c): a document whose log holds a long history of small edits. The history is
 * written through the real storage port; then the server is restarted (so nothing is in
 * memory), a client opens the document (first load: the server applies the whole log and
 * compacts it, as in production), and after further restarts new clients open it cold again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { signCollabToken } from '../server/auth/collabToken';
import { createBenchClient } from './client';
import { createHistogram, percentileOf } from './histogram';
import type { SeedAnswer } from './ipc';
import { BASELINE_ENV, ourServerEnv } from './runTarget';
import { startTarget, type Target } from './targets';

export interface ColdLoadResult {
  edits: number;
  historyBytes: number;
  logEntriesBefore: number;
  /** First open after a restart, the log still uncompacted. */
  firstOpen: OpenTiming;
  /**
   * The server's longest event-loop stall (ms) from the first open's start until 2 s after it
   * (loading the long log and its background compaction): how long other documents' traffic
   * could have waited.
   */
  firstOpenLoopDelayMaxMs: number;
  logEntriesAfter: number;
  /** Size of what a new client receives (the compacted state). */
  stateBytes: number;
  /** Later cold opens (fresh server process each time), after compaction. */
  coldOpens: OpenTiming[];
  coldOpenMedianMs: number;
  textLength: number;
  /**
   * Opens on a server process that stays up (code warm) after the document was unloaded
   * (last client gone, unload grace over): the production meaning of "cold document".
   */
  unloadedOpens: OpenTiming[];
  unloadedOpenMedianMs: number;
  /**
   * The same document served by the in-memory baseline (already loaded, nothing to read or
   * apply on the server): the floor set by transfer plus the client applying the state.
   */
  baselineOpens: OpenTiming[];
}

/** One open: total connect+sync+apply, and when the server's answer arrived. */
export interface OpenTiming {
  totalMs: number;
  serverAnswerMs: number;
  /** CPU the client spent applying the state (wall time minus this is waiting for a core). */
  clientApplyCpuMs: number;
  stateBytes: number;
  /**
   * The server's longest event-loop stall from the open until 0.5 s after it (building its
   * copy of the document, if it does): how long other documents' traffic could have waited.
   */
  serverStallMs?: number;
}

/** One open of the document on `target`, with the server's longest stall around it. */
async function openWatchingStalls(input: {
  target: Target;
  url: string;
  label: string;
}): Promise<OpenTiming> {
  await input.target.request({ type: 'profileStart' }); // restarts the event-loop delay histogram
  const timing = await openOnce({ url: input.url });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const serverStallMs = (await input.target.stats()).loopDelayMs.max;
  await input.target.request({ type: 'profileStop', label: input.label });
  return { ...timing, serverStallMs };
}

async function openOnce(input: {
  url: string;
  initialState?: Uint8Array;
  onSynced?: (state: Uint8Array | null) => void;
}): Promise<OpenTiming> {
  const client = createBenchClient({
    spec: {
      url: input.url,
      docKey: 'history',
      // A full client (a real Y.Doc): the time includes applying the document's state.
      writerId: 0,
      ...(input.initialState ? { initialState: input.initialState } : {}),
    },
    histogram: createHistogram(),
  });
  try {
    const totalMs = await client.connect();
    input.onSynced?.(client.encodeState());
    return {
      totalMs,
      serverAnswerMs: client.syncAnswerMs(),
      clientApplyCpuMs: client.syncApplyCpuMs(),
      stateBytes: client.stateBytes(),
    };
  } finally {
    client.close();
  }
}

/**
 * A state shaped like the seeded history (typing with backspaces), small: applying it warms the
 * measuring client's Yjs code before the first open, whose state is not known yet.
 */
function warmUpState(): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('warm-up');
  for (let i = 0; i < 20_000; i += 1) {
    if (i % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghij'[i % 10]!);
  }
  return Y.encodeStateAsUpdate(doc);
}

function warmUpClient(state: Uint8Array): void {
  for (let i = 0; i < 5; i += 1) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    Y.encodeStateAsUpdate(doc);
    doc.destroy();
  }
}

/** Loads `state` into a fresh baseline server and opens it like a new client, `times` times. */
async function openOnBaseline(input: { state: Uint8Array; times: number }): Promise<OpenTiming[]> {
  const baseline = await startTarget({ kind: 'baseline', env: BASELINE_ENV });
  try {
    const url = `ws://127.0.0.1:${baseline.port}/history`;
    // The pushing client syncs its state up; the server applies it after answering.
    await openOnce({ url, initialState: input.state });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const opens: OpenTiming[] = [];
    for (let i = 0; i < input.times; i += 1) opens.push(await openOnce({ url }));
    return opens;
  } finally {
    await baseline.stop();
  }
}

/** Runs scenario (c) on our server only (the baseline keeps nothing across restarts). */
export async function runColdLoad(input: {
  edits: number;
  coldOpens: number;
  /** Wait after the last client left before the document counts as unloaded. */
  unloadWaitMs: number;
}): Promise<ColdLoadResult> {
  const secret = randomBytes(32).toString('base64url');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-bench-cold-'));
  const env = ourServerEnv({ dataDir, secret });
  try {
    const seeding = await startTarget({ kind: 'ours', env });
    const seeded = await seeding.request<SeedAnswer>({ type: 'seed', users: 1, documents: 1 });
    const documentId = seeded.documentIds[0] as string;
    const userId = seeded.userIds[0] as string;
    const history = await seeding.request<{ bytes: number; textLength: number }>({
      type: 'seedHistory',
      documentId,
      edits: input.edits,
    });
    const before = await seeding.request<{ count: number }>({ type: 'countUpdates', documentId });
    await seeding.stop();

    const { token } = signCollabToken({
      secret,
      userId,
      documentId,
      canWrite: true,
      ttlSeconds: 3600,
    });
    const collabUrl = (port: number): string =>
      `ws://127.0.0.1:${port}/collab/${documentId}?token=${token}`;
    let state: Uint8Array | null = null;
    const first = await startTarget({ kind: 'ours', env });
    // The client's Yjs code warm, as for the later opens (below): the server is what is measured.
    warmUpClient(warmUpState());
    await first.request({ type: 'profileStart' }); // restarts the event-loop delay histogram
    const firstOpen = await openOnce({
      url: collabUrl(first.port),
      onSynced: (synced) => {
        state = synced;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const firstOpenLoopDelayMaxMs = (await first.stats()).loopDelayMs.max;
    await first.request({ type: 'profileStop', label: 'c-first' });
    // Graceful stop: flushes and unloads every document, as SIGTERM does in production.
    await first.stop();
    // The measuring client's own Yjs code must be warm, or the first measured opens pay for
    // its JIT warm-up (80 ms → 3 ms for a 76 KB state), whichever server they go to.
    if (state) warmUpClient(state);

    const coldOpens: OpenTiming[] = [];
    let logEntriesAfter = Number.NaN;
    for (let i = 0; i < input.coldOpens; i += 1) {
      const target = await startTarget({ kind: 'ours', env });
      if (i === 0) {
        logEntriesAfter = (
          await target.request<{ count: number }>({ type: 'countUpdates', documentId })
        ).count;
      }
      coldOpens.push(await openWatchingStalls({ target, url: collabUrl(target.port), label: 'c' }));
      await target.stop();
    }
    const unloadedOpens: OpenTiming[] = [];
    const warm = await startTarget({ kind: 'ours', env });
    try {
      await openOnce({ url: collabUrl(warm.port) });
      for (let i = 0; i < input.coldOpens; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, input.unloadWaitMs));
        unloadedOpens.push(
          await openWatchingStalls({ target: warm, url: collabUrl(warm.port), label: 'c-warm' }),
        );
      }
    } finally {
      await warm.stop();
    }
    return {
      edits: input.edits,
      unloadedOpens,
      unloadedOpenMedianMs: percentileOf(
        unloadedOpens.map((open) => open.totalMs),
        0.5,
      ),
      historyBytes: history.bytes,
      textLength: history.textLength,
      logEntriesBefore: before.count,
      firstOpen,
      firstOpenLoopDelayMaxMs,
      stateBytes: firstOpen.stateBytes,
      logEntriesAfter,
      coldOpens,
      baselineOpens: state ? await openOnBaseline({ state, times: input.coldOpens }) : [],
      coldOpenMedianMs: percentileOf(
        coldOpens.map((open) => open.totalMs),
        0.5,
      ),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
