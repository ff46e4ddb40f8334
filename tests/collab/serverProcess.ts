/**
 * Runs the real server (`server/main.ts`) as a child process on a given DATA_DIR, the way
 * `npm start` does, so tests can send it real signals (SIGTERM, SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { mongoEnvFor } from '../helpers/mongoTestDatabases';
import { TEST_SECRET } from './helpers';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** `ws://127.0.0.1:<port>/collab` */
  serverUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every log line the server printed (JSON), for diagnostics. */
  logs: string[];
}

/** Starts `server/main.ts` on `port` (0 = any free port) and waits for its "listening" log line. */
export async function spawnServer(input: {
  dataDir: string;
  port?: number;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(input.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: input.dataDir,
      // The data dir's own database when the run uses MongoDB (the same one tests read).
      ...mongoEnvFor(input.dataDir),
      SESSION_SECRET: TEST_SECRET,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${logs.join('\n')}`)),
      input.timeoutMs ?? 20_000,
    );
    void exited.then(({ code }) =>
      reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const match = /"url":"https?:\/\/[^":]+:(\d+)"/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return { child, port, serverUrl: `ws://127.0.0.1:${port}/collab`, exited, logs };
}
