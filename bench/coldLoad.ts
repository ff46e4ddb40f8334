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
import { signCollabToken } from '../server/auth/collabToken';
import { createBenchClient } from './client';
import { createHistogram, percentileOf } from './histogram';
import type { SeedAnswer } from './ipc';
import { ourServerEnv } from './loadScenario';
import { startTarget } from './targets';

export interface ColdLoadResult {
  edits: number;
  historyBytes: number;
  logEntriesBefore: number;
  /** First open after a restart, the log still uncompacted. */
  firstOpen: OpenTiming;
  logEntriesAfter: number;
  /** Size of what a new client receives (the compacted state). */
  stateBytes: number;
  /** Later cold opens (fresh server process each time), after compaction. */
  coldOpens: OpenTiming[];
  coldOpenMedianMs: number;
  textLength: number;
}

/** One open: total connect+sync+apply, and when the server's answer arrived. */
export interface OpenTiming {
  totalMs: number;
  serverAnswerMs: number;
  stateBytes: number;
}

async function openOnce(input: {
  port: number;
  documentId: string;
  token: string;
}): Promise<OpenTiming> {
  const client = createBenchClient({
    spec: {
      url: `ws://127.0.0.1:${input.port}/collab/${input.documentId}?token=${input.token}`,
      docKey: 'history',
      // A full client (a real Y.Doc): the time includes applying the document's state.
      writerId: 0,
    },
    histogram: createHistogram(),
  });
  try {
    const totalMs = await client.connect();
    return { totalMs, serverAnswerMs: client.syncAnswerMs(), stateBytes: client.stateBytes() };
  } finally {
    client.close();
  }
}

/** Runs scenario (c) on our server only (the baseline keeps nothing across restarts). */
export async function runColdLoad(input: {
  edits: number;
  coldOpens: number;
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
    const first = await startTarget({ kind: 'ours', env });
    const firstOpen = await openOnce({ port: first.port, documentId, token });
    // Graceful stop: flushes and unloads every document, as SIGTERM does in production.
    await first.stop();

    const coldOpens: OpenTiming[] = [];
    let logEntriesAfter = Number.NaN;
    for (let i = 0; i < input.coldOpens; i += 1) {
      const target = await startTarget({ kind: 'ours', env });
      if (i === 0) {
        logEntriesAfter = (
          await target.request<{ count: number }>({ type: 'countUpdates', documentId })
        ).count;
      }
      await target.request({ type: 'profileStart' });
      coldOpens.push(await openOnce({ port: target.port, documentId, token }));
      await target.request({ type: 'profileStop', label: 'c' });
      await target.stop();
    }
    return {
      edits: input.edits,
      historyBytes: history.bytes,
      textLength: history.textLength,
      logEntriesBefore: before.count,
      firstOpen,
      stateBytes: firstOpen.stateBytes,
      logEntriesAfter,
      coldOpens,
      coldOpenMedianMs: percentileOf(
        coldOpens.map((open) => open.totalMs),
        0.5,
      ),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
