import type { Calendar } from '../calendar/calendar.ts';
import {
  type CaseType,
  type ClockEventType,
  type ClockPolicy,
  type FollowUpPolicy,
  type IncidentCategory,
  policies,
  type Policy,
} from './policies.ts';

export interface ClockEvent {
  type: ClockEventType;
  at: number;
  /** Incident category on `registered` and `reclassified`. */
  category?: IncidentCategory;
}

export type ClockState = 'running' | 'at-risk' | 'met' | 'breached' | 'not-applicable';

export interface ClockResult {
  policyId: string;
  clause: string;
  state: ClockState;
  /** When the clock runs out; null while paused (the remaining time is frozen) or when there is no deadline. */
  dueAt: number | null;
  /** When only the policy's at-risk horizon of open time is left; null when unknown (paused) or not a clock. */
  atRiskAt: number | null;
  targetMs: number | null;
  elapsedMs: number;
  remainingMs: number | null;
  startedAt: number | null;
  stoppedAt: number | null;
  paused: boolean;
}

export interface ClockOptions {
  caseType: CaseType;
  events: readonly ClockEvent[];
  now: number;
  calendar(id: string): Calendar;
}

const hour = 3_600_000;

function applies(
  policy: { appliesTo: { caseType: CaseType; categories?: IncidentCategory[] } },
  caseType: CaseType,
  category: IncidentCategory | undefined,
): boolean {
  if (policy.appliesTo.caseType !== caseType) return false;
  return !policy.appliesTo.categories || (category !== undefined && policy.appliesTo.categories.includes(category));
}

/** Running periods between registration and `end`: pauses cut them, resumptions start new ones. */
function runningSegments(
  events: readonly ClockEvent[],
  start: number,
  end: number,
): { segments: [number, number][]; paused: boolean } {
  const segments: [number, number][] = [];
  let openedAt: number | null = start;
  for (const e of events) {
    if (e.at < start || e.at > end) continue;
    if (e.type === 'paused' && openedAt !== null) {
      segments.push([openedAt, e.at]);
      openedAt = null;
    } else if (e.type === 'resumed' && openedAt === null) openedAt = e.at;
  }
  if (openedAt !== null) segments.push([openedAt, end]);
  return { segments, paused: openedAt === null };
}

/**
 * Where `amount` of open time has been used along the running periods. A period still running at the end goes on
 * past it; while paused, an amount not yet used has no instant (it is unknown until the clock resumes).
 */
function instantWhenUsed(
  calendar: Calendar,
  segments: readonly [number, number][],
  paused: boolean,
  amount: number,
): number | null {
  let owed = amount;
  for (const [i, [from, to]] of segments.entries()) {
    const open = calendar.openTimeBetween(from, to);
    const stillRunning = i === segments.length - 1 && !paused;
    if (open >= owed || stillRunning) return calendar.addOpenTime(from, owed);
    owed -= open;
  }
  return null;
}

function clock(policy: ClockPolicy, options: ClockOptions, events: readonly ClockEvent[], start: number): ClockResult {
  const calendar = options.calendar(policy.calendar);
  const target =
    policy.target.kind === 'open-hours'
      ? policy.target.hours * hour
      : calendar.openTimeBetween(start, calendar.businessDaysAfter(start, policy.target.days));
  const stop = events.find((e) => policy.stopOn.includes(e.type) && e.at >= start && e.at <= options.now);
  const end = stop ? stop.at : options.now;
  const { segments, paused } = runningSegments(events, start, end);
  // At risk once no more than the horizon is left; a target shorter than its horizon is at risk from the start.
  // Whole milliseconds, as instants are stored as integers.
  const atRiskMs = Math.max(0, target - Math.round(policy.atRiskWithinHours * hour));
  const dueAt = instantWhenUsed(calendar, segments, paused, target);
  const atRiskAt = instantWhenUsed(calendar, segments, paused, atRiskMs);
  let elapsed = 0;
  for (const [from, to] of segments) elapsed += calendar.openTimeBetween(from, to);

  let state: ClockState;
  if (stop) state = dueAt === null ? 'met' : stop.at <= dueAt ? 'met' : 'breached';
  else if (dueAt !== null && options.now > dueAt) state = 'breached';
  else state = elapsed >= atRiskMs ? 'at-risk' : 'running';
  return {
    policyId: policy.id,
    clause: policy.clause,
    state,
    dueAt,
    atRiskAt,
    targetMs: target,
    elapsedMs: elapsed,
    remainingMs: Math.max(0, target - elapsed),
    startedAt: start,
    stoppedAt: stop?.at ?? null,
    paused: paused && !stop,
  };
}

function followUp(policy: FollowUpPolicy, events: readonly ClockEvent[], now: number, start: number): ClockResult {
  const seen = events.filter((e) => e.at <= now);
  const after = seen.find((e) => e.type === policy.after);
  const done = after ? seen.find((e) => e.type === policy.requires && e.at >= after.at) : undefined;
  const ended = after ? seen.find((e) => e.type === policy.breachedOn && e.at >= after.at) : undefined;
  const state: ClockState = !after
    ? 'running'
    : done && (!ended || done.at <= ended.at)
      ? 'met'
      : ended
        ? 'breached'
        : 'at-risk';
  // The duty has no deadline of its own (it is owed from the resolution until the case is closed), so no instant is
  // shown as its due time.
  return {
    policyId: policy.id,
    clause: policy.clause,
    state,
    dueAt: null,
    atRiskAt: null,
    targetMs: null,
    elapsedMs: 0,
    remainingMs: null,
    startedAt: start,
    stoppedAt: done?.at ?? null,
    paused: false,
  };
}

function notApplicable(policy: Policy): ClockResult {
  return {
    policyId: policy.id,
    clause: policy.clause,
    state: 'not-applicable',
    dueAt: null,
    atRiskAt: null,
    targetMs: null,
    elapsedMs: 0,
    remainingMs: null,
    startedAt: null,
    stoppedAt: null,
    paused: false,
  };
}

/**
 * Every clock of a case, derived from its event log alone: same log and `now`, same answer. Reclassification
 * changes which policies apply but keeps the original registration as the start, with pauses carried over.
 */
export function computeClocks(options: ClockOptions): ClockResult[] {
  const events = [...options.events].sort((a, b) => a.at - b.at);
  const registered = events.find((e) => e.type === 'registered');
  let category: IncidentCategory | undefined;
  for (const e of events)
    if ((e.type === 'registered' || e.type === 'reclassified') && e.at <= options.now && e.category)
      category = e.category;
  const relevant = policies.filter(
    (p): p is ClockPolicy | FollowUpPolicy =>
      (p.kind === 'clock' || p.kind === 'follow-up') && p.appliesTo.caseType === options.caseType,
  );
  return relevant.map((policy) => {
    if (!registered || registered.at > options.now || !applies(policy, options.caseType, category))
      return notApplicable(policy);
    return policy.kind === 'clock'
      ? clock(policy, options, events, registered.at)
      : followUp(policy, events, options.now, registered.at);
  });
}

/** Due instant of a clock policy for a case registered at `registered` with no pauses (the CLI's `sla due`). */
export function policyDue(policy: ClockPolicy, calendar: Calendar, registered: number): number {
  return policy.target.kind === 'open-hours'
    ? calendar.addOpenTime(registered, policy.target.hours * hour)
    : calendar.businessDaysAfter(registered, policy.target.days);
}
