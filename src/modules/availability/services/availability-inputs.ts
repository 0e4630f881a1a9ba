import { monthBounds } from '../../../platform/domain/calendar/month-bounds.ts';
import { createHash } from 'node:crypto';
import {
  type AvailabilityFigures,
  type AvailabilityInput,
  displayPercent,
  type Interval,
  type Maintenance,
  meetsTarget,
  monthlyAvailability,
  type MonthProgress,
  monthProgress,
  type Outage,
} from '../domain/monthly-availability.ts';
import { unknownWithin } from '../domain/probe-intervals.ts';
import type { Component } from '../../../platform/db/schema.ts';
import type { AvailabilityRollupRow } from '../schema.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { calendarLookup, parseMonth, windowOf } from './availability-access.ts';

type Durations = Pick<AvailabilityFigures, 'scheduledMs' | 'operatingMs' | 'downtimeMs' | 'unknownMs'>;

/** What the whole month would come to if the published work ahead happens and nothing else goes down. */
export interface AvailabilityProjection extends Durations {
  availability: number | null;
  rounded: string | null;
}

/** A component's figure for one month, frozen or computed now. */
export interface ComponentAvailability {
  componentId: string;
  componentCode: string;
  month: string;
  targetBasisPoints: number;
  /** Unrounded; null when nothing was scheduled or known, and for a month not begun. */
  availability: number | null;
  /** Two decimals, rounded down (displayPercent); null with `availability`. */
  rounded: string | null;
  /** Decided on the figure as it stands: for a month in progress, the month to date. */
  meetsTarget: boolean;
  /** Whether the figure covers the whole month, the month up to `throughMs`, or nothing yet. */
  progress: MonthProgress;
  /** The figure covers the month from its start up to this instant. */
  throughMs: number;
  /** Only for a month in progress with late or emergency work still ahead; never decides the target. */
  projection: AvailabilityProjection | null;
  scheduledMs: number;
  operatingMs: number;
  downtimeMs: number;
  unknownMs: number;
  /** True when the figure is the stored one of a closed month. */
  frozen: boolean;
  inputsDigest: string;
  computedAt: number;
}

export interface MonthInputs {
  input: AvailabilityInput;
  digest: string;
}

/** JSON with object keys sorted at every level, so equal inputs always give the same bytes and the same digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether the month is over at `now`: only then is its figure final enough to freeze. */
export function monthClosed(month: string, now: number): boolean {
  const { year, month: m } = parseMonth(month);
  return monthBounds(year, m).end <= now;
}

/**
 * Gaps in what the component's monitors observed between `from` and `to`, counted from when the first monitor was set
 * up. A component nobody monitors has no unknown time: its figure rests on the outages the service desk records.
 */
async function unmonitoredTime(
  ctx: { db: ServiceContext['db'] | Tx },
  componentId: string,
  from: number,
  to: number,
): Promise<Interval[]> {
  const monitors = await ctx.db
    .selectFrom('monitors')
    .select(['id', 'created_at'])
    .where('component_id', '=', componentId)
    .execute();
  const since = Math.max(from, Math.min(...monitors.map((m) => m.created_at)));
  if (monitors.length === 0 || since >= to) return [];
  const observed = await ctx.db
    .selectFrom('monitor_intervals')
    .select(['start_at as start', 'end_at as end'])
    .where(
      'monitor_id',
      'in',
      monitors.map((m) => m.id),
    )
    .where('start_at', '<', to)
    .where('end_at', '>', since)
    .orderBy('start_at')
    .execute();
  return unknownWithin(observed, since, to);
}

/**
 * What a month's figure is computed from: outages overlapping the month (an ongoing one counts up to now, at most
 * to the month's end), published work, the component's window and weights, and — once the component is monitored —
 * the time no monitor has data for, which is unknown rather than up.
 */
