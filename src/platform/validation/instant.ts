import { z } from 'zod';
import { parseInstant } from '../domain/calendar/iso-instant.ts';
import { activeInstantBounds, type FutureAllowance, instantProblem } from '../domain/input-bounds.ts';

const dayMs = 86_400_000;

/** How far ahead the fields of the platform may lie, by what they record. */
export const futureAllowance = {
  /** Something that has happened: an outage, a case's registration, a call. */
  past: 'none',
  /** Planned work and meetings: announced up to two years ahead. */
  planned: 2 * 366 * dayMs,
  /** A range asked about (list filters): a window that may reach into the planned future. */
  query: 5 * 366 * dayMs,
} as const satisfies Record<string, FutureAllowance>;

const hint = 'an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00) or epoch milliseconds';

/**
 * An instant as ISO 8601 text (with an offset, or local Oslo time) or whole epoch milliseconds, as epoch
 * milliseconds. While an operation parses its input (`parseInput` with its context) the instant must also lie on or
 * after the configured earliest date and no further ahead than `future` allows; the first pass of a router, which
 * has no clock, checks only the form. Epoch milliseconds are accepted so input checked at the edge passes the
 * operation's own check unchanged.
 */
export function instant(options: { future: FutureAllowance }) {
  return z.union([z.number().int().nonnegative(), z.string()], { error: hint }).transform((value, ctx) => {
    const at = typeof value === 'number' ? value : parseInstant(value);
    if (at === null) {
      ctx.addIssue({ code: 'custom', message: String(value).trim() === '' ? `required: ${hint}` : `not ${hint}` });
      return z.NEVER;
    }
    const bounds = activeInstantBounds();
    const problem = bounds === null ? null : instantProblem(at, bounds, options.future);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return at;
  });
}
