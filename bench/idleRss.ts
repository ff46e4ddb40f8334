/**
 * Idle memory (issue 19): the resident set of a server process right after it started, before
 * any client or document, ours against the reference. What a process holds at rest is mostly
 * its loaded code, so this shows what the startup module graph costs.
 *   npx tsx bench/idleRss.ts [--runs=3]   (also `npm run bench -- --only=idle`)
 * Each run starts a fresh child of each kind exactly as the load scenarios do, waits for it to
 * settle, reads its RSS and stops it; the medians over the runs are reported.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentileOf } from './histogram';
import { BASELINE_ENV, ourServerEnv } from './runTarget';
import { startTarget, type TargetKind } from './targets';

/** Startup work (storage open, timers armed, lazy JIT) has settled by then. */
const SETTLE_MS = 1_500;

/** RSS of each kind of server, one figure per run, and their medians. */
export interface IdleRssResult {
  oursBytes: number[];
  baselineBytes: number[];
  oursMedianBytes: number;
  baselineMedianBytes: number;
}

/** Starts one fresh server of `kind`, lets it settle, and returns its RSS in bytes. */
async function idleRssOf(kind: TargetKind): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-idle-'));
  const secret = randomBytes(32).toString('base64url');
  const target = await startTarget({
    kind,
    env: kind === 'ours' ? ourServerEnv({ dataDir, secret }) : BASELINE_ENV,
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return (await target.stats()).rssBytes;
  } finally {
    await target.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Measures `runs` times, the reference then ours each time, one process at a time. */
export async function runIdleRss(input: { runs: number }): Promise<IdleRssResult> {
  const oursBytes: number[] = [];
  const baselineBytes: number[] = [];
  for (let run = 0; run < input.runs; run += 1) {
    baselineBytes.push(await idleRssOf('baseline'));
    oursBytes.push(await idleRssOf('ours'));
  }
  return {
    oursBytes,
    baselineBytes,
    oursMedianBytes: percentileOf(oursBytes, 0.5),
    baselineMedianBytes: percentileOf(baselineBytes, 0.5),
  };
}

/** The result as a few lines of text (MB = 10^6 bytes, like the other tables). */
export function renderIdleRss(result: IdleRssResult): string {
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  const list = (samples: number[]): string => samples.map(mb).join(', ');
  return [
    `(idle) RSS right after start, no client or document (median of ${result.oursBytes.length})`,
    `  ours:      ${mb(result.oursMedianBytes)} MB  (runs: ${list(result.oursBytes)})`,
    `  reference: ${mb(result.baselineMedianBytes)} MB  (runs: ${list(result.baselineBytes)})`,
    `  ratio:     ${(result.oursMedianBytes / result.baselineMedianBytes).toFixed(2)}×`,
  ].join('\n');
}

async function main(): Promise<void> {
  const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`node ${process.version}; load average at start ${load}`);
  console.log(renderIdleRss(await runIdleRss({ runs })));
}

// Run directly (`npx tsx bench/idleRss.ts`), not when bench/run.ts imports it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
