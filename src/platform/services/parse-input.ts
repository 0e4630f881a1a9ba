import type { z } from 'zod';
import { AppError } from './app-error.ts';

/** Validates an operation's input; every problem names its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error.issues);
}

/** A `validation` error naming every offending field (dotted path; `(body)` for the whole input). */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const fields = issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const first = fields[0];
  return new AppError('validation', first ? `${first.field}: ${first.message}` : 'invalid input', { fields });
}
