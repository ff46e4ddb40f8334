/** Translates better-sqlite3 errors into the app's error family (no driver error leaks). */
import type { ApiErrorCode } from '../../../shared/api/errors';
import { ConflictError, NotFoundError, StorageUnavailableError } from '../../errors';

interface SqliteErrorLike {
  code: string;
  message: string;
}

// Extended codes share these prefixes (e.g. SQLITE_IOERR_WRITE, SQLITE_BUSY_TIMEOUT).
const UNAVAILABLE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CORRUPT',
];

function isSqliteError(error: unknown): error is SqliteErrorLike {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('SQLITE_');
}

/**
 * Runs `work`, rethrowing uniqueness violations as `ConflictError(conflictCode)`, a
 * dangling reference as `NotFoundError`, and engine failures as `StorageUnavailableError`.
 */
export function translateSqlite<T>(
  work: () => T,
  options: { conflictCode?: ApiErrorCode; conflictMessage?: string; missingMessage?: string } = {},
): T {
  try {
    return work();
  } catch (error) {
    throw mapSqliteError(error, options);
  }
}

function mapSqliteError(
  error: unknown,
  options: { conflictCode?: ApiErrorCode; conflictMessage?: string; missingMessage?: string },
): unknown {
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new StorageUnavailableError('The SQLite database is closed.');
  }
  if (!isSqliteError(error)) return error;
  if (UNAVAILABLE_CODES.some((prefix) => error.code.startsWith(prefix))) {
    return new StorageUnavailableError(`SQLite is unavailable (${error.code}).`);
  }
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new ConflictError(
        options.conflictMessage ?? 'That conflicts with existing data.',
        options.conflictCode ?? 'conflict',
      );
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new NotFoundError(
        options.missingMessage ?? 'A record this refers to does not exist.',
        'reference_not_found',
      );
    default:
      return error;
  }
}
