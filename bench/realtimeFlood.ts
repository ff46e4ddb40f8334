/**
 * `npm run soak:realtime`: the Socket.IO flood of issue 8 item 2, measured. One account owns a
 * document with ~1 M characters of plain text; 3 sockets of that account send ~3,000
 * `presence:open`/`presence:close` events as fast as they can (an attacker does not wait for
 * answers), while a probe asks `GET /api/health` one request at a time. Reports the server
 * child's peak RSS, the health latency during the flood, and how the requests were answered.
 * Loopback only; bounded by the event count and a deadline (FLOOD_DEADLINE_MS).
 *   FLOOD_EVENTS=3000 FLOOD_SOCKETS=3 FLOOD_TEXT_CHARS=1000000   the load
 *   --json                                                        also print the result as JSON
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connectClient, type Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../shared/realtime/events';
import type { HealthProbeAnswer } from './healthProbe';
import { percentileOf } from './histogram';
import type { LargeDocumentAnswer } from './ipc';
import { ourServerEnv } from './runTarget';
import { startTarget, type Target } from './targets';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const EVENTS = Number(process.env.FLOOD_EVENTS ?? 3000);
const SOCKETS = Number(process.env.FLOOD_SOCKETS ?? 3);
const TEXT_CHARS = Number(process.env.FLOOD_TEXT_CHARS ?? 1_000_000);
/** The flood stops counting (unanswered requests are reported) after this long. */
const DEADLINE_MS = Number(process.env.FLOOD_DEADLINE_MS ?? 120_000);

interface FloodResult {
  events: number;
  sockets: number;
  textChars: number;
  floodMs: number;
  /** Acknowledgements by outcome: `ok`, an error code, or `unanswered` at the deadline. */
  answers: Record<string, number>;
  rssBeforeMb: number;
  peakRssMb: number;
  health: { probes: number; failures: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The server's event-loop delay during the flood: how long everyone else waited. */
  serverLoopDelayMs: { p50: number; p99: number; max: number } | null;
  serverDied: boolean;
}

function connect(url: string, cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie, origin: url },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sends this socket's share of the flood without waiting; resolves when all are answered. */
function flood(input: {
  socket: ClientSocket;
  documentId: string;
  count: number;
  answers: Record<string, number>;
}): Promise<void> {
  const { socket, documentId, count, answers } = input;
  let pending = count;
  return new Promise((resolve) => {
    const onAnswer = (outcome: string): void => {
      answers[outcome] = (answers[outcome] ?? 0) + 1;
      pending -= 1;
      if (pending === 0) resolve();
    };
    for (let i = 0; i < count; i += 1) {
      const event = i % 2 === 0 ? 'presence:open' : 'presence:close';
      socket
        .timeout(DEADLINE_MS)
        .emit(event, { documentId }, (error: Error | null, result?: AckResult) => {
          if (error || !result) onAnswer('unanswered');
          else onAnswer(result.ok ? 'ok' : result.error.code);
        });
    }
  });
}

/** Starts the health probe in its own process; `stop()` answers with its samples. */
async function startHealthProbe(url: string): Promise<{ stop(): Promise<HealthProbeAnswer> }> {
  const child = fork(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'healthProbe.ts'),
    [url],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  await new Promise((resolve) => child.once('message', resolve));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('message', (answer: HealthProbeAnswer) => resolve(answer));
        child.send('stop');
      }),
  };
}

async function run(target: Target): Promise<FloodResult> {
  const url = `http://127.0.0.1:${target.port}`;
  const seeded = await target.request<LargeDocumentAnswer>({
    type: 'seedLargeDocument',
    textChars: TEXT_CHARS,
  });
  const sockets = await Promise.all(
    Array.from({ length: SOCKETS }, () => connect(url, seeded.cookie)),
  );
  const before = await target.stats();
  // Resets the server's event-loop delay histogram: what follows is the flood's.
  await target.request({ type: 'profileStart' });
  const probe = await startHealthProbe(url);

  const answers: Record<string, number> = {};
  let serverDied = false;
  const startedAt = performance.now();
  const perSocket = Math.ceil(EVENTS / SOCKETS);
  const floods = Promise.all(
    sockets.map((socket) =>
      flood({ socket, documentId: seeded.documentId, count: perSocket, answers }),
    ),
  );
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, DEADLINE_MS).unref());
  await Promise.race([floods, deadline]);
  const floodMs = performance.now() - startedAt;
  const health = await probe.stop();
  for (const socket of sockets) socket.disconnect();
  const after = await target.stats().catch(() => {
    serverDied = true;
    return null;
  });
  const answered = Object.values(answers).reduce((sum, n) => sum + n, 0);
  if (answered < perSocket * SOCKETS) {
    answers.unanswered = (answers.unanswered ?? 0) + perSocket * SOCKETS - answered;
  }
  const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
  return {
    events: perSocket * SOCKETS,
    sockets: SOCKETS,
    textChars: TEXT_CHARS,
    floodMs: Math.round(floodMs),
    answers,
    rssBeforeMb: mb(before.rssBytes),
    peakRssMb: after ? mb(after.peakRssBytes) : Number.NaN,
    health: {
      probes: health.samples.length,
      failures: health.failures,
      p50Ms: round(percentileOf(health.samples, 0.5)),
      p99Ms: round(percentileOf(health.samples, 0.99)),
      maxMs: round(Math.max(...health.samples)),
    },
    serverLoopDelayMs: after
      ? {
          p50: round(after.loopDelayMs.p50),
          p99: round(after.loopDelayMs.p99),
          max: round(after.loopDelayMs.max),
        }
      : null,
    serverDied,
  };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-flood-'));
  const secret = randomBytes(32).toString('hex');
  const target = await startTarget({ kind: 'ours', env: ourServerEnv({ dataDir, secret }) });
  try {
    const result = await run(target);
    const refused = Object.entries(result.answers)
      .filter(([outcome]) => outcome !== 'ok')
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(', ');
    console.log(
      [
        `Socket.IO flood: ${result.events} presence:open/close from ${result.sockets} sockets of one account ` +
          `on a ${result.textChars.toLocaleString('en')}-character document (node ${process.version})`,
        `  flood answered in ${result.floodMs} ms: ${result.answers.ok ?? 0} ok; refused: ${refused || 'none'}`,
        `  server RSS before ${result.rssBeforeMb} MB, peak ${result.peakRssMb} MB` +
          (result.serverDied ? ' (server died)' : ''),
        `  /api/health during the flood: ${result.health.probes} probes, p50 ${result.health.p50Ms} ms, ` +
          `p99 ${result.health.p99Ms} ms, max ${result.health.maxMs} ms, ${result.health.failures} failed`,
        `  server event-loop delay during the flood: ` +
          (result.serverLoopDelayMs
            ? `p50 ${result.serverLoopDelayMs.p50} ms, p99 ${result.serverLoopDelayMs.p99} ms, max ${result.serverLoopDelayMs.max} ms`
            : 'n/a'),
      ].join('\n'),
    );
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  } finally {
    await target.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
