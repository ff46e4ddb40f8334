/**
 * `npm run build:server`: bundles the server (server/main.ts and what it imports from server/
 * and shared/) into one ESM file, dist/server/main.js, which `npm start` runs with plain node.
 * No TypeScript loader stays in the running process (about 40 MB less resident memory than
 * under tsx, docs/PERFORMANCE.md "Idle memory") and nothing is compiled at startup. npm
 * packages stay external: node_modules serves them as usual.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where `npm start` finds the server: two levels deep, like server/http/, for its paths. */
export const SERVER_BUNDLE_DIR = 'dist/server';

/**
 * Bundles one TypeScript entry for Node (the server, or a benchmark's server child) into
 * `outdir`, as `<entry name>.js`, and returns that file's path. Code splitting keeps lazy
 * loading lazy: a local module behind `await import()` (the MongoDB engine, the exports,
 * Redis) becomes its own chunk, so its packages load only when it does; without it esbuild
 * hoists every package import of the bundle to the top of one file.
 */
export async function bundleForNode(input: { entry: string; outdir: string }): Promise<string> {
  await build({
    entryPoints: [input.entry],
    outdir: input.outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20.19',
    // For reading stack traces: `node --enable-source-maps` (not on by default: it parses
    // every map at startup, ~16 MB of resident memory measured here).
    sourcemap: true,
    logLevel: 'warning',
  });
  return path.join(input.outdir, `${path.basename(input.entry, path.extname(input.entry))}.js`);
}

const isCommandLine =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isCommandLine) {
  await rm(SERVER_BUNDLE_DIR, { recursive: true, force: true });
  await bundleForNode({ entry: 'server/main.ts', outdir: SERVER_BUNDLE_DIR });
}
