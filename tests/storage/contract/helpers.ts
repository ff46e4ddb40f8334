/** Helpers shared by the contract's files. */
import { expect } from 'vitest';
import type { AppError } from '../../../server/errors';

/**
 * Lets the clock move on, so "newest first" orderings are decided by time, not by ties.
 * Engines store milliseconds; a few of them are enough.
 */
export function tick(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An id in the shape of no engine's ids: never found, never a driver error. */
export const MISSING_ID = 'no-such-id-0000';

/**
 * Awaits a promise that must fail with an `AppError` of `ErrorClass` (and `code` when given),
 * with a readable failure message when it resolves or fails differently.
 */
export async function expectRejection(
  promise: Promise<unknown>,
  ErrorClass: new (...args: never[]) => AppError,
  code?: string,
): Promise<void> {
  const outcome = await promise.then(
    (value: unknown) => ({ isRejected: false as const, value }),
    (error: unknown) => ({ isRejected: true as const, error }),
  );
  if (!outcome.isRejected) throw new Error(`expected a ${ErrorClass.name}, got a result`);
  expect(outcome.error).toBeInstanceOf(ErrorClass);
  if (code !== undefined) expect((outcome.error as AppError).code).toBe(code);
}
