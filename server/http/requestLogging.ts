/**
 * Request logging with a request id: an incoming `X-Request-Id` is kept when it looks sane
 * (so a proxy's id follows the request through our logs), otherwise a random one is made.
 * The id is echoed in the response so a user can quote it in a bug report.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Picks the request id: the caller's when harmless, else a fresh UUID. */
export function pickRequestId(incoming: string | string[] | undefined): string {
  if (typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}

/** Hides invitation tokens in a logged URL: a log reader could otherwise use the invitation. */
export function maskTokensInUrl(url: string): string {
  return url.replace(/^\/(api\/invitations|invite)\/[\w-]{20,}/, '/$1/[token]');
}

/** pino-http middleware bound to this server's logger. */
export function createRequestLogging(options: { logger: Logger }) {
  return pinoHttp({
    logger: options.logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = pickRequestId(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    // One compact line per request: headers (CSP, cookies) stay out of the logs.
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskTokensInUrl(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Health probes would drown everything else.
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
}
