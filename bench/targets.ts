/**
 * Starting, querying and stopping the server under test (ours or the baseline) and the
 * client drivers, each in its own child process so their CPU and memory stay separate.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../scripts/buildServer';
import type { DriverCommand, DriverReply } from './driver';
import type { AnswerEnvelope, ServerRequest } from './ipc';
import type { ProcessStats } from './processStats';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Drivers run TypeScript through tsx; servers are bundled first (`builtServerChild`). */
const EXEC_ARGV = ['--import', 'tsx'];

const builds = new Map<TargetKind, Promise<string>>();
/**
 * A server child bundled with the server's own build (scripts/buildServer.ts) and run by plain
 * node, as `npm start` runs the server: no TypeScript loader in the measured process, ours or
 * the reference. Built once per run, under dist/ so node_modules resolves as usual.
 */
function builtServerChild(kind: TargetKind): Promise<string> {
  let built = builds.get(kind);
  if (!built) {
    const name = kind === 'ours' ? 'ourServer' : 'baselineServer';
    built = bundleForNode({
      entry: path.join(BENCH_DIR, `${name}.ts`),
      outdir: path.join(BENCH_DIR, '..', 'dist', `bench-${kind}`),
    });
    builds.set(kind, built);
  }
  return built;
}

/** Waits for a child to exit, at most `ms`; kills it when it does not. The timer never holds the run open. */
async function awaitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export type TargetKind = 'ours' | 'baseline';

/** A running server child. */
export interface Target {
  kind: TargetKind;
  port: number;
  request<T>(request: ServerRequest): Promise<T>;
  stats(): Promise<ProcessStats>;
  stop(): Promise<void>;
}

/** Starts a server child and waits until it listens. */
export async function startTarget(input: {
  kind: TargetKind;
  env?: NodeJS.ProcessEnv;
}): Promise<Target> {
  const child = fork(await builtServerChild(input.kind), [], {
    // For looking inside a server: e.g. `--heapsnapshot-signal=SIGUSR2` or `--cpu-prof`.
    execArgv: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    env: { ...process.env, ...input.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { ready?: boolean; port?: number }) => {
      if (message.ready && typeof message.port === 'number') resolve(message.port);
      else reject(new Error(`unexpected first message from ${input.kind} server`));
    });
    child.once('exit', (code) => reject(new Error(`${input.kind} server exited early (${code})`)));
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(body: unknown): void; reject(error: Error): void }>();
  // A child that dies fails every open request instead of hanging the run.
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values()) {
      waiter.reject(new Error(`${input.kind} server exited (${code ?? signal})`));
    }
    pending.clear();
  });
  child.on('message', (message: AnswerEnvelope) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(message.error));
    else waiter.resolve(message.body);
  });
  const request = <T>(body: ServerRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ id, body });
    });
  return {
    kind: input.kind,
    port,
    request,
    stats: () => request<ProcessStats>({ type: 'stats' }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = awaitExit(child, 30_000);
      await request({ type: 'stop' }).catch(() => undefined);
      await exited;
    },
  };
}

/** A message between the coordinator and a driver; every kind is told apart by `type`. */
export interface DriverMessage {
  type: string;
}

/** A running driver child, speaking its script's commands and replies. */
export interface Driver<
  Command extends DriverMessage = DriverCommand,
  Reply extends DriverMessage = DriverReply,
> {
  send(command: Command): void;
  next<T extends Reply['type']>(type: T): Promise<Extract<Reply, { type: T }>>;
  /** Sends `{ type: 'close' }` (every driver script serves it) and waits for the exit. */
  close(): Promise<void>;
}

/**
 * Starts a driver child: `driver.ts` (the load scenarios' clients) unless `script` names
 * another driver file under bench/.
 */
export async function startDriver<
  Command extends DriverMessage = DriverCommand,
  Reply extends DriverMessage = DriverReply,
>(input: { script?: string } = {}): Promise<Driver<Command, Reply>> {
  const child: ChildProcess = fork(path.join(BENCH_DIR, input.script ?? 'driver.ts'), [], {
    execArgv: EXEC_ARGV,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  await new Promise<void>((resolve) => child.once('spawn', () => resolve()));
  return {
    send: (command) => child.send(command),
    next: <T extends Reply['type']>(type: T) =>
      new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
        const onExit = (code: number | null): void => {
          child.off('message', listener);
          reject(new Error(`driver exited (${code}) while waiting for ${type}`));
        };
        const listener = (message: Reply): void => {
          if (message.type !== type) return;
          child.off('message', listener);
          child.off('exit', onExit);
          resolve(message as Extract<Reply, { type: T }>);
        };
        child.on('message', listener);
        child.once('exit', onExit);
      }),
    async close() {
      const exited = awaitExit(child, 5_000);
      child.send({ type: 'close' } satisfies DriverMessage);
      await exited;
    },
  };
}
