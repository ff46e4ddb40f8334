/**
 * What every measured scenario does around its load: a fresh server child (ours or the
 * baseline) on a throwaway data directory, driver children for the clients, one socket
 * address (and for ours an account and collab token) per client, and the server's CPU over
 * the measured window. Shared by the load scenarios and the review meeting.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { signCollabToken } from '../server/auth/collabToken';
import type { ClientSpec } from './client';
import type { SeedAnswer } from './ipc';
import type { ProcessStats } from './processStats';
import {
  startDriver,
  startTarget,
  type Driver,
  type DriverMessage,
  type Target,
  type TargetKind,
} from './targets';

/** Environment of our server child: production settings on a throwaway data directory. */
export function ourServerEnv(input: { dataDir: string; secret: string }): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    // Required in production; the bench builds its socket addresses from the port itself.
    PUBLIC_URL: 'http://127.0.0.1',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: input.dataDir,
    SESSION_SECRET: input.secret,
    LOG_LEVEL: 'silent',
  };
}

/**
 * The reference server reads these at import time; unset, it keeps documents in memory with
 * no persistence, no HTTP callbacks and garbage collection on — its defaults.
 */
export const BASELINE_ENV: NodeJS.ProcessEnv = {
  YPERSISTENCE: undefined,
  CALLBACK_URL: undefined,
  GC: undefined,
};

/** How many clients on how many documents; the first `writersPerDocument` of each document write. */
export interface ClientLayout {
  documents: number;
  clientsPerDocument: number;
  writersPerDocument: number;
}

/** Builds the socket address of every client, minting a collab token per client for ours. */
export async function planClients(input: {
  target: Target;
  layout: ClientLayout;
  secret: string;
}): Promise<ClientSpec[]> {
  const { target, layout, secret } = input;
  const total = layout.documents * layout.clientsPerDocument;
  const base = `ws://127.0.0.1:${target.port}`;
  const seeded =
    target.kind === 'ours'
      ? await target.request<SeedAnswer>({
          type: 'seed',
          users: total,
          documents: layout.documents,
        })
      : null;
  const clients: ClientSpec[] = [];
  let writerId = 1;
  for (let c = 0; c < layout.clientsPerDocument; c += 1) {
    for (let d = 0; d < layout.documents; d += 1) {
      const docKey = `bench-doc-${d}`;
      const isWriter = c < layout.writersPerDocument;
      const id = isWriter ? writerId : null;
      if (isWriter) writerId += 1;
      if (!seeded) {
        clients.push({ url: `${base}/${docKey}`, docKey, writerId: id });
        continue;
      }
      const documentId = seeded.documentIds[d] as string;
      const userId = seeded.userIds[clients.length] as string;
      const { token } = signCollabToken({
        secret,
        userId,
        documentId,
        canWrite: true,
        ttlSeconds: 3600,
      });
      clients.push({ url: `${base}/collab/${documentId}?token=${token}`, docKey, writerId: id });
    }
  }
  return clients;
}

/** Client `j` goes to driver `j % drivers`, so every driver gets a fair share of writers. */
export function splitAcrossDrivers<T>(items: readonly T[], drivers: number): T[][] {
  return Array.from({ length: drivers }, (_, i) => items.filter((_item, j) => j % drivers === i));
}

/** Server CPU (user + system) between two readings, in seconds. */
export function cpuSecondsBetween(before: ProcessStats, after: ProcessStats): number {
  return (
    (after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros) /
    1e6
  );
}

/** `BENCH_DEBUG=1` prints the phases of each scenario with their duration. */
export function createPhaseLog(label: string): (phase: string) => void {
  const isDebug = process.env.BENCH_DEBUG === '1';
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (isDebug) console.error(`[bench ${label}] ${phase} ${Math.round(now - last)} ms`);
    last = now;
  };
}

/** What a scenario body gets: the running server, its drivers and the secret its tokens use. */
export interface RunContext<Command extends DriverMessage, Reply extends DriverMessage> {
  target: Target;
  drivers: Driver<Command, Reply>[];
  secret: string;
  phase: (phase: string) => void;
}

/**
 * Starts a fresh server child of `kind` and `drivers` driver children, runs `body`, and always
 * stops them all and removes the data directory afterwards.
 */
export async function withTargetAndDrivers<
  Command extends DriverMessage,
  Reply extends DriverMessage,
  Result,
>(
  input: { kind: TargetKind; drivers: number; driverScript?: string; label: string },
  body: (context: RunContext<Command, Reply>) => Promise<Result>,
): Promise<Result> {
  const phase = createPhaseLog(`${input.label} ${input.kind}`);
  const secret = randomBytes(32).toString('base64url');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-bench-'));
  const target = await startTarget({
    kind: input.kind,
    env: input.kind === 'ours' ? ourServerEnv({ dataDir, secret }) : BASELINE_ENV,
  });
  const drivers = await Promise.all(
    Array.from({ length: input.drivers }, () =>
      startDriver<Command, Reply>(input.driverScript ? { script: input.driverScript } : {}),
    ),
  );
  phase('started server and drivers');
  try {
    return await body({ target, drivers, secret, phase });
  } finally {
    await Promise.all(drivers.map((driver) => driver.close()));
    phase('drivers closed');
    await target.stop();
    await rm(dataDir, { recursive: true, force: true });
    phase('server stopped');
  }
}
