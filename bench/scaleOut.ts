/**
 * The scale-out scenario (`--only=scaleout`, issue 11): the same load on one server process
 * and on two processes sharing one SQLite data dir and one local `redis-server` (started on a
 * free loopback port, persistence off), with each document's clients spread over the
 * processes. Reports fan-out latency and each process's CPU, one process against two.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hasRedisServer, startTestRedis } from '../tests/scaleout/redisServer';
import type { DriverCommand, DriverReply } from './driver';
import { measureLoad, type LoadResult, type LoadSpec } from './loadScenario';
import { createPhaseLog, ourServerEnv } from './runTarget';
import { startDriver, startTarget, type Target } from './targets';

/** One run: the load on `processes` server processes. */
export interface ScaleOutResult {
  processes: number;
  result: LoadResult;
}

/** Runs `spec` on `processes` server processes (Redis between them when more than one). */
export async function runScaleOut(input: {
  spec: LoadSpec;
  processes: number;
}): Promise<ScaleOutResult> {
  const { spec, processes } = input;
  const phase = createPhaseLog(`${spec.name} ×${processes}`);
  const redis = processes > 1 ? await startTestRedis() : null;
  const secret = randomBytes(32).toString('base64url');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-bench-scaleout-'));
  const targets: Target[] = [];
  const drivers = await Promise.all(
    Array.from({ length: spec.drivers }, () => startDriver<DriverCommand, DriverReply>()),
  );
  try {
    // One after the other: the first process migrates the database the others open.
    for (let index = 0; index < processes; index++) {
      const env = ourServerEnv({ dataDir, secret });
      targets.push(
        await startTarget({ kind: 'ours', env: redis ? { ...env, REDIS_URL: redis.url } : env }),
      );
    }
    phase('started servers and drivers');
    const result = await measureLoad({ kind: 'ours', spec, targets, drivers, secret, phase });
    return { processes, result };
  } finally {
    await Promise.all(drivers.map((driver) => driver.close()));
    await Promise.all(targets.map((target) => target.stop()));
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Whether the scenario can run here (it needs `redis-server`). */
export const canRunScaleOut = hasRedisServer;

const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

/** One table per load: one process against two, with CPU per process. */
export function renderScaleOutTable(input: { spec: LoadSpec; runs: ScaleOutResult[] }): string {
  const { spec, runs } = input;
  const header = runs.map((run) => `${run.processes} proc`.padStart(14)).join('');
  const row = (label: string, pick: (result: LoadResult) => string): string =>
    `  ${label.padEnd(34)}${runs.map((run) => pick(run.result).padStart(14)).join('')}`;
  return [
    `${spec.name}: ${spec.documents} doc(s) × ${spec.clientsPerDocument} clients, ` +
      `${spec.writersPerDocument} writer(s)/doc × ${spec.editsPerSecondPerWriter} edits/s, ${spec.durationMs / 1000} s`,
    `  ${'metric'.padEnd(34)}${header}`,
    row('connect+sync p50 (ms)', (r) => fmt(r.connectMs.p50)),
    row('connect+sync p99 (ms)', (r) => fmt(r.connectMs.p99)),
    row('fan-out p50 (ms)', (r) => fmt(r.fanoutMs.p50)),
    row('fan-out p99 (ms)', (r) => fmt(r.fanoutMs.p99)),
    row('fan-out max (ms)', (r) => fmt(r.fanoutMs.max)),
    row('CPU per process (% of one core)', (r) =>
      r.processes.map((each) => fmt(each.cpuPercentOfCore, 0)).join(' + '),
    ),
    row('CPU all processes (% of one core)', (r) => fmt(r.cpuPercentOfCore, 0)),
    row('peak RSS per process (MB)', (r) =>
      r.processes.map((each) => fmt(each.peakRssMb, 0)).join(' + '),
    ),
    row('event-loop delay p99, worst (ms)', (r) => fmt(r.loopDelayMs.p99)),
    row('busiest client driver CPU (%)', (r) => fmt(r.driverCpuPercentOfCore, 0)),
    row('delivered (% of expected)', (r) => fmt(100 * r.deliveredRatio, 2)),
    row('converged', (r) => (r.isConverged ? 'yes' : 'NO')),
    row(
      'connect failures / unexpected closes',
      (r) => `${r.connectFailures}/${r.unexpectedCloses.length}`,
    ),
  ].join('\n');
}
