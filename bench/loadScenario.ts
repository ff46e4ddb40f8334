/**
 * Scenarios (a) and (b): many clients on some documents, a few of them writing at a fixed
 * rate, against one server child. Measures connect+sync, fan-out latency, delivery, and the
 * server's CPU and memory; checks that every writer's copy converged.
 */
import type { ClientSpec } from './client';
import type { DriverCommand, DriverReply } from './driver';
import { mergeHistograms, percentile, percentileOf } from './histogram';
import {
  cpuSecondsBetween,
  planClients,
  splitAcrossDrivers,
  withTargetAndDrivers,
} from './runTarget';
import type { ProcessStats } from './processStats';
import type { Driver, Target, TargetKind } from './targets';

/** The load, identical for ours and the baseline. */
export interface LoadSpec {
  name: string;
  documents: number;
  clientsPerDocument: number;
  writersPerDocument: number;
  editsPerSecondPerWriter: number;
  durationMs: number;
  drivers: number;
  connectConcurrency: number;
}

export interface LoadResult {
  kind: TargetKind;
  clients: number;
  connectMs: { p50: number; p95: number; p99: number; max: number };
  connectFailures: number;
  fanoutMs: { p50: number; p95: number; p99: number; max: number };
  samples: number;
  /** Observed marker deliveries / expected (edits × other clients of the document). */
  deliveredRatio: number;
  editsSent: number;
  /** Server CPU (user + system) during the edit window, in seconds and in % of one core. */
  cpuSeconds: number;
  cpuPercentOfCore: number;
  /** Peak RSS from the end of seeding (accounts, documents) through connect and edits. */
  peakRssMb: number;
  /** Peak RSS since the process started, seeding included (what was reported before issue 19). */
  peakRssWithSeedingMb: number;
  idleRssMb: number;
  rssPerClientKb: number;
  isConverged: boolean;
  unexpectedCloses: number[];
  /** The server's event-loop delay over the edit window. */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** Busiest driver's CPU in the edit window, % of one core: near 100 means the clients limit the numbers. */
  driverCpuPercentOfCore: number;
  /** Each server process's CPU (% of one core) and peak RSS; one entry unless scaled out. */
  processes: Array<{ cpuPercentOfCore: number; peakRssMb: number }>;
}

const MB = 1024 * 1024;

/** Runs one load scenario against one fresh server child. */
export async function runLoadScenario(input: {
  kind: TargetKind;
  spec: LoadSpec;
}): Promise<LoadResult> {
  const { kind, spec } = input;
  return withTargetAndDrivers<DriverCommand, DriverReply, LoadResult>(
    { kind, drivers: spec.drivers, label: spec.name },
    ({ target, drivers, secret, phase }) =>
      measureLoad({ kind, spec, targets: [target], drivers, secret, phase }),
  );
}

/** Sums stats over several server processes (CPU and memory add up; the loop delay is the worst). */
function combinedStats(stats: readonly ProcessStats[]): ProcessStats {
  const sum = (pick: (one: ProcessStats) => number): number =>
    stats.reduce((total, one) => total + pick(one), 0);
  const worst = stats.reduce((a, b) => (b.loopDelayMs.p99 > a.loopDelayMs.p99 ? b : a));
  return {
    cpuUserMicros: sum((one) => one.cpuUserMicros),
    cpuSystemMicros: sum((one) => one.cpuSystemMicros),
    rssBytes: sum((one) => one.rssBytes),
    peakRssBytes: sum((one) => one.peakRssBytes),
    loopDelayMs: worst.loopDelayMs,
  };
}

/**
 * The measured part of a load scenario, over one or several server processes of one
 * deployment (scale-out: they share storage and Redis). Each document's clients are spread
 * over the processes in turn (client `c` of a document on process `c % processes`), so with
 * two clients per document every edit crosses processes.
 */
