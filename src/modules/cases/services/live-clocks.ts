import type { CalendarRegistry } from '../../../platform/domain/calendar/calendar-registry.ts';
import { type ClockSnapshot, remainingAt, stateAt } from '../../../platform/domain/sla/clock-snapshot.ts';
import type { ClockResult, ClockState } from '../../../platform/domain/sla/clocks.ts';
import { findPolicy } from '../../../platform/domain/sla/policies.ts';
import type { CaseRow } from '../schema.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { byCase, clocksAt, lifecycleEvents, snapshotFromRow } from './case-derivation.ts';
import { kindOf } from './append-case-event.ts';

/** A clock as shown: its state and remaining open time at the moment of reading. */
export interface LiveClock {
  policyId: string;
  clause: string;
  state: ClockState;
  dueAt: number | null;
  remainingMs: number | null;
  targetMs: number | null;
  paused: boolean;
  stoppedAt: number | null;
}

function clauseOf(policyId: string): string {
  return findPolicy(policyId)?.clause ?? '';
}

export function liveFromSnapshot(snapshot: ClockSnapshot, calendars: CalendarRegistry, at: number): LiveClock {
  const policy = findPolicy(snapshot.policyId);
  const calendar = policy && 'calendar' in policy ? calendars.get(policy.calendar) : undefined;
  return {
    policyId: snapshot.policyId,
    clause: clauseOf(snapshot.policyId),
    state: stateAt(snapshot, at),
    dueAt: snapshot.dueAt,
    remainingMs: calendar ? remainingAt(snapshot, calendar, at) : null,
    targetMs: snapshot.targetMs,
    paused: snapshot.paused,
    stoppedAt: snapshot.stoppedAt,
  };
}

export function liveFromResult(result: ClockResult): LiveClock {
  const remainingMs =
    result.targetMs === null || result.stoppedAt !== null || result.state === 'not-applicable'
      ? null
      : result.remainingMs;
  return {
    policyId: result.policyId,
    clause: result.clause,
    state: result.state,
    dueAt: result.dueAt,
    remainingMs,
    targetMs: result.targetMs,
    paused: result.paused,
    stoppedAt: result.stoppedAt,
  };
}

/**
 * Clocks of many cases at `at`. Stored snapshots answer for any moment after a case's latest event; an earlier moment
 * (a report about the past) replays that case's log.
 */
export async function liveClocksOf(
  ctx: ServiceContext,
  rows: readonly CaseRow[],
  at: number,
): Promise<Map<string, LiveClock[]>> {
  const result = new Map<string, LiveClock[]>();
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id);
  const stored = await ctx.db
    .selectFrom('case_clocks')
    .selectAll()
    .where('case_id', 'in', ids)
    .orderBy('case_id')
    .orderBy('policy_id')
    .execute();
  for (const clock of stored) {
    const list = result.get(clock.case_id) ?? [];
    list.push(liveFromSnapshot(snapshotFromRow(clock), ctx.calendars, at));
    result.set(clock.case_id, list);
  }
  const replay = rows.filter((r) => at < r.last_event_at);
  if (replay.length > 0) {
    const events = await ctx.db
      .selectFrom('case_events')
      .select(['case_id', 'type', 'at', 'category', 'data'])
      .where(
        'case_id',
        'in',
        replay.map((r) => r.id),
      )
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const grouped = byCase(events);
    for (const row of replay) {
      const own = lifecycleEvents(grouped.get(row.id) ?? []);
      result.set(row.id, clocksAt(kindOf(row), own, ctx.calendars, at).map(liveFromResult));
    }
  }
  return result;
}

const severity: Record<ClockState, number> = { 'not-applicable': 0, met: 1, running: 2, 'at-risk': 3, breached: 4 };

export function worstOf(clocks: readonly LiveClock[]): ClockState {
  return clocks.reduce<ClockState>(
    (worst, c) => (severity[c.state] > severity[worst] ? c.state : worst),
    'not-applicable',
  );
}
