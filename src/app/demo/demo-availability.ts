import { monthBounds } from '../../platform/domain/calendar/month-bounds.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { displayPercent, type OutageSeverity } from '../../modules/availability/domain/monthly-availability.ts';
import { fixedClock } from '../../platform/domain/clock.ts';
import { instantToLocal, localToInstant } from '../../platform/domain/calendar/time-zone.ts';
import { findComponent, parseMonth, windowOf } from '../../modules/availability/services/availability-access.ts';
import { monthClosed } from '../../modules/availability/services/availability-inputs.ts';
import { recentMonths } from '../../modules/availability/services/component-availability-history.ts';
import { type PlanMaintenanceInput, planMaintenance } from '../../modules/availability/services/plan-maintenance.ts';
import { publishMaintenance } from '../../modules/availability/services/publish-maintenance.ts';
import { recordOutage } from '../../modules/availability/services/record-outage.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { projectFile } from '../../platform/project-root.ts';

/** The published monthly uptime of Altinn's end-user solution, the figures the demo's history is built from. */
export const uptimeCsv = projectFile('demo/figures/altinn-uptime-monthly.csv');

/** The component the published figures belong to (demoComponents). */
export const importedComponent = 'end-user-solution';

export function readUptimeFigures(): { month: string; percent: string }[] {
  return readFileSync(uptimeCsv, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [month = '', percent = ''] = line.split(',');
      return { month, percent };
    });
}

/**
 * Downtime that reproduces a published percentage: operating × (1 − p). The published figure was itself rounded,
 * so the nearest whole millisecond is nudged until the displayed figure (rounded down) is exactly the published one.
 */
export function downtimeFor(operatingMs: number, percent: string): number {
  let downtime = Math.round(operatingMs * (1 - Number(percent) / 100));
  const shown = (d: number) => displayPercent((operatingMs - d) / operatingMs);
  while (shown(downtime) < percent && downtime > 0) downtime -= 1;
  while (shown(downtime) > percent) downtime += 1;
  return downtime;
}

