import type { Calendar } from '../calendar/calendar.ts';
import type { ClockResult, ClockState } from './clocks.ts';

/**
 * What is stored of a clock after each change to its case. Between events a clock's state depends on time only
 * through two instants (at risk, due), so lists can show live states without replaying event logs.
 */
export interface ClockSnapshot {
  policyId: string;
  /** The state when the snapshot was taken; final unless `live`. */
  state: ClockState;
  dueAt: number | null;
  atRiskAt: number | null;
  targetMs: number | null;
  /** Open time left when paused (frozen); otherwise derived from `dueAt` at read time. */
  remainingMs: number | null;
  stoppedAt: number | null;
  paused: boolean;
  /** A deadline clock that is neither stopped nor paused: its state moves with time. */
  live: boolean;
}

export function snapshotOf(result: ClockResult): ClockSnapshot {
  const live =
    result.targetMs !== null && result.state !== 'not-applicable' && result.stoppedAt === null && !result.paused;
  return {
    policyId: result.policyId,
    state: result.state,
    dueAt: result.dueAt,
    atRiskAt: result.atRiskAt,
    targetMs: result.targetMs,
    remainingMs: result.paused ? result.remainingMs : null,
    stoppedAt: result.stoppedAt,
    paused: result.paused,
    live,
  };
}

/** The state at `now`, valid for any `now` not before the last event the snapshot was computed from. */
export function stateAt(snapshot: ClockSnapshot, now: number): ClockState {
  if (!snapshot.live) return snapshot.state;
  if (snapshot.dueAt !== null && now > snapshot.dueAt) return 'breached';
  if (snapshot.atRiskAt !== null && now >= snapshot.atRiskAt) return 'at-risk';
  return 'running';
}

/** Open time left at `now`: 0 once overdue, frozen while paused, null for clocks without a deadline or stopped ones. */
export function remainingAt(snapshot: ClockSnapshot, calendar: Calendar, now: number): number | null {
  if (snapshot.paused) return snapshot.remainingMs;
  if (!snapshot.live || snapshot.dueAt === null) return null;
  return snapshot.dueAt > now ? calendar.openTimeBetween(now, snapshot.dueAt) : 0;
}

/** The earliest deadline among clocks still running: what a work queue sorts by. Null when nothing is running. */
export function nextDue(snapshots: readonly ClockSnapshot[]): number | null {
  let next: number | null = null;
  for (const s of snapshots) if (s.live && s.dueAt !== null && (next === null || s.dueAt < next)) next = s.dueAt;
  return next;
}
