/** Renders review-meeting results as one plain-text table, a column per run. */
import type { MeetingResult, MeetingSpec, Spread } from './scenario';

const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const spread = (value: Spread, digits = 1): string =>
  `${fmt(value.mean, digits)} / ${fmt(value.max, digits)}`;

/** Close codes as `4429×2, 1013×1`, or `0` when there were none. */
export function describeCloses(codes: number[]): string {
  if (codes.length === 0) return '0';
  const tally = new Map<number, number>();
  for (const code of codes) tally.set(code, (tally.get(code) ?? 0) + 1);
  const parts = [...tally].map(([code, count]) => `${code}×${count}`);
  return `${codes.length} (${parts.join(', ')})`;
}

/** One table: a row per metric, a column per (server, caret) run. */
export function renderMeetingTable(input: { spec: MeetingSpec; results: MeetingResult[] }): string {
  const { spec, results } = input;
  const rows: [string, (result: MeetingResult) => string][] = [
    ['closed connections (codes)', (r) => describeCloses(r.closes)],
    ['connect failures', (r) => String(r.connectFailures.length)],
    ['awareness sent /client/s mean / max', (r) => spread(r.rates.awarenessSent)],
    ['awareness received /client/s mean / max', (r) => spread(r.rates.awarenessReceived)],
    ['updates sent /client/s mean / max', (r) => spread(r.rates.updatesSent)],
    ['updates received /client/s mean / max', (r) => spread(r.rates.updatesReceived)],
    ['keystrokes typed (while connected)', (r) => String(r.keystrokes)],
    ['fan-out p50 / p99 (ms)', (r) => `${fmt(r.fanoutMs.p50)} / ${fmt(r.fanoutMs.p99)}`],
    ['fan-out max (ms)', (r) => fmt(r.fanoutMs.max)],
    ['delivered (% of keystrokes × others)', (r) => fmt(100 * r.deliveredRatio, 2)],
    ['copies converged', (r) => `${r.convergedCopies.equal}/${r.convergedCopies.of}`],
    [
      'server CPU (s, % of one core)',
      (r) => `${fmt(r.cpuSeconds, 2)} (${fmt(r.cpuPercentOfCore, 0)} %)`,
    ],
    ['server event-loop delay p99 (ms)', (r) => fmt(r.loopDelayMs.p99)],
    ['server peak RSS (MB)', (r) => fmt(r.peakRssMb, 0)],
    ['busiest client driver CPU (%)', (r) => fmt(r.driverCpuPercentOfCore, 0)],
  ];
  const width = 22;
  const header = results.map((r) => `${r.kind} ${r.caret}`.padStart(width)).join('');
  const lines = [
    `(meeting) review meeting: 1 doc × ${spec.clients} clients with awareness, ` +
      `${spec.typists} typing ${spec.charsPerSecond} keys/s, the others moving their caret every ` +
      `${spec.moveEveryMs / 1000} s, ${spec.durationMs / 1000} s; awareness relay: ${spec.relay}`,
    `  ${'metric'.padEnd(42)}${header}`,
  ];
  for (const [label, cell] of rows) {
    lines.push(`  ${label.padEnd(42)}${results.map((r) => cell(r).padStart(width)).join('')}`);
  }
  return lines.join('\n');
}
