// The stored side of bench:availability: components with their monitors, the folded runs and outages written as
// the intake leaves them, and the whole table read back from the store.
import {
  type AvailabilityResult,
  monthlyAvailability,
  type Outage,
} from '../src/modules/availability/domain/monthly-availability.ts';
import {
  downIntervalsToOutages,
  ProbeFold,
  type ProbeInterval,
  unknownWithin,
} from '../src/modules/availability/domain/probe-intervals.ts';
import type { Calendar } from '../src/platform/domain/calendar/calendar.ts';
import { builtInCalendars } from '../src/platform/domain/calendar/calendar-registry.ts';
import { createComponent } from '../src/modules/availability/services/create-component.ts';
import { newId, type ServiceContext } from '../src/platform/services/context.ts';
import { createMonitor } from '../src/modules/availability/services/create-monitor.ts';
import { emptyAllowList } from '../src/platform/net/outbound-allow.ts';
import { outboundPolicy } from '../src/platform/net/outbound-url.ts';
import type { Store } from '../src/platform/db/database.ts';
import { prebuilt } from '../src/platform/db/prebuilt.ts';
import { type ComponentSamples, minuteMs, sampleMissing, sampleOk, type SampleSet } from './probe-samples.ts';

const outageText = 'Komponenten svarte ikke som forventet på den automatiske overvåkingen.';
export const calendars = builtInCalendars();
export function calendar(id: string): Calendar {
  const found = calendars.get(id);
  if (!found) throw new Error(`no calendar ${id}`);
  return found;
}

/** The figures compared between the two tables; availability itself follows from them. */
export interface Figures {
  operatingMs: Float64Array;
  downtimeMs: Float64Array;
  unknownMs: Float64Array;
}

export function newFigures(n: number): Figures {
  return { operatingMs: new Float64Array(n), downtimeMs: new Float64Array(n), unknownMs: new Float64Array(n) };
}

export function keep(figures: Figures, i: number, r: AvailabilityResult): void {
  figures.operatingMs[i] = r.operatingMs;
  figures.downtimeMs[i] = r.downtimeMs;
  figures.unknownMs[i] = r.unknownMs;
}

/** A component's results folded into runs, one push per present sample, as the intake folds them. */
export function foldComponent(set: SampleSet, component: ComponentSamples): ProbeInterval[] {
  const fold = new ProbeFold(minuteMs);
  const { status } = component;
  const start = set.start;
  for (let i = 0; i < status.length; i++) {
    const s = status[i];
    if (s !== sampleMissing) fold.push(start + i * minuteMs, s === sampleOk);
  }
  return fold.runs;
}

export interface StoredComponent {
  componentId: string;
  monitorId: string;
  window: Calendar;
}

export type Ctx = ServiceContext;

export async function createComponents(
  ctx: Ctx,
  prefix: string,
  calendarIds: readonly ('always' | 'studio-hours')[],
): Promise<StoredComponent[]> {
  const stored: StoredComponent[] = [];
  for (const [i, calendarId] of calendarIds.entries()) {
    const code = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    const component = await createComponent(ctx, {
      code,
      name: `Komponent ${code}`,
      calendarId,
      targetBasisPoints: 9_990,
    });
    // Push monitors have no URL, so the outbound policy is never consulted.
    const { monitor } = await createMonitor(
      ctx,
      {
        component: component.id,
        kind: 'heartbeat',
        name: `Overvåking ${code}`,
        intervalSeconds: minuteMs / 1_000,
      },
      outboundPolicy(emptyAllowList),
    );
    stored.push({ componentId: component.id, monitorId: monitor.id, window: calendar(calendarId) });
  }
  return stored;
}

