/**
 * A server process that only serves collaboration never loads the libraries of exports,
 * imports, mail or scale-out: they load when their feature is first used (issue 19, idle
 * memory; docs/PERFORMANCE.md). The real entry point, from the sources and built as `npm start`
 * runs it, is started with a module-resolution hook that writes every resolved module to a file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useServerEntries } from '../helpers/builtServer';
import { spawnServer } from './serverProcess';

/** Loaded on first use only (the composition root and every startup path leave them alone). */
const LAZY_PACKAGES = [
  'docx',
  'pdfmake',
  'mammoth',
  'markdown-it',
  'prosemirror-markdown',
  'sanitize-html',
  'htmlparser2',
  'nodemailer',
  'multer',
  'ioredis',
  '@socket.io/redis-streams-adapter',
  // The MongoDB engine, unless this run's servers use it (the MongoDB integration pass).
  ...(process.env.MONGODB_URI ? [] : ['mongoose']),
];
/** What the recorder must see, or it records nothing and the test proves nothing. */
const STARTUP_PACKAGES = ['express', 'socket.io', 'ws', 'yjs', 'better-sqlite3'];

/** Node's module hooks (run on the loader thread): append every resolved URL to a file. */
const HOOKS_SOURCE = `
import { appendFileSync } from 'node:fs';
let logFile;
export function initialize(data) { logFile = data.logFile; }
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(logFile, result.url + '\\n');
  return result;
}
`;

/** The package a module URL belongs to (`@scope/name` or `name`), or null for our own files. */
function packageOf(url: string): string | null {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(url);
  return match ? (match[1] as string) : null;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const serverEntries = useServerEntries();

describe('server startup', () => {
  // From the sources (tsx) and as `npm start` runs it: a bundle hoists the package imports of
  // a lazily imported file of ours to its top unless that file is a chunk of its own.
  it.each(serverEntries)(
    '$runs: loads no export, import, mail, Redis or MongoDB library until a feature needs it',
    async ({ entry }) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'clip-startup-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const logFile = path.join(dir, 'resolved.txt');
      const hooksFile = path.join(dir, 'hooks.mjs');
      const registerFile = path.join(dir, 'register.mjs');
      await writeFile(logFile, '');
      await writeFile(hooksFile, HOOKS_SOURCE);
      await writeFile(
        registerFile,
        `import { register } from 'node:module';\n` +
          `register(${JSON.stringify(pathToFileURL(hooksFile).href)}, ` +
          `{ data: { logFile: ${JSON.stringify(logFile)} } });\n`,
      );
      const dataDir = path.join(dir, 'data');
      // Registered before tsx (NODE_OPTIONS come first), so it sees what tsx resolves too.
      const builtEntry = await entry();
      const server = await spawnServer({
        dataDir,
        ...(builtEntry ? { entry: builtEntry } : {}),
        env: {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(registerFile).href}`,
          SMTP_URL: 'json:',
        },
      });
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);

      const loaded = new Set(
        (await readFile(logFile, 'utf8'))
          .split('\n')
          .map(packageOf)
          .filter((name) => name !== null),
      );
      expect(STARTUP_PACKAGES.filter((name) => !loaded.has(name))).toEqual([]);
      expect(LAZY_PACKAGES.filter((name) => loaded.has(name))).toEqual([]);
    },
  );
});