/** The published figures as frozen, imported months; months not over yet at the seed's clock are left out. */
async function importFigures(ctx: ServiceContext): Promise<void> {
  const component = await findComponent(ctx.db, importedComponent);
  const window = windowOf(ctx, component);
  const now = ctx.clock.now();
  const rows = readUptimeFigures()
    .filter((f) => monthClosed(f.month, now))
    .map((f) => {
      const { year, month } = parseMonth(f.month);
      const { start, end } = monthBounds(year, month);
      const operating = window.openTimeBetween(start, end);
      // There are no inputs behind an imported figure; the digest names its origin so a recompute can tell.
      const digest = createHash('sha256').update(`imported:${f.month}:${f.percent}`).digest('hex');
      return {
        component_id: component.id,
        month: f.month,
        scheduled_ms: operating,
        operating_ms: operating,
        downtime_ms: downtimeFor(operating, f.percent),
        unknown_ms: 0,
        inputs_digest: digest,
        source: 'imported' as const,
        computed_at: now,
      };
    });
  if (rows.length > 0) await ctx.db.insertInto('availability_rollups').values(rows).execute();
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** An instant at Oslo wall time on a day of a `YYYY-MM` month. */
function osloAt(month: string, dayOfMonth: number, hours: number, minutes = 0): number {
  const { year, month: m } = parseMonth(month);
  return localToInstant('Europe/Oslo', Date.UTC(year, m - 1, dayOfMonth, hours, minutes));
}

/** The services stamp their records with the clock, so each entry is made at the moment it would have been. */
function at(ctx: ServiceContext, instant: number): ServiceContext {
  return { ...ctx, clock: fixedClock(instant) };
}

interface DemoOutage {
  component: string;
  severity: OutageSeverity;
  start: number;
  /** Null while ongoing. */
  end: number | null;
  text: string;
}

interface DemoWork extends Omit<PlanMaintenanceInput, 'componentId' | 'start' | 'end'> {
  component: string;
  start: number;
  end: number;
  /** When it was published; null leaves it a draft. */
  announced: number | null;
}

/**
 * Outages and planned work in the previous and current month on the components without published figures: some
 * over, one ongoing, work announced in time and work announced late (a deviation), and a draft still to announce.
 */
function plan(now: number): { outages: DemoOutage[]; work: DemoWork[] } {
  const [previous = ''] = recentMonths(now, 2);
  // Early in a month these fall in the previous one, which the page shows just as well.
  const recent = (daysAgo: number, hours: number) => now - daysAgo * day - hours * hour;
  const outages: DemoOutage[] = [
    {
      component: 'altinn-apps',
      severity: 'unavailable',
      start: osloAt(previous, 12, 8, 14),
      end: osloAt(previous, 12, 9, 2),
      text: 'Innsending fra apper feilet. Skjemaer som ble sendt inn i tidsrommet, må sendes på nytt.',
    },
    {
      component: 'altinn-apps',
      severity: 'partial',
      start: recent(3, 2),
      end: recent(3, 2) + 40 * minute,
      text: 'Enkelte skjemaer lastet tregt eller ikke i det hele tatt.',
    },
    {
      component: 'platform-apis',
      severity: 'unavailable',
      start: osloAt(previous, 20, 13, 5),
      end: osloAt(previous, 20, 13, 31),
      text: 'Autorisasjons-API-et svarte ikke. Oppslag mot tilgangsstyringen feilet.',
    },
    {
      component: 'platform-apis',
      severity: 'degraded',
      start: now - 25 * minute,
      end: null,
      text: 'Økte svartider i autorisasjons-API-et. Vi undersøker saken.',
    },
    {
      component: 'studio',
      severity: 'unavailable',
      start: osloAt(previous, 6, 10, 0),
      end: osloAt(previous, 6, 11, 15),
      text: 'Altinn Studio var utilgjengelig etter en feilet oppdatering.',
    },
    {
      component: 'test-environment',
      severity: 'unavailable',
      start: recent(5, 6),
      end: recent(5, 6) + 2 * hour,
      text: 'Testmiljøet (TT02) var utilgjengelig på grunn av feil i databasen.',
    },
  ];
  const work: DemoWork[] = [
    {
      component: 'altinn-apps',
      kind: 'maintenance',
      title: 'Oppgradering av kjøremiljøet',
      publicText: 'Apper kan være utilgjengelige i korte perioder under oppgraderingen.',
      start: osloAt(previous, 18, 22, 0),
      end: osloAt(previous, 18, 23, 30),
      announced: osloAt(previous, 18, 22, 0) - 14 * day,
    },
    {
      component: 'platform-apis',
      kind: 'maintenance',
      title: 'Bytte av sertifikater',
      publicText: 'API-ene kan avvise kall i inntil en time.',
      start: osloAt(previous, 25, 21, 0),
      end: osloAt(previous, 25, 22, 0),
      announced: osloAt(previous, 24, 15, 0),
    },
    {
      component: 'studio',
      kind: 'maintenance',
      title: 'Databasevedlikehold',
      publicText: 'Altinn Studio er utilgjengelig tidlig om morgenen.',
      start: now + 12 * day,
      end: now + 12 * day + 45 * minute,
      announced: now,
    },
    {
      component: 'test-environment',
      kind: 'maintenance',
      title: 'Oppdatering av testdata i TT02',
      publicText: 'Testmiljøet er utilgjengelig mens testdataene lastes inn på nytt.',
      start: now + 3 * day,
      end: now + 3 * day + hour,
      announced: null,
    },
  ];
  return { outages: outages.filter((o) => o.start < now && (o.end === null || o.end <= now)), work };
}

/**
 * Moves future work to start at 06:00 Oslo time on its day; it lasts at most an hour, so it ends before the protected
 * hours of the studio-hours window (2.4.1) and announcing it is not also a deviation for work in operating hours.
 */
function early(instant: number, durationMs: number): { start: number; end: number } {
  const local = new Date(instantToLocal('Europe/Oslo', instant));
  const start = localToInstant(
    'Europe/Oslo',
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 6, 0),
  );
  return { start, end: start + durationMs };
}

/** Availability demo data; runs after the components exist and takes a few milliseconds. */
export async function seedDemoAvailability(ctx: ServiceContext): Promise<void> {
  await importFigures(ctx);
  const now = ctx.clock.now();
  const { outages, work } = plan(now);
  for (const o of outages) {
    await recordOutage(at(ctx, o.end ?? o.start), {
      componentId: o.component,
      severity: o.severity,
      start: o.start,
      end: o.end,
      publicText: o.text,
    });
  }
  for (const w of work) {
    const { start, end } = w.start > now ? early(w.start, w.end - w.start) : { start: w.start, end: w.end };
    const planned = Math.min(w.announced ?? now, now);
    const row = await planMaintenance(at(ctx, planned), {
      componentId: w.component,
      kind: w.kind,
      title: w.title,
      publicText: w.publicText,
      start,
      end,
    });
    if (w.announced !== null) await publishMaintenance(at(ctx, w.announced), { id: row.id });
  }
}