/** Writes each component's folded runs and their outages, as the intake would have left them (not timed). */
export async function writeRuns(
  store: Store,
  set: SampleSet,
  stored: readonly StoredComponent[],
  now: number,
): Promise<{ runs: number; outages: number }> {
  let runs = 0;
  let outages = 0;
  const chunk = 500;
  for (const [c, component] of set.components.entries()) {
    const target = stored[c];
    if (!target) throw new Error('component missing');
    const folded = foldComponent(set, component);
    const down = downIntervalsToOutages(folded);
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < folded.length; i += chunk) {
        await trx
          .insertInto('monitor_intervals')
          .values(
            folded.slice(i, i + chunk).map((r) => ({
              id: newId(),
              monitor_id: target.monitorId,
              state: r.state,
              start_at: r.start,
              end_at: r.end,
              samples: r.samples,
            })),
          )
          .execute();
      }
      for (let i = 0; i < down.length; i += chunk) {
        await trx
          .insertInto('outages')
          .values(
            down.slice(i, i + chunk).map((o) => ({
              id: newId(),
              component_id: target.componentId,
              severity: 'unavailable' as const,
              start_at: o.start,
              end_at: o.end,
              source: 'monitor' as const,
              case_id: null,
              monitor_id: target.monitorId,
              public_text: outageText,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
    });
    runs += folded.length;
    outages += down.length;
  }
  return { runs, outages };
}

/** The fixed parts of the two reads, built once per handle as the services' hot paths do (src/store/prebuilt.ts). */
export const outagesBase = prebuilt((db) =>
  db.selectFrom('outages').select(['start_at', 'end_at', 'severity']).orderBy('start_at'),
);
export const intervalsBase = prebuilt((db) =>
  db.selectFrom('monitor_intervals').select(['start_at', 'end_at']).orderBy('start_at'),
);

/**
 * A component's reads for the whole period: its outages and its monitor's runs overlapping [from, to). Runs of one
 * monitor never overlap, so those are the runs that start in the period plus the last one before it; one range scan
 * of the (monitor_id, start_at) index from that run's start finds them. Two queries per component, not per month:
 * the months are cut from the result in memory.
 */
export async function readPeriod(store: Store, component: StoredComponent, from: number, to: number) {
  const outageRows = await outagesBase(store.db)
    .where('component_id', '=', component.componentId)
    .where('start_at', '<', to)
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', from)]))
    .execute();
  const intervalRows = await intervalsBase(store.db)
    .where('monitor_id', '=', component.monitorId)
    .where('start_at', '<', to)
    .where('start_at', '>=', (eb) =>
      eb.fn.coalesce(
        eb
          .selectFrom('monitor_intervals')
          .select((s) => s.fn.max('start_at').as('start_at'))
          .where('monitor_id', '=', component.monitorId)
          .where('start_at', '<', from),
        eb.val(from),
      ),
    )
    .execute();
  return { outageRows, intervalRows };
}

/** (b) The whole table from the store. */
export async function tableFromIntervals(
  store: Store,
  set: SampleSet,
  stored: readonly StoredComponent[],
  figures: Figures,
): Promise<void> {
  const first = set.months[0];
  const last = set.months.at(-1);
  if (!first || !last) return;
  for (const [c, component] of stored.entries()) {
    const { outageRows, intervalRows } = await readPeriod(store, component, first.start, last.end);
    const runs = intervalRows.map((r) => ({ start: r.start_at, end: r.end_at }));
    let from = 0;
    for (const [m, month] of set.months.entries()) {
      // Runs are sorted and disjoint: skip those that ended before this month, the rest are read from there.
      while (from < runs.length && (runs[from]?.end ?? 0) <= month.start) from++;
      // Every month here is closed, so an outage without an end (none is stored) would run to the month's end.
      const outages: Outage[] = outageRows
        .filter((o) => o.start_at < month.end && (o.end_at === null || o.end_at > month.start))
        .map((o) => ({ start: o.start_at, end: o.end_at ?? month.end, severity: o.severity }));
      const unknown = unknownWithin(runs.slice(from), month.start, month.end);
      const r = monthlyAvailability({
        window: component.window,
        calendars: calendar,
        year: month.year,
        month: month.month,
        now: month.end,
        outages,
        maintenance: [],
        unknown,
      });
      keep(figures, c * set.months.length + m, r);
    }
  }
}

/** Baseline of (b): the same reads, nothing computed. */
export async function readAllMonths(store: Store, set: SampleSet, stored: readonly StoredComponent[]): Promise<number> {
  const first = set.months[0];
  const last = set.months.at(-1);
  if (!first || !last) return 0;
  let rows = 0;
  for (const component of stored) {
    const { outageRows, intervalRows } = await readPeriod(store, component, first.start, last.end);
    rows += outageRows.length + intervalRows.length;
  }
  return rows;
}
