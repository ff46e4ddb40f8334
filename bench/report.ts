/** Renders benchmark results as a plain-text table for the terminal. */
import type { ColdLoadResult, OpenTiming } from './coldLoad';
import type { LoadResult, LoadSpec } from './loadScenario';

const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const ratio = (ours: number, baseline: number): string =>
  Number.isFinite(ours) && Number.isFinite(baseline) && baseline > 0
    ? `${(ours / baseline).toFixed(2)}×`
    : 'n/a';

/** Server CPU milliseconds per 1,000 edits sent. */
const perThousandEdits = (result: LoadResult): number =>
  result.editsSent > 0 ? (1_000_000 * result.cpuSeconds) / result.editsSent : Number.NaN;

/** Stands in for a baseline that was not run: every number is n/a. */
function skipped(ours: LoadResult): LoadResult {
  const none = { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return {
    ...ours,
    kind: 'baseline',
    connectMs: none,
    fanoutMs: none,
    samples: 0,
    deliveredRatio: Number.NaN,
    editsSent: 0,
    cpuSeconds: Number.NaN,
    cpuPercentOfCore: Number.NaN,
    peakRssMb: Number.NaN,
    peakRssWithSeedingMb: Number.NaN,
    idleRssMb: Number.NaN,
    loopDelayMs: { p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
    rssPerClientKb: Number.NaN,
    driverCpuPercentOfCore: Number.NaN,
  };
}

/** One comparison table for a load scenario: ours, baseline, ours/baseline. */
export function renderLoadTable(input: {
  spec: LoadSpec;
  ours: LoadResult;
  baseline: LoadResult | null;
}): string {
  const { spec, ours } = input;
  const baseline = input.baseline ?? skipped(ours);
  const rows: [string, number, number, number][] = [
    ['connect+sync p50 (ms)', ours.connectMs.p50, baseline.connectMs.p50, 1],
    ['connect+sync p99 (ms)', ours.connectMs.p99, baseline.connectMs.p99, 1],
    ['fan-out p50 (ms)', ours.fanoutMs.p50, baseline.fanoutMs.p50, 1],
    ['fan-out p95 (ms)', ours.fanoutMs.p95, baseline.fanoutMs.p95, 1],
    ['fan-out p99 (ms)', ours.fanoutMs.p99, baseline.fanoutMs.p99, 1],
    ['fan-out max (ms)', ours.fanoutMs.max, baseline.fanoutMs.max, 1],
    ['server CPU in edit window (s)', ours.cpuSeconds, baseline.cpuSeconds, 2],
    ['server CPU (% of one core)', ours.cpuPercentOfCore, baseline.cpuPercentOfCore, 0],
    // Per edit: on a shared machine a starved driver may send fewer edits to one server.
    ['server CPU per 1,000 edits (ms)', perThousandEdits(ours), perThousandEdits(baseline), 1],
    ['server event-loop delay p99 (ms)', ours.loopDelayMs.p99, baseline.loopDelayMs.p99, 1],
    ['server event-loop delay max (ms)', ours.loopDelayMs.max, baseline.loopDelayMs.max, 1],
    ['server peak RSS, load (MB)', ours.peakRssMb, baseline.peakRssMb, 0],
    [
      'server peak RSS incl. seeding (MB)',
      ours.peakRssWithSeedingMb,
      baseline.peakRssWithSeedingMb,
      0,
    ],
    ['RSS per client (KB)', ours.rssPerClientKb, baseline.rssPerClientKb, 0],
    [
      'busiest client driver CPU (%)',
      ours.driverCpuPercentOfCore,
      baseline.driverCpuPercentOfCore,
      0,
    ],
    ['delivered (% of expected)', 100 * ours.deliveredRatio, 100 * baseline.deliveredRatio, 2],
  ];
  const lines = [
    `${spec.name}: ${spec.documents} doc(s) × ${spec.clientsPerDocument} clients, ` +
      `${spec.writersPerDocument} writer(s)/doc × ${spec.editsPerSecondPerWriter} edits/s, ${spec.durationMs / 1000} s`,
    `  ${'metric'.padEnd(34)}${'ours'.padStart(10)}${'baseline'.padStart(10)}${'ours/base'.padStart(11)}`,
  ];
  for (const [label, a, b, digits] of rows) {
    lines.push(
      `  ${label.padEnd(34)}${fmt(a, digits).padStart(10)}${fmt(b, digits).padStart(10)}${ratio(a, b).padStart(11)}`,
    );
  }
  lines.push(
    `  edits sent: ours ${ours.editsSent}, baseline ${baseline.editsSent}; latency samples: ours ${ours.samples}, baseline ${baseline.samples}`,
    `  converged: ours ${ours.isConverged ? 'yes' : 'NO'}, baseline ${baseline.isConverged ? 'yes' : 'NO'}; ` +
      `connect failures: ${ours.connectFailures}/${baseline.connectFailures}; ` +
      `unexpected closes: ${ours.unexpectedCloses.length}/${baseline.unexpectedCloses.length}`,
  );
  return lines.join('\n');
}

/** The cold-load scenario (ours, with the baseline serving the same state as a floor). */
export function renderColdLoad(result: ColdLoadResult): string {
  const open = (timing: OpenTiming): string =>
    `${fmt(timing.totalMs, 0)} ms (server answered at ${fmt(timing.serverAnswerMs, 0)} ms, client applied in ${fmt(timing.totalMs - timing.serverAnswerMs, 0)} ms, ${fmt(timing.clientApplyCpuMs, 0)} ms of it on CPU)` +
    (timing.serverStallMs === undefined
      ? ''
      : `; server's longest stall ${fmt(timing.serverStallMs, 0)} ms`);
  return [
    `(c) cold load of a document with ${result.edits} small edits in its history`,
    `  history: ${result.logEntriesBefore} log entries, ${fmt(result.historyBytes / 1024, 0)} KB of updates, ${result.textLength} characters of text`,
    `  first open, log not yet compacted: ${open(result.firstOpen)}`,
    `  server's longest event-loop stall from the first open until 2 s after: ${fmt(result.firstOpenLoopDelayMaxMs, 0)} ms (target ≤ 50 ms)`,
    `  log entries after first load+unload: ${result.logEntriesAfter}; compacted state ${fmt(result.stateBytes / 1024, 0)} KB`,
    `  cold opens after compaction (fresh server process each):`,
    ...result.coldOpens.map((timing) => `    ${open(timing)}`),
    `  median: ${fmt(result.coldOpenMedianMs, 0)} ms`,
    `  opens on a running server after the document was unloaded (code warm, document cold):`,
    ...result.unloadedOpens.map((timing) => `    ${open(timing)}`),
    `  median: ${fmt(result.unloadedOpenMedianMs, 0)} ms (target < 300 ms: ${result.unloadedOpenMedianMs < 300 ? 'met' : 'NOT met'})`,
    `  the same state from the in-memory baseline (already loaded; transfer + client apply only):`,
    ...result.baselineOpens.map((timing) => `    ${open(timing)}`),
  ].join('\n');
}