export async function measureLoad(input: {
  kind: TargetKind;
  spec: LoadSpec;
  targets: readonly Target[];
  drivers: Driver<DriverCommand, DriverReply>[];
  secret: string;
  phase: (phase: string) => void;
}): Promise<LoadResult> {
  const { kind, spec, targets, drivers, secret, phase } = input;
  const target = targets[0]!;
  const allStats = async (): Promise<ProcessStats[]> =>
    Promise.all(targets.map((each) => each.stats()));
  const clients = spreadOverProcesses(
    await planClients({ target, layout: spec, secret }),
    spec.documents,
    targets,
  );
  phase('seeded');
  const idle = combinedStats(await allStats());
  // Seeding 2,000 accounts through storage is not serving them: the peak is measured from here.
  await Promise.all(targets.map((each) => each.request({ type: 'resetPeakRss' })));

  const slices = splitAcrossDrivers(clients, drivers.length);
  const connected = drivers.map((driver) => driver.next('connected'));
  drivers.forEach((driver, i) =>
    driver.send({
      type: 'connect',
      clients: slices[i] ?? [],
      concurrency: Math.ceil(spec.connectConcurrency / drivers.length),
    }),
  );
  const connectReplies = await Promise.all(connected);
  const connectMs = connectReplies.flatMap((reply) => reply.connectMs);
  const connectFailures = connectReplies.flatMap((reply) => reply.failures);
  phase('connected');

  await Promise.all(targets.map((each) => each.request({ type: 'profileStart' })));
  const beforeEach = await allStats();
  const before = combinedStats(beforeEach);
  const windowStart = performance.now();
  const edited = drivers.map((driver) => driver.next('edited'));
  for (const driver of drivers) {
    driver.send({
      type: 'edit',
      intervalMs: 1000 / spec.editsPerSecondPerWriter,
      durationMs: spec.durationMs,
    });
  }
  const editReplies = await Promise.all(edited);
  const editSeconds = spec.durationMs / 1000;
  // Let the last edits arrive everywhere before reading the counters.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const afterEach = await allStats();
  const after = combinedStats(afterEach);
  await Promise.all(
    targets.map((each, index) =>
      each.request({ type: 'profileStop', label: `${spec.name.slice(1, 2)}${index}` }),
    ),
  );
  const windowSeconds = (performance.now() - windowStart) / 1000;
  phase('edited and settled');

  const reports = await Promise.all(
    drivers.map((driver) => {
      const reply = driver.next('report');
      driver.send({ type: 'report' });
      return reply;
    }),
  );
  phase('reported');
  const histogram = mergeHistograms(reports.map((report) => report.histogram));
  let expected = 0;
  let editsSent = 0;
  for (const reply of editReplies) {
    for (const count of Object.values(reply.sentByDoc)) {
      editsSent += count;
      expected += count * (spec.clientsPerDocument - 1);
    }
  }
  const received = reports.reduce(
    (sum, report) => sum + Object.values(report.receivedByDoc).reduce((a, b) => a + b, 0),
    0,
  );
  const hashes: Record<string, Set<string>> = {};
  for (const report of reports) {
    for (const [docKey, list] of Object.entries(report.hashesByDoc)) {
      for (const hash of list) (hashes[docKey] ??= new Set()).add(hash);
    }
  }
  const cpuSeconds = cpuSecondsBetween(before, after);
  return {
    kind,
    clients: clients.length,
    connectMs: {
      p50: percentileOf(connectMs, 0.5),
      p95: percentileOf(connectMs, 0.95),
      p99: percentileOf(connectMs, 0.99),
      max: percentileOf(connectMs, 1),
    },
    connectFailures: connectFailures.length,
    fanoutMs: {
      p50: percentile(histogram, 0.5),
      p95: percentile(histogram, 0.95),
      p99: percentile(histogram, 0.99),
      max: histogram.maxMs,
    },
    samples: histogram.total,
    deliveredRatio: expected === 0 ? Number.NaN : received / expected,
    editsSent,
    cpuSeconds,
    cpuPercentOfCore: (100 * cpuSeconds) / windowSeconds,
    peakRssMb: after.peakRssBytes / MB,
    peakRssWithSeedingMb: Math.max(idle.peakRssBytes, after.peakRssBytes) / MB,
    idleRssMb: idle.rssBytes / MB,
    rssPerClientKb: (after.peakRssBytes - idle.rssBytes) / 1024 / Math.max(1, connectMs.length),
    isConverged: Object.values(hashes).every((set) => set.size === 1),
    unexpectedCloses: reports.flatMap((report) => report.unexpectedCloses),
    loopDelayMs: after.loopDelayMs,
    driverCpuPercentOfCore: Math.max(
      ...editReplies.map((reply) => (100 * reply.cpuSeconds) / editSeconds),
    ),
    processes: targets.map((_, index) => ({
      cpuPercentOfCore:
        (100 * cpuSecondsBetween(beforeEach[index]!, afterEach[index]!)) / windowSeconds,
      peakRssMb: afterEach[index]!.peakRssBytes / MB,
    })),
  };
}

/** Moves client `c` of each document to process `c % processes` (planned against the first). */
function spreadOverProcesses(
  clients: ClientSpec[],
  documents: number,
  targets: readonly Target[],
): ClientSpec[] {
  if (targets.length === 1) return clients;
  const firstPort = `:${targets[0]!.port}/`;
  return clients.map((client, index) => {
    const target = targets[Math.floor(index / documents) % targets.length]!;
    return { ...client, url: client.url.replace(firstPort, `:${target.port}/`) };
  });
}
