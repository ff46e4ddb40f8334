/**
 * The MongoDB wire-protocol emulator (`tests/mongoEmulator/server.py`: mockupdb in front of
 * mongomock) as a child process, for test files that need a MongoDB and were given no
 * MONGODB_URI. It runs with Debian's /usr/bin/python3 (another python3 may come first on
 * PATH without the packages) and exits with its parent: it watches its stdin.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The interpreter that has python3-mockupdb and python3-mongomock (Debian packages). */
export const EMULATOR_PYTHON = '/usr/bin/python3';
const SERVER_SCRIPT = path.resolve(import.meta.dirname, '../mongoEmulator/server.py');

/** True when the emulator can run here: the interpreter imports both packages. */
export function isMongoEmulatorInstalled(): boolean {
  const probe = spawnSync(EMULATOR_PYTHON, ['-c', 'import mockupdb, mongomock'], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** A running emulator: its URI (no database: each user picks its own) and how to stop it. */
export interface MongoEmulator {
  uri: string;
  stop(): Promise<void>;
}

/** Starts the emulator on a free loopback port and waits for the port it prints. */
export async function startMongoEmulator(timeoutMs = 15_000): Promise<MongoEmulator> {
  const child = spawn(EMULATOR_PYTHON, ['-B', SERVER_SCRIPT, '--port', '0', '--exit-with-parent'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    errors.push(chunk.toString());
    // What the emulator could not answer is worth seeing next to the failing test.
    process.stderr.write(`[mongo emulator] ${chunk.toString()}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the MongoDB emulator did not start')),
      timeoutMs,
    );
    void exited.then(() => reject(new Error(`the MongoDB emulator exited:\n${errors.join('')}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(Number(line.trim()));
    });
  });
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
