// The baseline of bench:report: the rows a month's report is made from, read with plain queries and nothing else
// (no figures derived, no availability computed, no layout). Each function returns how many rows it read.
import { sql } from 'kysely';
import { monthPeriod, periodsBetween } from '../src/modules/support/domain/support-periods.ts';
import type { Db } from '../src/platform/db/database.ts';

/** The months and periods a report of `month` looks at, as the report itself bounds them. */
function bounds(month: string) {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const index = year * 12 + m - 1;
  const key = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
  const period = monthPeriod(year, m);
  return {
    // The statistics read whole years: the report's year and the four before it.
    firstMonth: `${year - 4}-01`,
    lastMonth: `${year}-12`,
    availabilityMonths: Array.from({ length: 24 }, (_, i) => key(index - 23 + i)),
    availabilityStart: monthPeriod(Math.floor((index - 23) / 12), ((index - 23) % 12) + 1).start,
    period,
    next: monthPeriod(Math.floor((index + 1) / 12), ((index + 1) % 12) + 1),
    supportPeriods: [
      ...periodsBetween('month', { year, month: 1 }, { year, month: m }),
      ...periodsBetween('week', { year, month: m }, { year, month: m }),
    ],
    yearStart: monthPeriod(year, 1).start,
  };
}

/** Usage per metric and month from the three tables, for the whole platform or one owner: three grouped queries. */
async function usageSums(db: Db, month: string, ownerId: string | null): Promise<number> {
  const { firstMonth, lastMonth } = bounds(month);
  const monthOfDay = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
  let daily = db
    .selectFrom('usage_daily')
    .select(['metric', monthOfDay.as('month'), sql<number>`sum(${sql.ref('count')})`.as('n')])
    .where('day', '>=', `${firstMonth}-01`)
    .where('day', '<=', `${lastMonth}-31`);
  let imports = db
    .selectFrom('usage_monthly_imports')
    .select(['metric', 'month', sql<number>`sum(${sql.ref('count')})`.as('n')])
    .where('month', '>=', firstMonth)
    .where('month', '<=', lastMonth);
  let adjustments = db
    .selectFrom('usage_adjustments')
    .select(['metric', 'month', sql<number>`sum(${sql.ref('delta')})`.as('n')])
    .where('month', '>=', firstMonth)
    .where('month', '<=', lastMonth);
  if (ownerId !== null) {
    daily = daily.where('owner_id', '=', ownerId);
    imports = imports.where('owner_id', '=', ownerId);
    adjustments = adjustments.where('owner_id', '=', ownerId);
  }
  const [d, i, a] = await Promise.all([
    daily.groupBy(['metric', monthOfDay]).execute(),
    imports.groupBy(['metric', 'month']).execute(),
    adjustments.groupBy(['metric', 'month']).execute(),
  ]);
  return d.length + i.length + a.length;
}

/** The month's case clocks and incidents, for the whole platform or one owner. */
async function caseRows(db: Db, month: string, ownerId: string | null): Promise<number> {
  const { period } = bounds(month);
  let clocks = db
    .selectFrom('case_clocks')
    .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
    .selectAll('case_clocks')
    .select(['cases.reference', 'cases.category', 'cases.registered_at'])
    .where('cases.registered_at', '>=', period.start)
    .where('cases.registered_at', '<', period.end);
  let incidents = db
    .selectFrom('cases')
    .select(['reference', 'category', 'resolved_at'])
    .where('kind', '=', 'incident')
    .where('registered_at', '>=', period.start)
    .where('registered_at', '<', period.end);
  if (ownerId !== null) {
    clocks = clocks.where('cases.organisation_id', '=', ownerId);
    incidents = incidents.where('organisation_id', '=', ownerId);
  }
  const [c, i] = await Promise.all([clocks.execute(), incidents.execute()]);
  return c.length + i.length;
}

/**
 * What the platform report reads besides its usage and cases: the availability rollups of 24 months and the outages,
 * planned work and monitor runs behind them, the support line's call sums per month of the year and per week of the
 * month, its e-mails and portal clocks of the year, and the month's planned work, deviations, roadmap, texts and meetings.
 */
async function sharedRows(db: Db, month: string): Promise<number> {
  const b = bounds(month);
  const callSums = b.supportPeriods.map((p) =>
    db
      .selectFrom('support_calls')
      .select([
        sql<number>`count(*)`.as('offered'),
        sql<number>`sum(callback)`.as('callbacks'),
        sql<number>`sum(abandoned)`.as('abandoned'),
        sql<number>`sum(coalesce(answered_at - queued_at, 0))`.as('wait'),
      ])
      .where('line', '=', 'brukerservice')
      .where('queued_at', '>=', p.start)
      .where('queued_at', '<', p.end)
      .execute(),
  );
  const reads: Promise<unknown[]>[] = [
    db.selectFrom('components').selectAll().execute(),
    db.selectFrom('availability_rollups').selectAll().where('month', 'in', b.availabilityMonths).execute(),
    db
      .selectFrom('outages')
      .select(['component_id', 'start_at', 'end_at', 'severity'])
      .where('start_at', '<', b.period.end)
      .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', b.availabilityStart)]))
      .execute(),
    db
      .selectFrom('maintenance_windows')
      .selectAll()
      .where('status', '=', 'published')
      .where('start_at', '<', b.next.end)
      .where('end_at', '>', b.availabilityStart)
      .execute(),
    db
      .selectFrom('monitor_intervals')
      .select(['monitor_id', 'state', 'start_at', 'end_at'])
      .where('start_at', '<', b.period.end)
      .where('end_at', '>', b.period.start)
      .execute(),
    ...callSums,
    db
      .selectFrom('support_emails')
      .select(['received_at', 'first_answer_at'])
      .where('line', '=', 'brukerservice')
      .where('received_at', '>=', b.yearStart)
      .where('received_at', '<', b.period.end)
      .execute(),
    db
      .selectFrom('case_clocks')
      .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
      .selectAll('case_clocks')
      .where('case_clocks.policy_id', '=', 'support-portal-reply')
      .where('cases.kind', '=', 'support-request')
      .where('cases.registered_at', '>=', b.yearStart)
      .where('cases.registered_at', '<', b.period.end)
      .execute(),
    db.selectFrom('deviations').selectAll().where('subject_type', '=', 'maintenance').execute(),
    db.selectFrom('roadmap_entries').selectAll().execute(),
    db.selectFrom('report_blocks').selectAll().where('month', '=', month).execute(),
    db.selectFrom('meetings').selectAll().where('starts_at', '>=', b.next.start).execute(),
  ];
  const results = await Promise.all(reads);
  return results.reduce((n, rows) => n + rows.length, 0);
}

/**
 * The rows common to every report of a month, read once in a monthly run: the shared parts and the platform's usage
 * (an owner's tables show its share of the platform's month).
 */
export async function readSharedRows(db: Db, month: string): Promise<number> {
  return (await sharedRows(db, month)) + (await usageSums(db, month, null));
}

/** Everything the platform report of `month` is made from. */
export async function readPlatformRows(db: Db, month: string): Promise<number> {
  return (await readSharedRows(db, month)) + (await caseRows(db, month, null));
}

/** What one owner's report adds to the shared rows: its own usage and cases. */
export async function readOwnerRows(db: Db, month: string, ownerId: string): Promise<number> {
  return (await usageSums(db, month, ownerId)) + (await caseRows(db, month, ownerId));
}
