import type { Interval } from './monthly-availability.ts';

/** One observation of a monitor: the target answered as expected (ok) or not, at an instant (epoch ms). */
export interface ProbeResult {
  at: number;
  ok: boolean;
}

export type ProbeState = 'up' | 'down';

/** A run of consecutive same-state observations, as stored in `monitor_intervals`. */
export interface ProbeInterval {
  state: ProbeState;
  start: number;
  end: number;
  samples: number;
}

/**
 * Folds a sorted stream of results of one monitor into run-length intervals.
 *
 * A result at t covers [t, t + interval): the monitor vouches for the state until its next scheduled look.
 * The next result is *contiguous* when it arrives within 2 × interval of the previous one (at ≤ end + interval),
 * which tolerates one late or lost probe. Then:
 * - same state: the run is extended to at + interval;
 * - other state: the run ends at `at` (the old state held until the observation that contradicted it) and a new
 *   run starts there, so contiguous runs never overlap and leave no hole.
 * A result that is not contiguous starts a new run and leaves [end, at) uncovered: that gap is unknown, never up.
 * Results at or before the last one folded are ignored, which makes re-sent batches idempotent.
 *
 * Only a state change or a gap allocates (the new run); extending a run mutates it in place, so folding millions
 * of samples costs one object per run.
 */
export class ProbeFold {
  readonly intervalMs: number;
  readonly runs: ProbeInterval[] = [];
  private current: ProbeInterval | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  /**
   * `seed` continues a run already stored; it must end one interval after its last sample, which every run this
   * fold leaves open does. It stays `runs[0]`, so a caller can tell the run to update from the runs to insert.
   */
  constructor(intervalMs: number, seed?: ProbeInterval) {
    if (!(intervalMs > 0)) throw new RangeError('intervalMs must be positive');
    this.intervalMs = intervalMs;
    if (seed) {
      this.current = { ...seed };
      this.runs.push(this.current);
      this.lastAt = seed.end - intervalMs;
    }
  }

  /** Folds one result; false when it was ignored as already seen. */
  push(at: number, ok: boolean): boolean {
    if (at <= this.lastAt) return false;
    this.lastAt = at;
    const state: ProbeState = ok ? 'up' : 'down';
    const run = this.current;
    if (run !== null && at <= run.end + this.intervalMs) {
      if (run.state === state) {
        run.end = at + this.intervalMs;
        run.samples += 1;
        return true;
      }
      run.end = at;
    }
    this.current = { state, start: at, end: at + this.intervalMs, samples: 1 };
    this.runs.push(this.current);
    return true;
  }
}

/** Folds sorted results into runs; see {@link ProbeFold} for the rules. */
export function foldProbeResults(
  results: readonly ProbeResult[],
  intervalMs: number,
  seed?: ProbeInterval,
): ProbeInterval[] {
  const fold = new ProbeFold(intervalMs, seed);
  for (const r of results) fold.push(r.at, r.ok);
  return fold.runs;
}

/** The default number of consecutive failures before a component counts as down: one failed probe may be noise. */
export const defaultFailuresForOutage = 2;

/**
 * Down runs of at least `minFailures` samples, as outage intervals. The outage starts at the first failure, not
 * the Nth: confirmation only decides whether it was an outage, the component was down from the first one.
 */
export function downIntervalsToOutages(
  intervals: readonly ProbeInterval[],
  minFailures = defaultFailuresForOutage,
): Interval[] {
  const outages: Interval[] = [];
  for (const i of intervals)
    if (i.state === 'down' && i.samples >= minFailures) outages.push({ start: i.start, end: i.end });
  return outages;
}

/** The parts of [from, to) covered by no interval: time without monitoring data. Intervals must be sorted by start. */
export function unknownWithin(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const gaps: Interval[] = [];
  let cursor = from;
  for (const i of intervals) {
    if (i.end <= cursor) continue;
    if (i.start >= to) break;
    if (i.start > cursor) gaps.push({ start: cursor, end: i.start });
    cursor = i.end;
    if (cursor >= to) return gaps;
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps;
}
