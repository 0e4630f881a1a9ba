import type { z } from 'zod';
import { AppError } from './app-error.ts';

/** Validates an operation's input; every problem names its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  const first = fields[0];
  throw new AppError('validation', first ? `${first.field}: ${first.message}` : 'invalid input', { fields });
}
