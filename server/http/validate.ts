/**
 * Input validation at the edge with zod. Handlers call
 * `const { body, params } = validate(req, { body: CreateThingBody, params: IdParams })`
 * and get typed values; bad input throws `ValidationError` (400 `validation_failed`)
 * with one `{ path, message }` per problem in `details.issues`.
 */
import type { z } from 'zod';
import { ValidationError } from '../errors';

type Schema = z.ZodType;

/** Which parts of the request to check, each with its schema. */
export interface RequestSchemas {
  body?: Schema;
  query?: Schema;
  params?: Schema;
}

/** The parsed parts, typed from the schemas given. */
export type ValidatedRequest<S extends RequestSchemas> = {
  [K in keyof S]: S[K] extends Schema ? z.output<S[K]> : never;
};

/** One problem in the caller's input, as sent in `details.issues`. */
export interface InputIssue {
  /** Where: `body.email`, `query.limit`, … */
  path: string;
  message: string;
}

/** Parses one value; throws ValidationError naming `where` in each issue's path. */
function parseInput<S extends Schema>(options: {
  schema: S;
  value: unknown;
  where: string;
}): z.output<S> {
  const result = options.schema.safeParse(options.value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: [options.where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  // Stryker disable next-line StringLiteral: equivalent, unreachable: a failed zod parse always has at least one issue
  const message = first ? `Invalid input at ${first.path}: ${first.message}` : 'Invalid input.';
  throw new ValidationError(message, { issues });
}

/** Validates the request parts named in `schemas`; see the module comment. */
export function validate<S extends RequestSchemas>(
  source: { body?: unknown; query?: unknown; params?: unknown },
  schemas: S,
): ValidatedRequest<S> {
  const parsed: Record<string, unknown> = {};
  for (const where of ['params', 'query', 'body'] as const) {
    const schema = schemas[where];
    if (!schema) continue;
    // A request without a JSON body has `req.body === undefined`; treat it as `{}`.
    const value = where === 'body' ? (source.body ?? {}) : source[where];
    parsed[where] = parseInput({ schema, value, where });
  }
  return parsed as ValidatedRequest<S>;
}
