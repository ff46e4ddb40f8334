/**
 * Runs the real server (`server/main.ts`) as a child process on a given DATA_DIR, the way
 * `npm start` does, so tests can send it real signals (SIGTERM, SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { createLogger } from '../../server/logger';
import { openStorage } from '../../server/storage';
import type { Storage } from '../../server/storage/types';
import { mongoEnvFor } from '../helpers/mongoTestDatabases';
import { TEST_SECRET, testConfig, type TestClient } from './helpers';

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
  /** Extra environment, e.g. `REDIS_URL` for the scale-out tests. */
  env?: Record<string, string>;
  /**
   * The script to run instead of `server/main.ts` (relative to the repository), e.g. a test
   * server with its writes held back; it must log the `"url":"http://host:port"` line too.
   * A `.js` entry (the built server, tests/helpers/builtServer.ts) runs without tsx.
   */
  entry?: string;
}): Promise<ServerProcess> {
  const entry = input.entry ?? 'server/main.ts';
  const loader = entry.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, entry], {
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
      ...input.env,
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

/**
 * The real server accepts only the editor's shared types, so these tests write into its
 * fragment: each edit is one XmlText appended (or prepended), read back as one string.
 */
export function contentOf(doc: Y.Doc): string {
  return doc.getXmlFragment(EDITOR_FRAGMENT).toString();
}

/** Appends (or prepends) `token` as one XmlText of the editor fragment. */
export function addText(client: TestClient, token: string, atStart = false): void {
  const fragment = client.ydoc.getXmlFragment(EDITOR_FRAGMENT);
  fragment.insert(atStart ? 0 : fragment.length, [new Y.XmlText(token)]);
}

/** Opens the data dir's store (as another process would), uses it, closes it. */
export async function withStorage<T>(
  dataDir: string,
  use: (storage: Storage) => Promise<T>,
): Promise<T> {
  const config = testConfig(dataDir);
  const storage = await openStorage({ config, logger: createLogger(config) });
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

export async function storedText(dataDir: string, documentId: string): Promise<string> {
  return withStorage(dataDir, async (storage) => {
    const state = await storage.loadDocState({ documentId });
    const doc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update.data);
    return contentOf(doc);
  });
}