export async function loadMonthInputs(
  ctx: Pick<ServiceContext, 'clock' | 'calendars'> & { db: ServiceContext['db'] | Tx },
  component: Component,
  month: string,
): Promise<MonthInputs> {
  const { year, month: m } = parseMonth(month);
  const { start, end } = monthBounds(year, m);
  const now = ctx.clock.now();
  const outageRows = await ctx.db
    .selectFrom('outages')
    .select(['start_at', 'end_at', 'severity'])
    .where('component_id', '=', component.id)
    .where('start_at', '<', end)
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', start)]))
    .orderBy('start_at')
    .execute();
  const maintenanceRows = await ctx.db
    .selectFrom('maintenance_windows')
    .select(['start_at', 'end_at', 'announced_at', 'kind'])
    .where('component_id', '=', component.id)
    .where('status', '=', 'published')
    .where('start_at', '<', end)
    .where('end_at', '>', start)
    .orderBy('start_at')
    .execute();
  const outages: Outage[] = outageRows
    .map((o) => ({
      start: o.start_at,
      end: o.end_at ?? Math.max(o.start_at, Math.min(now, end)),
      severity: o.severity,
    }))
    .filter((o) => o.end > o.start)
    .sort((x, y) => x.start - y.start || x.end - y.end || (x.severity < y.severity ? -1 : 1));
  const maintenance: Maintenance[] = maintenanceRows
    .map((w) => ({ start: w.start_at, end: w.end_at, announced: w.announced_at ?? w.start_at, kind: w.kind }))
    .sort((x, y) => x.start - y.start || x.end - y.end || x.announced - y.announced);
  const unknown = await unmonitoredTime(ctx, component.id, start, Math.min(end, now));
  const { progress, throughMs } = monthProgress({ start, end }, now);
  const weights = {
    unavailable: 1,
    partial: component.weight_partial_bp / 10_000,
    degraded: component.weight_degraded_bp / 10_000,
  };
  const input: AvailabilityInput = {
    window: windowOf(ctx, component),
    calendars: calendarLookup(ctx),
    year,
    month: m,
    now,
    outages,
    maintenance,
    unknown,
    weights,
  };
  const canonical = {
    component: component.id,
    calendar: component.calendar_id,
    weights: { partialBp: component.weight_partial_bp, degradedBp: component.weight_degraded_bp },
    month,
    // A month in progress is counted up to the present, so the instant is one of its inputs. A closed month leaves it
    // out, which keeps the digests of months frozen before the instant mattered comparable with today's.
    ...(progress === 'complete' ? {} : { through: throughMs }),
    outages,
    maintenance,
    unknown,
  };
  return { input, digest: createHash('sha256').update(canonicalJson(canonical)).digest('hex') };
}

/** The fraction from the durations, as a rollup stores them. */
function fraction(ms: Durations): number | null {
  const known = ms.operatingMs - ms.unknownMs;
  return known > 0 ? (known - ms.downtimeMs) / known : null;
}

// Weighted partial time can be a fraction of a millisecond; whole milliseconds are what a rollup can store, and a live
// figure must equal the frozen one computed from the same inputs.
const wholeMs = (ms: Durations): Durations => ({
  scheduledMs: ms.scheduledMs,
  operatingMs: ms.operatingMs,
  downtimeMs: Math.round(ms.downtimeMs),
  unknownMs: ms.unknownMs,
});

function figure(
  component: Component,
  month: string,
  ms: Durations,
  extra: {
    progress: MonthProgress;
    throughMs: number;
    projection: AvailabilityProjection | null;
    frozen: boolean;
    inputsDigest: string;
    computedAt: number;
  },
): ComponentAvailability {
  const availability = fraction(ms);
  return {
    componentId: component.id,
    componentCode: component.code,
    month,
    targetBasisPoints: component.target_basis_points,
    availability,
    rounded: availability === null ? null : displayPercent(availability),
    meetsTarget: meetsTarget(ms, component.target_basis_points),
    scheduledMs: ms.scheduledMs,
    operatingMs: ms.operatingMs,
    downtimeMs: ms.downtimeMs,
    unknownMs: ms.unknownMs,
    ...extra,
  };
}

export async function computeLive(
  ctx: Pick<ServiceContext, 'clock' | 'calendars'> & { db: ServiceContext['db'] | Tx },
  component: Component,
  month: string,
): Promise<ComponentAvailability> {
  const { input, digest } = await loadMonthInputs(ctx, component, month);
  const r = monthlyAvailability(input);
  let projection: AvailabilityProjection | null = null;
  if (r.projection) {
    const ms = wholeMs(r.projection);
    const availability = fraction(ms);
    projection = { ...ms, availability, rounded: availability === null ? null : displayPercent(availability) };
  }
  return figure(component, month, wholeMs(r), {
    progress: r.progress,
    throughMs: r.throughMs,
    projection,
    frozen: false,
    inputsDigest: digest,
    computedAt: ctx.clock.now(),
  });
}

export function fromRollup(component: Component, row: AvailabilityRollupRow): ComponentAvailability {
  const { year, month } = parseMonth(row.month);
  return figure(
    component,
    row.month,
    {
      scheduledMs: row.scheduled_ms,
      operatingMs: row.operating_ms,
      downtimeMs: row.downtime_ms,
      unknownMs: row.unknown_ms,
    },
    {
      progress: 'complete',
      throughMs: monthBounds(year, month).end,
      projection: null,
      frozen: true,
      inputsDigest: row.inputs_digest,
      computedAt: row.computed_at,
    },
  );
}

export function rollupOf(figureNow: ComponentAvailability): AvailabilityRollupRow {
  return {
    component_id: figureNow.componentId,
    month: figureNow.month,
    scheduled_ms: figureNow.scheduledMs,
    operating_ms: figureNow.operatingMs,
    downtime_ms: figureNow.downtimeMs,
    unknown_ms: figureNow.unknownMs,
    inputs_digest: figureNow.inputsDigest,
    source: 'computed',
    computed_at: figureNow.computedAt,
  };
}
