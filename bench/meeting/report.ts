/** Renders review-meeting results as one plain-text table, a column per run. */
import { SILENT_SERVER_CLOSE, type ClientClose } from './client';
import type { MeetingResult, MeetingSpec, Spread } from './scenario';

const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const spread = (value: Spread, digits = 1): string =>
  `${fmt(value.mean, digits)} / ${fmt(value.max, digits)}`;

/** Closes as `3 (4429×2, silent×1)`, or `0` when there were none. */
export function describeCloses(closes: ClientClose[]): string {
  if (closes.length === 0) return '0';
  const tally = new Map<number, number>();
  for (const { code } of closes) tally.set(code, (tally.get(code) ?? 0) + 1);
  const parts = [...tally].map(
    ([code, count]) => `${code === SILENT_SERVER_CLOSE ? 'silent' : code}×${count}`,
  );
  return `${closes.length} (${parts.join(', ')})`;
}

/** When the first and the last close happened, in seconds into the window. */
function closeTimes(closes: ClientClose[]): string {
  if (closes.length === 0) return '–';
  const times = closes.map((close) => close.atSeconds);
  return `${fmt(Math.min(...times))} – ${fmt(Math.max(...times))}`;
}

/** One table: a row per metric, a column per (server, caret) run. */
export function renderMeetingTable(input: { spec: MeetingSpec; results: MeetingResult[] }): string {
  const { spec, results } = input;
  const planned = Math.round((spec.typists * spec.charsPerSecond * spec.durationMs) / 1000);
  const rows: [string, (result: MeetingResult) => string][] = [
    ['closed connections (codes)', (r) => describeCloses(r.closes)],
    ['  first – last close (s into the window)', (r) => closeTimes(r.closes)],
    ['connect failures', (r) => String(r.connectFailures.length)],
    ['awareness sent /client/s mean / max', (r) => spread(r.rates.awarenessSent)],
    ['awareness received /client/s mean / max', (r) => spread(r.rates.awarenessReceived)],
    ['updates sent /client/s mean / max', (r) => spread(r.rates.updatesSent)],
    ['updates received /client/s mean / max', (r) => spread(r.rates.updatesReceived)],
    [
      `keystrokes typed while connected / ${planned}`,
      (r) => `${r.keystrokes} (${fmt((100 * r.keystrokes) / planned, 0)} %)`,
    ],
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
    ['client driver event-loop delay p99 (ms)', (r) => fmt(r.driverLoopDelayP99Ms)],
  ];
  const width = 22;
  const header = results.map((r) => `${r.kind} ${r.caret}`.padStart(width)).join('');
  const lines = [
    `(meeting) review meeting: 1 doc × ${spec.clients} clients with awareness, ` +
      `${spec.typists} typing ${spec.charsPerSecond} keys/s, the others moving their caret every ` +
      `${spec.moveEveryMs / 1000} s, ${spec.durationMs / 1000} s; awareness relay: ${spec.relay}`,
    '  rates are per client per second connected; silent = the provider dropped a server silent for 30 s',
    `  ${'metric'.padEnd(42)}${header}`,
  ];
  for (const [label, cell] of rows) {
    lines.push(`  ${label.padEnd(42)}${results.map((r) => cell(r).padStart(width)).join('')}`);
  }
  return lines.join('\n');
}
