/**
 * Vitest global setup: builds the client once, before any browser test starts, into a
 * private temp dir (never the shared dist/client, which other runs may be rebuilding or
 * serving), and hands its path to the e2e tests as `inject('e2eClientDir')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory holding the production build of the client for this test run. */
    e2eClientDir: string;
  }
}

/** Runs once before the whole suite; the returned function cleans up after it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'clip-e2e-client-'));
  await build({
    configFile: fileURLToPath(new URL('../../client/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('e2eClientDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
