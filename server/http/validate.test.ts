import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors';
import { validate } from './validate';

const Params = z.object({ id: z.string().min(3) });
const Query = z.object({ limit: z.coerce.number().int().max(100).default(20) });
const Body = z.object({
  email: z.email(),
  items: z.array(z.object({ name: z.string().min(1) })).default([]),
});

/** The ValidationError `run` throws (fails the test if it throws nothing or something else). */
function validationErrorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('validate', () => {
  it('returns the parsed parts (coerced, with defaults), and only the parts it was given schemas for', () => {
    const parsed = validate(
      { params: { id: 'abc' }, query: { limit: '7' }, body: { email: 'a@example.test' } },
      { params: Params, query: Query, body: Body },
    );
    expect(parsed).toEqual({
      params: { id: 'abc' },
      query: { limit: 7 },
      body: { email: 'a@example.test', items: [] },
    });
    expect(validate({ params: { id: 'abc' }, body: { junk: 1 } }, { params: Params })).toEqual({
      params: { id: 'abc' },
    });
  });

  it('reads a request without a body as an empty object', () => {
    const Optional = z.object({ note: z.string().optional() });
    expect(validate({}, { body: Optional })).toEqual({ body: {} });
    const error = validationErrorOf(() => validate({ body: undefined }, { body: Body }));
    expect(error.details).toEqual({
      issues: [{ path: 'body.email', message: expect.any(String) }],
    });
  });

  it('refuses bad input with 400 validation_failed, naming each problem by its full path', () => {
    const error = validationErrorOf(() =>
      validate(
        { body: { email: 'not-an-email', items: [{ name: 'ok' }, { name: '' }] } },
        { body: Body },
      ),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual(['body.email', 'body.items.1.name']);
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
    expect(error.message).toBe(`Invalid input at body.email: ${issues[0]!.message}`);
  });

  it('checks the path parameters first, then the query, then the body', () => {
    const bad = { params: { id: 'x' }, query: { limit: '1000' }, body: { email: 'no' } };
    const schemas = { params: Params, query: Query, body: Body };
    const paths = (source: Parameters<typeof validate>[0]): string[] => {
      const { details } = validationErrorOf(() => validate(source, schemas));
      return (details as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    };
    expect(paths(bad)).toEqual(['params.id']);
    expect(paths({ ...bad, params: { id: 'abc' } })).toEqual(['query.limit']);
    expect(paths({ ...bad, params: { id: 'abc' }, query: {} })).toEqual(['body.email']);
  });
});
