import { z } from 'zod';
import { type TextKind, textProblem } from '../domain/text-rule.ts';

export { sanitizeText, textMessages, textProblem, type TextKind } from '../domain/text-rule.ts';

function ruled(kind: TextKind): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** One line of text: no control characters at all. */
export function text(): z.ZodString {
  return ruled('line');
}

/** Text that may span lines: tab, line feed and carriage return are kept; other controls are refused. */
export function multilineText(): z.ZodString {
  return ruled('multiline');
}

/** A name people read to decide what something is: one line, and no bidirectional controls either. */
export function nameText(): z.ZodString {
  return ruled('name');
}
