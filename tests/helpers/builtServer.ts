/**
 * The server as `npm start` runs it: bundled by scripts/buildServer.ts and run by plain node.
 * Built on first use into its own folder under dist/ (inside the repository, so node_modules
 * resolves as in production; two levels deep, like dist/server/), removed after the file.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll } from 'vitest';
import { bundleForNode } from '../../scripts/buildServer';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Call at a test file's top level; the function returned builds once and gives the entry. */
export function useBuiltServer(): () => Promise<string> {
  const outdir = path.join('dist', `test-server-${randomUUID()}`);
  let built: Promise<string> | null = null;
  afterAll(() => rm(path.join(REPO_ROOT, outdir), { recursive: true, force: true }));
  return () =>
    (built ??= bundleForNode({
      entry: path.join(REPO_ROOT, 'server/main.ts'),
      outdir: path.join(REPO_ROOT, outdir),
    }).then(() => path.join(outdir, 'main.js')));
}

/**
 * The two ways the server runs, for `it.each`: its sources under tsx (`npm run dev`, every
 * other test) and the bundle `npm start` runs. `entry()` gives what `spawnServer` takes.
 */
export function useServerEntries(): Array<{
  runs: string;
  entry: () => Promise<string | undefined>;
}> {
  const builtServerEntry = useBuiltServer();
  return [
    { runs: 'server/main.ts under tsx', entry: () => Promise.resolve(undefined) },
    { runs: 'the built server (npm start)', entry: builtServerEntry },
  ];
}
