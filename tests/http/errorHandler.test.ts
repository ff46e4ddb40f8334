/**
 * The one place errors become HTTP answers (`server/http/errorHandler.ts`), mounted on a
 * small real Express app whose routes fail in each way the server's routes can: our own
 * errors, body-parser's, the router's malformed-path URIError, and anything else. What the
 * caller may see (status, stable code, message, details) and what is logged as an error.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import { apiNotFound, createErrorHandler, notFound } from '../../server/http/errorHandler';

/** Levels pino writes as numbers: 50 is `error`. */
const ERROR_LEVEL = 50;
const GENERIC = 'Something went wrong on our side.';

const logged: Array<{
  level: number;
  msg?: string;
  err?: { message?: string };
  viaRequest?: boolean;
}> = [];
let server: Server;
let baseUrl: string;

/** A route that passes `error` to Express's error handling. */
const failWith =
  (error: unknown) =>
  (_req: Request, _res: Response, next: NextFunction): void => {
    next(error);
  };

/** A URIError as the router marks a malformed percent-encoding in a path parameter. */
function routerUriError(status?: number): URIError {
  return Object.assign(new URIError('URI malformed'), status === undefined ? {} : { status });
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line) logged.push(JSON.parse(line) as (typeof logged)[number]);
      }
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const app = express();
  // As pino-http does in the real app: the request's own logger, when there is one.
  app.use('/with-request-logger', (req, _res, next) => {
    req.log = logger.child({ viaRequest: true });
    next();
  });
  const api = express.Router();
  api.get('/exists', (_req, res) => {
    res.json({ ok: true });
  });
  api.use(apiNotFound);
  app.use('/api', api);
  app.get(
    '/app-error',
    failWith(new AppError({ status: 409, code: 'conflict', message: 'Taken.', details: { a: 1 } })),
  );
  app.get(
    '/hidden',
    failWith(
      new AppError({
        status: 503,
        code: 'storage_unavailable',
        message: 'db at /var/secret is down',
        details: { host: 'secret' },
      }),
    ),
  );
  app.get(
    '/exposed-500',
    failWith(
      new AppError({ status: 500, code: 'internal_error', message: 'Shown.', isExposed: true }),
    ),
  );
  app.get('/crash', failWith(new Error('secret stack detail')));
  app.get('/with-request-logger/crash', failWith(new Error('via request')));
  app.get('/thrown-string', failWith('boom'));
  app.get('/uri', failWith(routerUriError(400)));
  app.get('/uri-other', failWith(routerUriError()));
  app.get('/parser/:type/:status', (req, _res, next) => {
    next({ type: req.params.type, status: Number(req.params.status) });
  });
  app.get('/not-parser', failWith({ type: 7, status: 400 }));
  app.get('/not-parser-2', failWith({ type: 'entity.too.large' }));
  app.get('/after-headers', (_req, res, next) => {
    res.status(200);
    res.write('partial');
    next(new AppError({ status: 400, code: 'bad_request', message: 'Too late.' }));
  });
  app.use(notFound);
  app.use(createErrorHandler({ logger }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  logged.length = 0;
});

/** Status and JSON body of GET `path`. */
async function get(
  path: string,
): Promise<{ status: number; body: { error?: Record<string, unknown> } }> {
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as { error?: Record<string, unknown> } };
}

const errorsLogged = () => logged.filter((entry) => entry.level >= ERROR_LEVEL);

describe('error answers', () => {
  it('renders our own errors with their status, code, message and details, without logging them', async () => {
    expect(await get('/app-error')).toEqual({
      status: 409,
      body: { error: { code: 'conflict', message: 'Taken.', details: { a: 1 } } },
    });
    expect(errorsLogged()).toEqual([]);
  });

  it('hides the message and details of an error not meant for the caller, and logs it', async () => {
    expect(await get('/hidden')).toEqual({
      status: 503,
      body: { error: { code: 'storage_unavailable', message: GENERIC } },
    });
    expect(errorsLogged()).toHaveLength(1);
  });

  it('logs every 5xx, also one whose message may be shown', async () => {
    expect(await get('/exposed-500')).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'Shown.' } },
    });
    expect(errorsLogged()).toHaveLength(1);
  });

  it('answers anything else with 500 internal_error and a generic message; the log has the error', async () => {
    for (const path of ['/crash', '/thrown-string', '/uri-other', '/not-parser', '/not-parser-2']) {
      expect(await get(path), path).toEqual({
        status: 500,
        body: { error: { code: 'internal_error', message: GENERIC } },
      });
    }
    expect(errorsLogged()).toHaveLength(5);
    expect(errorsLogged()[0]?.err?.message).toBe('secret stack detail');
    expect(errorsLogged().map((entry) => entry.msg)).toEqual(Array(5).fill('request failed'));
  });

  it('logs through the request’s own logger when it has one', async () => {
    expect((await get('/with-request-logger/crash')).status).toBe(500);
    expect(errorsLogged().map((entry) => entry.viaRequest)).toEqual([true]);
  });

  it('answers the router’s malformed-path error with 400 malformed_path, not logged as an error', async () => {
    expect(await get('/uri')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'malformed_path',
          message: 'The request path has a malformed percent-encoding.',
        },
      },
    });
    expect(errorsLogged()).toEqual([]);
  });

  it('maps body-parser failures to stable codes, keeping a 4xx status and turning others into 400', async () => {
    const answer = async (type: string, status: number) => {
      const { status: got, body } = await get(`/parser/${type}/${status}`);
      return [got, body.error?.code];
    };
    // Each with a message saying what was wrong with the body.
    expect((await get('/parser/entity.too.large/413')).body.error).toEqual({
      code: 'payload_too_large',
      message: 'The request body is too large.',
    });
    expect((await get('/parser/entity.parse.failed/400')).body.error).toEqual({
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
    expect((await get('/parser/encoding.unsupported/415')).body.error).toEqual({
      code: 'bad_request',
      message: 'The request body could not be read.',
    });
    expect(await answer('entity.too.large', 413)).toEqual([413, 'payload_too_large']);
    expect(await answer('entity.parse.failed', 400)).toEqual([400, 'invalid_json']);
    expect(await answer('encoding.unsupported', 415)).toEqual([415, 'bad_request']);
    expect(await answer('charset.unsupported', 400)).toEqual([400, 'bad_request']);
    expect(await answer('request.aborted', 499)).toEqual([499, 'bad_request']);
    expect(await answer('stream.encoding.set', 500)).toEqual([400, 'bad_request']);
    expect(await answer('odd', 399)).toEqual([400, 'bad_request']);
    expect(errorsLogged()).toEqual([]);
  });

  it('ends a response whose headers were already sent, without a second answer', async () => {
    const res = await fetch(`${baseUrl}/after-headers`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('partial');
  });

  it('answers unknown paths with a JSON 404 naming the method and path', async () => {
    expect(await get('/api/exists')).toEqual({ status: 200, body: { ok: true } });
    const api = await get('/api/nope');
    expect(api.status).toBe(404);
    expect(api.body.error).toEqual({
      code: 'not_found',
      message: 'No API route for GET /api/nope.',
    });
    const page = await get('/nowhere');
    expect(page.status).toBe(404);
    expect(page.body.error).toEqual({
      code: 'not_found',
      message: 'Nothing here for GET /nowhere.',
    });
  });
});
