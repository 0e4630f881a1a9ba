import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import { monthBounds } from '../../../platform/domain/calendar/month-bounds.ts';
import { checkNotice } from '../../../platform/domain/sla/notice-check.ts';
import { findPolicy } from '../../../platform/domain/sla/policies.ts';

export const outageSeverities = ['unavailable', 'partial', 'degraded'] as const;
export type OutageSeverity = (typeof outageSeverities)[number];

export const maintenanceKinds = ['maintenance', 'change', 'major-change', 'emergency'] as const;
export type MaintenanceKind = (typeof maintenanceKinds)[number];

/** Which notice policy governs each kind of planned work (2.3.2–2.3.5, 2.4.2–2.4.4). */
export const noticePolicyOf: Record<MaintenanceKind, string> = {
  maintenance: 'maintenance-notice',
  change: 'change-notice',
  'major-change': 'major-change-notice',
  emergency: 'emergency-change',
};

export interface Interval {
  start: number;
  end: number;
}

export interface Outage extends Interval {
  severity?: OutageSeverity;
}

export interface Maintenance extends Interval {
  announced: number;
  kind: MaintenanceKind;
}

/** Share of an interval that counts as downtime, per severity. By default only `unavailable` does. */
export type SeverityWeights = Record<OutageSeverity, number>;
export const defaultWeights: SeverityWeights = { unavailable: 1, partial: 0, degraded: 0 };

export interface AvailabilityInput {
  /** The component's service window. */
  window: Calendar;
  /** Calendars the notice policies name (`business-days`). */
  calendars: (id: string) => Calendar;
  year: number;
  /** 1–12, a calendar month in Europe/Oslo. */
  month: number;
  /**
   * The present instant. Time after it has not happened, so it is neither up nor down: a month in progress is counted
   * up to it, and a month that has not begun has no figure. For a month that is over it changes nothing.
   */
  now: number;
  outages: readonly Outage[];
  maintenance: readonly Maintenance[];
  /** Periods without monitoring data. */
  unknown?: readonly Interval[];
  weights?: SeverityWeights;
}

export interface MaintenanceVerdict {
  maintenance: Maintenance;
  policy: string;
  inTime: boolean;
  latestAnnouncement: number;
  /** Removed from operating time (announced in time, not an emergency); otherwise its time is downtime. */
  planned: boolean;
}

/** How much of the month a figure covers: all of it, its start up to now, or nothing yet. */
export const monthProgresses = ['complete', 'to-date', 'not-started'] as const;
export type MonthProgress = (typeof monthProgresses)[number];

export interface AvailabilityFigures {
  /** (operating − unknown − downtime) / (operating − unknown); null when nothing was scheduled or known. */
  availability: number | null;
  scheduledMs: number;
  operatingMs: number;
  downtimeMs: number;
  unknownMs: number;
}

export interface AvailabilityResult extends AvailabilityFigures {
  monthStart: number;
  monthEnd: number;
  progress: MonthProgress;
  /** The figures cover the month from its start up to this instant: its end once it is over, `now` before that. */
  throughMs: number;
  /**
   * The whole month if the published work still ahead happens as planned and nothing else goes down; null when the
   * month is over or no late or emergency work (downtime) lies ahead in it. A what-if for the reader: compliance is
   * never decided on it.
   */
  projection: AvailabilityFigures | null;
  maintenance: MaintenanceVerdict[];
}

/** Judges each piece of planned work against its notice policy. Emergency work is exempt from notice but is never planned time. */
export function judgeMaintenance(
  maintenance: readonly Maintenance[],
  calendars: (id: string) => Calendar,
): MaintenanceVerdict[] {
  return maintenance.map((m) => {
    const policyId = noticePolicyOf[m.kind];
    const policy = findPolicy(policyId);
    if (!policy || (policy.kind !== 'notice' && policy.kind !== 'exemption'))
      throw new Error(`no notice policy ${policyId}`);
    const { ok, latest } = checkNotice(policy, calendars, m.announced, m.start);
    return {
      maintenance: m,
      policy: policyId,
      inTime: ok,
      latestAnnouncement: latest,
      planned: ok && m.kind !== 'emergency',
    };
  });
}

/** Where a month stands at `now`, and the instant up to which it can be counted. */
export function monthProgress(
  bounds: { start: number; end: number },
  now: number,
): { progress: MonthProgress; throughMs: number } {
  if (now >= bounds.end) return { progress: 'complete', throughMs: bounds.end };
  if (now <= bounds.start) return { progress: 'not-started', throughMs: bounds.start };
  return { progress: 'to-date', throughMs: now };
}

interface Mark extends Interval {
  planned?: true;
  weight?: number;
  unknown?: true;
}

const clipTo = (i: Interval, from: number, to: number): Interval | null => {
  const start = Math.max(i.start, from);
  const end = Math.min(i.end, to);
  return end > start ? { start, end } : null;
};

/**
 * Tallies the marks over the open time of `window` from `from` to `to`; every mark must lie within that span. The
 * elementary segments between all boundaries are judged once each, sweeping the boundaries in order and keeping count
 * of what covers the current segment: O(n log n) for n marks.
 */
