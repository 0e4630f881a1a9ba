import { instantToLocal } from './calendar/time-zone.ts';

/**
 * The plausible range of an instant a caller may send. Nothing the platform records happened before it was installed
 * (the configured earliest date), and how far ahead a value may lie depends on the field: an outage has begun by the
 * time it is reported, a maintenance window may be planned well ahead.
 */
export interface InputLimits {
  /** Epoch milliseconds; no instant or month entered may lie before it (`NIVA_EARLIEST_DATE`). */
  earliest: number;
}

/** What an instant is checked against while one input is parsed: the limits and the caller's clock reading. */
export interface InstantBounds extends InputLimits {
  now: number;
}

/** 2000-01-01 in Oslo: used where no configuration is at hand (tests, the demo seed). */
export const defaultInputLimits: InputLimits = { earliest: Date.UTC(1999, 11, 31, 23, 0, 0) };

/** How far past "now" a field may lie: not at all (beyond clock skew), or up to this many milliseconds. */
export type FutureAllowance = 'none' | number;

/** Clocks of callers and servers disagree a little; "not in the future" means not beyond this. */
export const clockSkewMs = 5 * 60_000;

let active: InstantBounds | null = null;

/**
 * Runs a synchronous parse with `bounds` in force, so the instant and month schemas can check them without every
 * schema being rebuilt per request. Parsing is synchronous, so no other parse can observe these bounds.
 */
export function withInstantBounds<T>(bounds: InstantBounds, parse: () => T): T {
  const previous = active;
  active = bounds;
  try {
    return parse();
  } finally {
    active = previous;
  }
}

/** The bounds of the parse under way; null outside one (e.g. the router's first pass), where only the form is checked. */
export function activeInstantBounds(): InstantBounds | null {
  return active;
}

/** The Oslo calendar day of an instant, `YYYY-MM-DD`. */
export function osloDay(at: number): string {
  return new Date(instantToLocal('Europe/Oslo', at)).toISOString().slice(0, 10);
}

/** Why `at` is implausible for a field allowing `future`, or null when it is within bounds. */
export function instantProblem(at: number, bounds: InstantBounds, future: FutureAllowance): string | null {
  if (at < bounds.earliest) return `is before ${osloDay(bounds.earliest)}, the earliest date accepted`;
  const ahead = future === 'none' ? clockSkewMs : future;
  if (at > bounds.now + ahead)
    return future === 'none'
      ? 'is in the future'
      : `is more than ${Math.round(future / 86_400_000)} days in the future`;
  return null;
}
