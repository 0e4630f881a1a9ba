import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import type { CalendarRegistry } from '../../../platform/domain/calendar/calendar-registry.ts';
import { deriveCase, isOpenStatus, type LifecycleEvent } from '../domain/case-lifecycle.ts';
import type { CaseEventType, CaseKind } from '../domain/case-types.ts';
import { type ClockSnapshot, nextDue, snapshotOf } from '../../../platform/domain/sla/clock-snapshot.ts';
import { type ClockEvent, type ClockResult, computeClocks } from '../../../platform/domain/sla/clocks.ts';
import {
  clockEventTypes,
  type ClockEventType,
  findPolicy,
  type IncidentCategory,
} from '../../../platform/domain/sla/policies.ts';
import type { CaseClockRow, CaseEventRow, CaseRow } from '../schema.ts';
import type { Tx } from '../../../platform/services/context.ts';

/** Sorts after every real instant: a case with no running clock goes to the end of the queue. */
export const noDeadline = 8_640_000_000_000_000;

const clockTypes: ReadonlySet<string> = new Set(clockEventTypes);

export function lifecycleEvents(
  rows: readonly Pick<CaseEventRow, 'type' | 'at' | 'category' | 'data'>[],
): LifecycleEvent[] {
  return rows.map((r) => {
    const assigneeId =
      r.type === 'assigned' && r.data
        ? ((JSON.parse(r.data) as { assigneeId?: string | null }).assigneeId ?? null)
        : undefined;
    return {
      type: r.type as CaseEventType,
      at: r.at,
      category: r.category as IncidentCategory | null,
      ...(assigneeId === undefined ? {} : { assigneeId }),
    };
  });
}

export function clockEvents(events: readonly LifecycleEvent[]): ClockEvent[] {
  return events
    .filter((e) => clockTypes.has(e.type))
    .map((e) => ({ type: e.type as ClockEventType, at: e.at, ...(e.category ? { category: e.category } : {}) }));
}

export function calendarLookup(calendars: CalendarRegistry): (id: string) => Calendar {
  return (id) => {
    const calendar = calendars.get(id);
    if (!calendar) throw new Error(`SLA policy names unknown calendar ${id}`);
    return calendar;
  };
}

/** A duty with no deadline of its own (feedback after resolution) that is owed and not yet met. */
export function isOwedDuty(snapshot: ClockSnapshot): boolean {
  return findPolicy(snapshot.policyId)?.kind === 'follow-up' && snapshot.state === 'at-risk';
}

/** Every clock of a case at `now`, from its event log. */
export function clocksAt(
  kind: CaseKind,
  events: readonly LifecycleEvent[],
  calendars: CalendarRegistry,
  now: number,
): ClockResult[] {
  return computeClocks({ caseType: kind, events: clockEvents(events), now, calendar: calendarLookup(calendars) });
}

export interface Derived {
  columns: Pick<
    CaseRow,
    | 'status'
    | 'is_open'
    | 'in_queue'
    | 'paused'
    | 'category'
    | 'assignee_user_id'
    | 'last_event_at'
    | 'resolved_at'
    | 'closed_at'
    | 'next_due_at'
    | 'due_order'
    | 'event_count'
  >;
  snapshots: ClockSnapshot[];
}

/** What the `cases` row and its clock rows must say after `events`, evaluated once all of them have happened. */
export function derive(kind: CaseKind, events: readonly LifecycleEvent[], calendars: CalendarRegistry): Derived {
  const view = deriveCase(events);
  const lastAt = view.lastEventAt ?? 0;
  const snapshots = clocksAt(kind, events, calendars, lastAt).map(snapshotOf);
  const due = nextDue(snapshots);
  const open = isOpenStatus(view.status);
  const owed = snapshots.some((s) => isOwedDuty(s));
  return {
    columns: {
      status: view.status,
      is_open: open ? 1 : 0,
      in_queue: open || owed ? 1 : 0,
      paused: view.paused ? 1 : 0,
      category: view.category,
      assignee_user_id: view.assigneeId,
      last_event_at: lastAt,
      resolved_at: view.resolvedAt,
      closed_at: view.closedAt,
      next_due_at: due,
      // A duty owed since the resolution sorts by that instant, among the deadlines that have passed.
      due_order: due ?? (owed && view.resolvedAt !== null ? view.resolvedAt : noDeadline),
      event_count: events.length,
    },
    snapshots,
  };
}

/** The columns of a clock row that hold its snapshot; the alert markers and `computed_at` are not part of it. */
export const snapshotColumns = [
  'policy_id',
  'state',
  'due_at',
  'at_risk_at',
  'target_ms',
  'remaining_ms',
  'stopped_at',
  'paused',
  'live',
] as const;
export type StoredSnapshot = Pick<CaseClockRow, (typeof snapshotColumns)[number]>;

export function snapshotFromRow(row: StoredSnapshot): ClockSnapshot {
  return {
    policyId: row.policy_id,
    state: row.state as ClockSnapshot['state'],
    dueAt: row.due_at,
    atRiskAt: row.at_risk_at,
    targetMs: row.target_ms,
    remainingMs: row.remaining_ms,
    stoppedAt: row.stopped_at,
    paused: row.paused === 1,
    live: row.live === 1,
  };
}

function sameSnapshot(row: StoredSnapshot, s: ClockSnapshot): boolean {
  const stored = snapshotFromRow(row);
  return (Object.keys(s) as (keyof ClockSnapshot)[]).every((k) => stored[k] === s[k]);
}

/**
 * Writes a case's derived clock rows. Rows are updated in place so that the alert markers survive; a policy that no
 * longer applies (after reclassification) keeps its row as `not-applicable`. Returns how many rows changed.
 */
export async function writeClocks(
  trx: Tx,
  caseId: string,
  snapshots: readonly ClockSnapshot[],
  now: number,
  existing?: readonly StoredSnapshot[],
): Promise<number> {
  const current = existing ?? (await trx.selectFrom('case_clocks').selectAll().where('case_id', '=', caseId).execute());
  const byPolicy = new Map(current.map((r) => [r.policy_id, r]));
  let changed = 0;
  for (const s of snapshots) {
    const values = {
      state: s.state,
      due_at: s.dueAt,
      at_risk_at: s.atRiskAt,
      target_ms: s.targetMs,
      remaining_ms: s.remainingMs,
      stopped_at: s.stoppedAt,
      paused: s.paused ? 1 : 0,
      live: s.live ? 1 : 0,
      computed_at: now,
    };
    const row = byPolicy.get(s.policyId);
    if (!row) {
      await trx
        .insertInto('case_clocks')
        .values({
          case_id: caseId,
          policy_id: s.policyId,
          ...values,
          at_risk_alerted_at: null,
          breach_alerted_at: null,
        })
        .execute();
      changed++;
    } else if (!sameSnapshot(row, s)) {
      await trx
        .updateTable('case_clocks')
        .set(values)
        .where('case_id', '=', caseId)
        .where('policy_id', '=', s.policyId)
        .execute();
      changed++;
    }
  }
  return changed;
}

/** Rows grouped by their case, keeping their order. */
export function byCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(r.case_id);
    if (list) list.push(r);
    else groups.set(r.case_id, [r]);
  }
  return groups;
}
