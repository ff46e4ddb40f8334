/**
 * The one place errors become HTTP answers: `{ error: { code, message, details? } }`.
 * AppErrors render with their own status and code; body-parser's errors get stable codes;
 * anything else is a 500 `internal_error` with a generic message (logged, never the stack).
 */
import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody } from '../../shared/api/entities';
import { AppError, NotFoundError } from '../errors';
import type { Logger } from '../logger';

/** What the caller sees of an error not meant for them. */
const GENERIC_MESSAGE = 'Something went wrong on our side.';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a primitive has no `type` either, and Express never hands null to an error handler (next(null) is no error)
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number';
}

/** Maps body-parser failures (too large, malformed JSON, odd encodings) to AppErrors. */
function fromBodyParser(error: BodyParserError): AppError {
  if (error.type === 'entity.too.large') {
    return new AppError({
      status: 413,
      code: 'payload_too_large',
      message: 'The request body is too large.',
    });
  }
  if (error.type === 'entity.parse.failed') {
    return new AppError({
      status: 400,
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
  }
  // Stryker disable next-line EqualityOperator: equivalent, a status of exactly 400 falls back to 400
  const status = error.status >= 400 && error.status < 500 ? error.status : 400;
  return new AppError({
    status,
    code: 'bad_request',
    message: 'The request body could not be read.',
  });
}

/**
 * The router's failure to percent-decode a path parameter (`/api/users/%ff`): a URIError it
 * marks with status 400. The caller's mistake, so never a 500 with a logged stack.
 */
function isMalformedPathError(error: unknown): boolean {
  return error instanceof URIError && (error as URIError & { status?: unknown }).status === 400;
}

/** Turns any thrown value into the AppError we render. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isMalformedPathError(error)) {
    return new AppError({
      status: 400,
      code: 'malformed_path',
      message: 'The request path has a malformed percent-encoding.',
    });
  }
  if (isBodyParserError(error)) return fromBodyParser(error);
  return new AppError({
    status: 500,
    code: 'internal_error',
    message: GENERIC_MESSAGE,
    // Stryker disable next-line BooleanLiteral: equivalent, its message is the generic one anyway (kept hidden should it ever change)
    isExposed: false,
  });
}

/** 404 for any /api path no router answered. */
export function apiNotFound(req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError(`No API route for ${req.method} ${req.baseUrl}${req.path}.`, 'not_found'));
}

/**
 * 404 for whatever nothing else answered (a POST to a page path, plain HTTP to /collab,
 * everything when no client is built), so callers get the same JSON error as from the API
 * instead of Express's HTML page.
 */
export function notFound(req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError(`Nothing here for ${req.method} ${req.path}.`, 'not_found'));
}

/** Express error middleware (four arguments, so Express recognises it). */
export function createErrorHandler(options: { logger: Logger }) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      (req.log ?? options.logger).error({ err: error }, 'request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.isExposed ? appError.message : GENERIC_MESSAGE,
      },
    };
    // Stryker disable next-line ConditionalExpression: equivalent, JSON leaves out a `details` set to undefined
    if (appError.isExposed && appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
}