function tally(window: Calendar, from: number, to: number, marks: readonly Mark[]): AvailabilityFigures {
  const changes = new Map<number, Mark[][]>();
  const at = (t: number) => {
    let entry = changes.get(t);
    if (!entry) changes.set(t, (entry = [[], []]));
    return entry;
  };
  for (const m of marks) {
    at(m.start)[0]?.push(m);
    at(m.end)[1]?.push(m);
  }
  const times = [...changes.keys()].sort((x, y) => x - y);
  const scheduledMs = to > from ? window.openTimeBetween(from, to) : 0;
  let operatingMs = scheduledMs;
  let downtimeMs = 0;
  let unknownMs = 0;
  let planned = 0;
  let unknown = 0;
  const weightCounts = new Map<number, number>();
  for (const [i, t] of times.entries()) {
    const [starting = [], ending = []] = changes.get(t) ?? [];
    for (const m of ending) {
      if (m.planned) planned--;
      else if (m.unknown) unknown--;
      else weightCounts.set(m.weight ?? 0, (weightCounts.get(m.weight ?? 0) ?? 0) - 1);
    }
    for (const m of starting) {
      if (m.planned) planned++;
      else if (m.unknown) unknown++;
      else weightCounts.set(m.weight ?? 0, (weightCounts.get(m.weight ?? 0) ?? 0) + 1);
    }
    const next = times[i + 1];
    if (next === undefined) break;
    let weight = 0;
    for (const [w, n] of weightCounts) if (n > 0 && w > weight) weight = w;
    if (planned === 0 && unknown === 0 && weight === 0) continue;
    const open = window.openTimeBetween(t, next);
    if (planned > 0) operatingMs -= open;
    // An outage is known to be down even where the monitor had no data.
    else if (weight > 0) downtimeMs += weight * open;
    else unknownMs += open;
  }
  const known = operatingMs - unknownMs;
  return {
    availability: known > 0 ? (known - downtimeMs) / known : null,
    scheduledMs,
    operatingMs,
    downtimeMs,
    unknownMs,
  };
}

/**
 * Availability of a component for one calendar month (PRODUCT.md): scheduled = open time of the window in the month;
 * operating = scheduled minus planned work announced in time; downtime = the union of outages (weighted by severity,
 * the heaviest one where they overlap) plus late or emergency work, clipped to the month and to operating time.
 * Time without data is neither up nor down: it is reported apart and left out of the fraction.
 *
 * Only time that has passed counts. A month in progress is the month to date: every figure, scheduled time included,
 * covers its start up to `now`, so work announced for next week and an outage recorded with an end still ahead weigh
 * nothing beyond the present. A month not begun has no figure.
 */
export function monthlyAvailability(input: AvailabilityInput): AvailabilityResult {
  const bounds = monthBounds(input.year, input.month);
  const { start: monthStart, end: monthEnd } = bounds;
  const { progress, throughMs } = monthProgress(bounds, input.now);
  const weights = input.weights ?? defaultWeights;
  const verdicts = judgeMaintenance(input.maintenance, input.calendars);
  // What has happened, up to the present; planned work reaches `workEnd`, the month's end in the projection.
  const marks = (workEnd: number): Mark[] => {
    const out: Mark[] = [];
    for (const o of input.outages) {
      const c = clipTo(o, monthStart, throughMs);
      if (c) out.push({ ...c, weight: weights[o.severity ?? 'unavailable'] });
    }
    for (const v of verdicts) {
      const c = clipTo(v.maintenance, monthStart, workEnd);
      if (c) out.push(v.planned ? { ...c, planned: true } : { ...c, weight: 1 });
    }
    for (const u of input.unknown ?? []) {
      const c = clipTo(u, monthStart, throughMs);
      if (c) out.push({ ...c, unknown: true });
    }
    return out;
  };
  const toDate = tally(input.window, monthStart, throughMs, marks(throughMs));
  // Work announced in time is not downtime, so only late or emergency work still ahead can pull the month down.
  const downtimeAhead = verdicts.some((v) => !v.planned && clipTo(v.maintenance, throughMs, monthEnd) !== null);
  return {
    ...toDate,
    monthStart,
    monthEnd,
    progress,
    throughMs,
    projection:
      progress !== 'complete' && downtimeAhead ? tally(input.window, monthStart, monthEnd, marks(monthEnd)) : null,
    maintenance: verdicts,
  };
}

/** Compliance is decided on the exact figure: (known − down) / known ≥ target, compared without rounding. */
export function meetsTarget(
  result: Pick<AvailabilityResult, 'operatingMs' | 'unknownMs' | 'downtimeMs'>,
  targetBasisPoints: number,
): boolean {
  const known = result.operatingMs - result.unknownMs;
  if (known <= 0) return true;
  return (known - result.downtimeMs) * 10_000 >= targetBasisPoints * known;
}

/** The displayed percentage: rounded down to two decimals, so 99.899 % never shows as 99.90 %. */
export function displayPercent(availability: number): string {
  return (Math.floor(availability * 10_000 + 1e-9) / 100).toFixed(2);
}
