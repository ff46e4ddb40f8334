/**
 * Serves the built React client (`dist/client`, made by `npm run build:client`) when it
 * exists, with an SPA fallback to index.html for page routes. Vite's hashed assets under
 * /assets are cached for a year; index.html is always revalidated so a deploy shows up.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** Where `vite build` writes the client, relative to this file. */
export const DEFAULT_CLIENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/client',
);

const NON_PAGE_PREFIXES = ['/api', '/collab', '/socket.io'];

function isPageRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const isReserved = NON_PAGE_PREFIXES.some(
    (prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`),
  );
  return !isReserved;
}

/** A router serving the client, or null when no build exists (API-only, e.g. in tests). */
export function createStaticClient(options: { clientDir?: string } = {}): Router | null {
  const clientDir = options.clientDir ?? DEFAULT_CLIENT_DIR;
  const indexFile = path.join(clientDir, 'index.html');
  if (!existsSync(indexFile)) return null;

  const router = express.Router();
  router.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, filePath) => {
        const isHashedAsset = filePath.startsWith(path.join(clientDir, 'assets') + path.sep);
        res.setHeader(
          'Cache-Control',
          isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (!isPageRequest(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
