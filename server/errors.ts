import type { ApiErrorCode } from '../shared/api/errors';

/**
 * The app's error family. Anything thrown above the storage port is one of these;
 * the Express error middleware renders `{ error: { code, message } }` with `status`.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Whether `message` may be shown to the caller as is. */
  readonly isExposed: boolean;
  readonly details: unknown;

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    message: string;
    isExposed?: boolean;
    details?: unknown;
  }) {
    super(options.message);
    this.name = new.target.name;
    this.status = options.status;
    this.code = options.code;
    this.isExposed = options.isExposed ?? options.status < 500;
    this.details = options.details;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, code: ApiErrorCode = 'validation_failed') {
    super({ status: 400, code, message, details });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first.', code: ApiErrorCode = 'unauthenticated') {
    super({ status: 401, code, message });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do that.', code: ApiErrorCode = 'forbidden') {
    super({ status: 403, code, message });
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.', code: ApiErrorCode = 'not_found') {
    super({ status: 404, code, message });
  }
}

export class ConflictError extends AppError {
  constructor(message = 'That conflicts with existing data.', code: ApiErrorCode = 'conflict') {
    super({ status: 409, code, message });
  }
}

/** Raised when a storage engine cannot be reached at startup or during a request. */
export class StorageUnavailableError extends AppError {
  constructor(message: string) {
    super({ status: 503, code: 'storage_unavailable', message, isExposed: false });
  }
}
