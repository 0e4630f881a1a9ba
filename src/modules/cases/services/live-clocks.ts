import type { CalendarRegistry } from '../../../platform/domain/calendar/calendar-registry.ts';
import { type ClockSnapshot, remainingAt, stateAt } from '../../../platform/domain/sla/clock-snapshot.ts';
import type { ClockResult, ClockState } from '../../../platform/domain/sla/clocks.ts';
import { findPolicy } from '../../../platform/domain/sla/policies.ts';
import { openTimeTold, type TimeLeft, timeLeft } from '../../../platform/domain/sla/time-left.ts';
import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import type { CaseRow } from '../schema.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { byCase, clocksAt, lifecycleEvents, snapshotFromRow } from './case-derivation.ts';
import { kindOf } from './append-case-event.ts';

/** A clock as shown: its state and what is left of it at the moment of reading, in its own calendar. */
export interface LiveClock {
  policyId: string;
  clause: string;
  /** A deadline clock, or a duty owed after an event with no deadline of its own (feedback at resolution). */
  kind: 'clock' | 'follow-up';
  state: ClockState;
  dueAt: number | null;
  remainingMs: number | null;
  /** The open time left, as a person counts it in the clock's calendar; null when stopped, overdue or not a clock. */
  timeLeft: TimeLeft | null;
  /** The policy's at-risk horizon in the same terms: the clock is at risk once no more than this is left. */
  atRiskWithin: TimeLeft | null;
  /** Wall time since the deadline passed, for a clock that is still running past it. */
  overdueMs: number | null;
  targetMs: number | null;
  paused: boolean;
  stoppedAt: number | null;
}

interface PolicyFacts {
  clause: string;
  kind: LiveClock['kind'];
  calendar: Calendar | undefined;
  atRiskWithinHours: number | null;
}

function factsOf(policyId: string, calendars: CalendarRegistry): PolicyFacts {
  const policy = findPolicy(policyId);
  if (policy?.kind === 'clock')
    return {
      clause: policy.clause,
      kind: 'clock',
      calendar: calendars.get(policy.calendar),
      atRiskWithinHours: policy.atRiskWithinHours,
    };
  return { clause: policy?.clause ?? '', kind: 'follow-up', calendar: undefined, atRiskWithinHours: null };
}

/** The parts every surface shows the same way, from a clock's deadline and the instant of reading. */
function told(
  facts: PolicyFacts,
  clock: { state: ClockState; dueAt: number | null; paused: boolean; stoppedAt: number | null },
  remainingMs: number | null,
  at: number,
): Pick<LiveClock, 'timeLeft' | 'atRiskWithin' | 'overdueMs'> {
  const { calendar } = facts;
  const running = clock.stoppedAt === null && clock.state !== 'not-applicable';
  let left: TimeLeft | null = null;
  if (calendar && running && clock.paused && remainingMs !== null) left = openTimeTold(calendar, remainingMs);
  else if (calendar && running && clock.dueAt !== null && clock.dueAt > at) left = timeLeft(calendar, at, clock.dueAt);
  return {
    timeLeft: left,
    atRiskWithin:
      calendar && facts.atRiskWithinHours !== null
        ? openTimeTold(calendar, Math.round(facts.atRiskWithinHours * 3_600_000))
        : null,
    overdueMs: running && !clock.paused && clock.dueAt !== null && at > clock.dueAt ? at - clock.dueAt : null,
  };
}

export function liveFromSnapshot(snapshot: ClockSnapshot, calendars: CalendarRegistry, at: number): LiveClock {
  const facts = factsOf(snapshot.policyId, calendars);
  const state = stateAt(snapshot, at);
  const remainingMs = facts.calendar ? remainingAt(snapshot, facts.calendar, at) : null;
  return {
    policyId: snapshot.policyId,
    clause: facts.clause,
    kind: facts.kind,
    state,
    dueAt: snapshot.dueAt,
    remainingMs,
    ...told(facts, { ...snapshot, state }, remainingMs, at),
    targetMs: snapshot.targetMs,
    paused: snapshot.paused,
    stoppedAt: snapshot.stoppedAt,
  };
}

export function liveFromResult(result: ClockResult, calendars: CalendarRegistry, at: number): LiveClock {
  const facts = factsOf(result.policyId, calendars);
  const remainingMs =
    result.targetMs === null || result.stoppedAt !== null || result.state === 'not-applicable'
      ? null
      : result.remainingMs;
  return {
    policyId: result.policyId,
    clause: result.clause,
    kind: facts.kind,
    state: result.state,
    dueAt: result.dueAt,
    remainingMs,
    ...told(facts, result, remainingMs, at),
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
      result.set(
        row.id,
        clocksAt(kindOf(row), own, ctx.calendars, at).map((r) => liveFromResult(r, ctx.calendars, at)),
      );
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
