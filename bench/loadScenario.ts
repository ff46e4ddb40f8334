/**
 * Scenarios (a) and (b): many clients on some documents, a few of them writing at a fixed
 * rate, against one server child. Measures connect+sync, fan-out latency, delivery, and the
 * server's CPU and memory; checks that every writer's copy converged.
 */
import type { DriverCommand, DriverReply } from './driver';
import { mergeHistograms, percentile, percentileOf } from './histogram';
import {
  cpuSecondsBetween,
  planClients,
  splitAcrossDrivers,
  withTargetAndDrivers,
} from './runTarget';
import type { TargetKind } from './targets';

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
  peakRssMb: number;
  idleRssMb: number;
  rssPerClientKb: number;
  isConverged: boolean;
  unexpectedCloses: number[];
  /** The server's event-loop delay over the edit window. */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** Busiest driver's CPU in the edit window, % of one core: near 100 means the clients limit the numbers. */
  driverCpuPercentOfCore: number;
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
    async ({ target, drivers, secret, phase }) => {
      const clients = await planClients({ target, layout: spec, secret });
      phase('seeded');
      const idle = await target.stats();

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

      await target.request({ type: 'profileStart' });
      const before = await target.stats();
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
      const after = await target.stats();
      await target.request({ type: 'profileStop', label: spec.name.slice(1, 2) });
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
        idleRssMb: idle.rssBytes / MB,
        rssPerClientKb: (after.peakRssBytes - idle.rssBytes) / 1024 / Math.max(1, connectMs.length),
        isConverged: Object.values(hashes).every((set) => set.size === 1),
        unexpectedCloses: reports.flatMap((report) => report.unexpectedCloses),
        loopDelayMs: after.loopDelayMs,
        driverCpuPercentOfCore: Math.max(
          ...editReplies.map((reply) => (100 * reply.cpuSeconds) / editSeconds),
        ),
      };
    },
  );
}
