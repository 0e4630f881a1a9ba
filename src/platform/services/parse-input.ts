import type { z } from 'zod';
import { withInstantBounds } from '../domain/input-bounds.ts';
import { findUnsafeText } from '../validation/input-safety.ts';
import { AppError } from './app-error.ts';
import type { ServiceContext } from './context.ts';

/** What parsing needs of an operation's context: its clock and the configured input limits. */
export type InputScope = Pick<ServiceContext, 'clock' | 'limits'>;

/**
 * Validates an operation's input; every problem names its field. Instants and months are checked against the
 * context's clock and limits, and whatever the schema says, no string may carry a control character (other than tab
 * and line breaks) or a lone surrogate.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, scope: InputScope): z.infer<S> {
  const result = withInstantBounds({ earliest: scope.limits.earliest, now: scope.clock.now() }, () =>
    schema.safeParse(input),
  );
  if (!result.success) throw validationError(result.error.issues);
  assertSafeText(result.data);
  return result.data;
}

/** Refuses input carrying text that breaks the rule every string follows, naming the field. */
export function assertSafeText(input: unknown): void {
  const unsafe = findUnsafeText(input);
  if (unsafe !== null) throw new AppError('validation', `${unsafe.field}: ${unsafe.message}`, { fields: [unsafe] });
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
