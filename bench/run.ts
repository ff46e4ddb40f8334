/**
 * `npm run bench`: drives our real server (persistence and auth on) and the reference
 * `@y/websocket-server` with the same load, and prints a comparison.
 *   BENCH_QUICK=1   small numbers, a smoke run in about two minutes
 *   --json          also print every measurement as JSON
 *   --only=idle,a,b,c,d,meeting,scaleout  run a subset of the scenarios (default: all)
 *   --ours-only     skip the baseline
 *   --caret=… --relay=… --clients=… …  the review meeting's flags, see meeting/plan.ts
 *   BENCH_PROFILE_DIR=dir  CPU-profile each server over the measured window (see profileSummary.ts)
 *   BENCH_SERVER_NODE_ARGS="--heapsnapshot-signal=SIGUSR2"  node flags for both server children
 *   BENCH_WITHOUT=persistence,derived,access  our server without them (a measurement: ablation.ts)
 * Clients are lean raw-protocol clients (y-protocols over `ws`), spread over driver processes.
 */
import os from 'node:os';
import { parseAblations } from './ablation';
import { runColdLoad, type ColdLoadResult } from './coldLoad';
import { renderIdleRss, runIdleRss, type IdleRssResult } from './idleRss';
import { runLoadScenario, type LoadResult, type LoadSpec } from './loadScenario';
import { meetingPlan } from './meeting/plan';
import { renderMeetingTable } from './meeting/report';
import { runMeetingScenario, type MeetingResult } from './meeting/scenario';
import { renderColdLoad, renderLoadTable } from './report';
import { canRunScaleOut, renderScaleOutTable, runScaleOut, type ScaleOutResult } from './scaleOut';

interface Plan {
  a: LoadSpec;
  b: LoadSpec;
  /** Issue 19: a network's worth of small documents on one process. */
  d: LoadSpec;
  c: { edits: number; coldOpens: number; unloadWaitMs: number };
  /** Scale-out (issue 11): one busy document, and many small ones, on 1 and on 2 processes. */
  scaleout: LoadSpec[];
}

function plan(isQuick: boolean): Plan {
  const drivers = Number(process.env.BENCH_DRIVERS ?? 2);
  return {
    a: {
      name: '(a) one busy document',
      documents: 1,
      clientsPerDocument: isQuick ? 50 : 500,
      writersPerDocument: isQuick ? 5 : 10,
      editsPerSecondPerWriter: 10,
      durationMs: isQuick ? 2_000 : 12_000,
      drivers,
      connectConcurrency: 20,
    },
    b: {
      name: '(b) many small documents',
      documents: isQuick ? 20 : 200,
      clientsPerDocument: 2,
      writersPerDocument: 2,
      editsPerSecondPerWriter: 2,
      durationMs: isQuick ? 2_000 : 12_000,
      drivers,
      connectConcurrency: 20,
    },
    d: {
      name: '(d) a network of small documents',
      documents: isQuick ? 100 : 1_000,
      clientsPerDocument: 2,
      writersPerDocument: 2,
      editsPerSecondPerWriter: 0.5,
      durationMs: isQuick ? 2_000 : 12_000,
      drivers,
      connectConcurrency: 20,
    },
    // The collab server unloads a document 10 s after its last client left (unloadGraceMs).
    c: { edits: isQuick ? 20_000 : 200_000, coldOpens: isQuick ? 1 : 3, unloadWaitMs: 11_000 },
    scaleout: [
      {
        name: '(scale-out a) one document',
        documents: 1,
        clientsPerDocument: Number(process.env.BENCH_SCALEOUT_CLIENTS ?? (isQuick ? 100 : 1000)),
        writersPerDocument: 10,
        editsPerSecondPerWriter: 10,
        durationMs: isQuick ? 2_000 : 10_000,
        drivers,
        connectConcurrency: 20,
      },
      {
        name: '(scale-out b) documents × 2 clients',
        documents: Number(process.env.BENCH_SCALEOUT_DOCUMENTS ?? (isQuick ? 50 : 1000)),
        clientsPerDocument: 2,
        writersPerDocument: 2,
        editsPerSecondPerWriter: 1,
        durationMs: isQuick ? 2_000 : 10_000,
        drivers,
        connectConcurrency: 20,
      },
    ],
  };
}

async function main(): Promise<void> {
  const isQuick = process.env.BENCH_QUICK === '1';
  const isJson = process.argv.includes('--json');
  const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
  const only = new Set(
    (onlyArg?.slice('--only='.length) ?? 'idle,a,b,c,d,meeting,scaleout').split(','),
  );
  const scenarios = plan(isQuick);
  // Parsed up front, so a mistyped flag fails before minutes of other scenarios.
  const meetings = meetingPlan({ argv: process.argv, isQuick });
  const startedAt = Date.now();
  const ablations = parseAblations(process.env.BENCH_WITHOUT); // an unknown name fails here, not in the child
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `CLIP Workspace benchmark${isQuick ? ' (BENCH_QUICK)' : ''}` +
      `${ablations.size > 0 ? ` (ours WITHOUT ${[...ablations].join(', ')})` : ''}: node ${process.version}, ` +
      `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM; ` +
      `clients in ${scenarios.a.drivers} driver process(es) (raw y-protocols over ws; the meeting: stock WebsocketProvider); ` +
      `load average at start ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}\n`,
  );
  const isOursOnly = process.argv.includes('--ours-only');
  const results: Record<
    string,
    | { ours: LoadResult; baseline: LoadResult | null }
    | IdleRssResult
    | ColdLoadResult
    | MeetingResult[]
    | ScaleOutResult[][]
  > = {};
  // First, while nothing else of the run has loaded the machine: memory at rest (issue 19).
  if (only.has('idle')) {
    results.idle = await runIdleRss({ runs: isQuick ? 1 : 3 });
    console.log(`${renderIdleRss(results.idle)}\n`);
  }
  for (const key of ['a', 'b', 'd'] as const) {
    if (!only.has(key)) continue;
    const spec = scenarios[key];
    // Baseline first, then ours, each on a fresh process with the identical load.
    const baseline = isOursOnly ? null : await runLoadScenario({ kind: 'baseline', spec });
    const ours = await runLoadScenario({ kind: 'ours', spec });
    results[key] = { ours, baseline };
    console.log(`${renderLoadTable({ spec, ours, baseline })}\n`);
  }
  if (only.has('c')) {
    const cold = await runColdLoad(scenarios.c);
    results.c = cold;
    console.log(`${renderColdLoad(cold)}\n`);
  }
  if (only.has('meeting') && meetings[0]) {
    const runs: MeetingResult[] = [];
    for (const spec of meetings) {
      if (!isOursOnly) runs.push(await runMeetingScenario({ kind: 'baseline', spec }));
      runs.push(await runMeetingScenario({ kind: 'ours', spec }));
    }
    results.meeting = runs;
    console.log(`${renderMeetingTable({ spec: meetings[0], results: runs })}\n`);
  }
  if (only.has('scaleout')) {
    if (!canRunScaleOut()) {
      console.log('scale-out scenario skipped: redis-server is not on PATH\n');
    } else {
      const runs: ScaleOutResult[][] = [];
      for (const spec of scenarios.scaleout) {
        const pair = [
          await runScaleOut({ spec, processes: 1 }),
          await runScaleOut({ spec, processes: 2 }),
        ];
        runs.push(pair);
        console.log(`${renderScaleOutTable({ spec, runs: pair })}\n`);
      }
      results.scaleout = runs;
    }
  }
  console.log(`finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  if (isJson) console.log(JSON.stringify({ isQuick, node: process.version, results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
