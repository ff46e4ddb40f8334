/**
 * The one place the client talks HTTP: same-origin JSON with the session cookie, and every
 * failure turned into an `ApiError` carrying the server's stable error code.
 */
import type { z } from 'zod';
import type { ApiErrorBody } from '../../../shared/api/entities';
import type { ApiErrorCode } from '../../../shared/api/errors';
import { reportServerReached, reportServerUnreachable } from '../offline/useIsOnline';

/**
 * What went wrong with a call: one of the server's codes, or the client's own for a server
 * that could not be reached (`network_error`) or answered without our error body (`http_error`).
 */
export type ApiErrorKind = ApiErrorCode | 'network_error' | 'http_error';

/** A failed API call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorKind;
  /** The server's `error.details`, e.g. the current record of a 409 `version_conflict`. */
  readonly details: unknown;

  constructor(options: { status: number; code: ApiErrorKind; message: string; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

/**
 * Sends one request; resolves with the parsed JSON body (undefined for 204). A `FormData`
 * body (a file upload) is sent as multipart, with the boundary the browser chooses.
 */
export async function requestJson<T>(options: {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  signal?: AbortSignal;
}): Promise<T> {
  const { method = 'GET', path, body, signal } = options;
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined || isForm
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    reportServerUnreachable();
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The server could not be reached.',
    });
  }
  // A read may have come from the service worker's cache (offline): only writes, or reads
  // with no worker in between, prove the server is there.
  if (
    method !== 'GET' ||
    typeof navigator === 'undefined' ||
    !navigator.serviceWorker?.controller
  ) {
    reportServerReached();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (isApiErrorBody(parsed)) {
      throw new ApiError({
        status: response.status,
        code: parsed.error.code,
        message: parsed.error.message,
        details: parsed.error.details,
      });
    }
    throw new ApiError({
      status: response.status,
      code: 'http_error',
      message: `${response.status} ${response.statusText}`,
    });
  }
  return parsed as T;
}

/**
 * Checks a request body against the same zod schema the server validates with, so a bad
 * input fails before it leaves the browser with the server's `validation_failed` code.
 */
export function validated<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ApiError({
    status: 400,
    code: 'validation_failed',
    message: `${where}${issue?.message ?? 'invalid input'}`,
  });
}

/** `?a=1&b=2` from the values given; empty values are left out. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An id or token as one path segment. */
export const id = (value: string): string => encodeURIComponent(value);

/** A GET, written as one short line per endpoint in the API modules. */
export function get<T>(path: string): Promise<T> {
  return requestJson<T>({ path });
}

/**
 * A POST, PATCH or DELETE; callers pass bodies through `validated`, which throws before
 * anything is sent when the body breaks the server's schema.
 */
export function send<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return requestJson<T>({ method, path, body });
}
