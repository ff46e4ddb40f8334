/**
 * The review meeting (issue 9): one document, `clients` participants with awareness on, each
 * publishing its caret as the editor does (`caret.ts`), `typists` of them typing
 * `charsPerSecond` keystrokes per second into their own paragraph for `durationMs`. Measures
 * closed connections, awareness and document-update frames per client per second, fan-out
 * latency of document updates, and the server's CPU and memory.
 */
import { mergeHistograms, percentile } from '../histogram';
import {
  cpuSecondsBetween,
  planClients,
  splitAcrossDrivers,
  withTargetAndDrivers,
} from '../runTarget';
import type { TargetKind } from '../targets';
import type { CaretMode } from './caret';
import type { ClientClose, ClientWindow, FrameCounts, MeetingBehaviour, RelayMode } from './client';
import type { MeetingCommand, MeetingReply } from './driver';

/** The meeting, identical for ours and the baseline. */
export interface MeetingSpec extends MeetingBehaviour {
  clients: number;
  typists: number;
  durationMs: number;
  drivers: number;
}

/** Mean and maximum over the participants. */
export interface Spread {
  mean: number;
  max: number;
}

/** Frames per client per second over the window, by kind and direction. */
export type FrameRates = Record<keyof FrameCounts, Spread>;

export interface MeetingResult {
  kind: TargetKind;
  caret: CaretMode;
  relay: RelayMode;
  clients: number;
  connectFailures: string[];
  /** Connections the participants did not close themselves (expected: none). */
  closes: ClientClose[];
  /** Frames per client per second connected (a client closed early counts only its connected time). */
  rates: FrameRates;
  keystrokes: number;
  /** From a typist's keystroke to its arrival at each other participant. */
  fanoutMs: { p50: number; p99: number; max: number };
  samples: number;
  /** Samples / (keystrokes × other participants). */
  deliveredRatio: number;
  /** Copies of the participants still connected at the end that hash equal / all of them. */
  convergedCopies: { equal: number; of: number };
  cpuSeconds: number;
  cpuPercentOfCore: number;
  peakRssMb: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  driverCpuPercentOfCore: number;
  /** Worst driver's event-loop delay p99: clients that lag behind type late and read late. */
  driverLoopDelayP99Ms: number;
}

const MB = 1024 * 1024;
/** Time for the last keystrokes and carets to arrive everywhere before reading the counters. */
const SETTLE_MS = 1500;

function spreadOf(values: number[]): Spread {
  if (values.length === 0) return { mean: Number.NaN, max: Number.NaN };
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) };
}

function ratesOf(windows: ClientWindow[]): FrameRates {
  const rate = (key: keyof FrameCounts): Spread =>
    spreadOf(
      windows
        .filter((window) => window.connectedSeconds > 0)
        .map((window) => window.counts[key] / window.connectedSeconds),
    );
  return {
    awarenessSent: rate('awarenessSent'),
    awarenessReceived: rate('awarenessReceived'),
    updatesSent: rate('updatesSent'),
    updatesReceived: rate('updatesReceived'),
  };
}

/** The most common hash and how many copies have it. */
function convergence(hashes: string[]): { equal: number; of: number } {
  const tally = new Map<string, number>();
  for (const hash of hashes) tally.set(hash, (tally.get(hash) ?? 0) + 1);
  return { equal: Math.max(0, ...tally.values()), of: hashes.length };
}

/** Runs the meeting once against one fresh server child. */
export async function runMeetingScenario(input: {
  kind: TargetKind;
  spec: MeetingSpec;
}): Promise<MeetingResult> {
  const { kind, spec } = input;
  const behaviour: MeetingBehaviour = {
    caret: spec.caret,
    relay: spec.relay,
    charsPerSecond: spec.charsPerSecond,
    moveEveryMs: spec.moveEveryMs,
  };
  return withTargetAndDrivers<MeetingCommand, MeetingReply, MeetingResult>(
    {
      kind,
      drivers: spec.drivers,
      driverScript: 'meeting/driver.ts',
      label: `meeting ${spec.caret}`,
    },
    async ({ target, drivers, secret, phase }) => {
      const specs = await planClients({
        target,
        layout: {
          documents: 1,
          clientsPerDocument: spec.clients,
          writersPerDocument: spec.typists,
        },
        secret,
      });
      phase('seeded');
      const slices = splitAcrossDrivers(
        specs.map((clientSpec, index) => ({ spec: clientSpec, index })),
        drivers.length,
      );
      const connected = drivers.map((driver) => driver.next('connected'));
      drivers.forEach((driver, i) =>
        driver.send({ type: 'connect', clients: slices[i] ?? [], behaviour, concurrency: 5 }),
      );
      const connectFailures = (await Promise.all(connected)).flatMap((reply) => reply.failures);
      // Let every participant's first caret reach everyone before the window opens.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      phase('connected');

      await target.request({ type: 'profileStart' });
      const before = await target.stats();
      const windowStart = performance.now();
      const ran = drivers.map((driver) => driver.next('ran'));
      for (const driver of drivers) driver.send({ type: 'run', durationMs: spec.durationMs });
      const ranReplies = await Promise.all(ran);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const after = await target.stats();
      await target.request({ type: 'profileStop', label: `meeting-${spec.caret}` });
      const windowSeconds = (performance.now() - windowStart) / 1000;
      phase('ran and settled');

      const reports = await Promise.all(
        drivers.map((driver) => {
          const reply = driver.next('report');
          driver.send({ type: 'report' });
          return reply;
        }),
      );
      const histogram = mergeHistograms(reports.map((report) => report.histogram));
      const keystrokes = ranReplies.reduce((sum, reply) => sum + reply.keystrokes, 0);
      const cpuSeconds = cpuSecondsBetween(before, after);
      return {
        kind,
        caret: spec.caret,
        relay: spec.relay,
        clients: specs.length,
        connectFailures,
        closes: reports.flatMap((report) => report.closes),
        rates: ratesOf(ranReplies.flatMap((reply) => reply.windows)),
        keystrokes,
        fanoutMs: {
          p50: percentile(histogram, 0.5),
          p99: percentile(histogram, 0.99),
          max: histogram.maxMs,
        },
        samples: histogram.total,
        deliveredRatio:
          keystrokes === 0 ? Number.NaN : histogram.total / (keystrokes * (specs.length - 1)),
        convergedCopies: convergence(reports.flatMap((report) => report.hashes)),
        cpuSeconds,
        cpuPercentOfCore: (100 * cpuSeconds) / windowSeconds,
        peakRssMb: after.peakRssBytes / MB,
        loopDelayMs: after.loopDelayMs,
        driverCpuPercentOfCore: Math.max(
          ...ranReplies.map((reply) => (100 * reply.cpuSeconds) / reply.windowSeconds),
        ),
        driverLoopDelayP99Ms: Math.max(...ranReplies.map((reply) => reply.loopDelayP99Ms)),
      };
    },
  );
}
