import { sql } from 'kysely';
import { shiftMonth } from '../../../platform/domain/month-key.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

type Db = ServiceContext['db'];

export interface OwnerMonthCount {
  ownerId: string;
  metric: string;
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

/**
 * Counted usage per owner, metric and month over `fromMonth`–`toMonth` (both included): day aggregates and imported
 * monthly figures (for a closed month, their totals kept when it closed) and adjustments summed in one grouped query, for the given metrics and for owner-attributed rows
 * only (a platform-wide figure is billed to nobody). `ownerId` narrows it to one owner.
 */
export async function monthlyOwnerUsage(
  db: Db,
  input: { fromMonth: string; toMonth: string; metrics: readonly string[]; ownerId?: string },
): Promise<OwnerMonthCount[]> {
  if (input.metrics.length === 0) return [];
  const { fromMonth, toMonth, metrics, ownerId } = input;
  const closed = new Set(
    (
      await db
        .selectFrom('usage_month_closures')
        .select('month')
        .where('month', '>=', fromMonth)
        .where('month', '<=', toMonth)
        .execute()
    ).map((r) => r.month),
  );
  const open = openRuns(fromMonth, toMonth, closed);
  const monthOfDay = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
  // Closed months are read from the totals kept when they closed; only open months need every day's rows.
  let totals = db
    .selectFrom('usage_month_totals')
    .select(['owner_id', 'metric', 'month', sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', 'in', metrics)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .where('owner_id', '!=', '');
  let daily = db
    .selectFrom('usage_daily')
    .select(['owner_id', 'metric', monthOfDay.as('month'), sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', 'in', metrics)
    .where((eb) => eb.or(open.map(([first, last]) => eb.between('day', `${first}-01`, `${last}-31`))))
    .where('owner_id', '!=', '');
  let imports = db
    .selectFrom('usage_monthly_imports')
    .select(['owner_id', 'metric', 'month', sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', 'in', metrics)
    .where((eb) => eb.or(open.map(([first, last]) => eb.between('month', first, last))))
    .where('owner_id', '!=', '');
  let adjustments = db
    .selectFrom('usage_adjustments')
    .select(['owner_id', 'metric', 'month', sql<number | string>`sum(${sql.ref('delta')})`.as('n')])
    .where('metric', 'in', metrics)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .where('owner_id', '!=', '');
  if (ownerId !== undefined) {
    totals = totals.where('owner_id', '=', ownerId);
    daily = daily.where('owner_id', '=', ownerId);
    imports = imports.where('owner_id', '=', ownerId);
    adjustments = adjustments.where('owner_id', '=', ownerId);
  }
  let parts = totals
    .groupBy(['owner_id', 'metric', 'month'])
    .unionAll(adjustments.groupBy(['owner_id', 'metric', 'month']));
  if (open.length > 0)
    parts = parts
      .unionAll(daily.groupBy(['owner_id', 'metric', monthOfDay]))
      .unionAll(imports.groupBy(['owner_id', 'metric', 'month']));
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select(['parts.owner_id', 'parts.metric', 'parts.month', sql<number | string>`sum(${sql.ref('parts.n')})`.as('n')])
    .groupBy(['parts.owner_id', 'parts.metric', 'parts.month'])
    .execute();
  // PostgreSQL sums bigint as numeric, which arrives as text; the figures stay far below 2^53.
  return rows.map((r) => ({ ownerId: r.owner_id, metric: r.metric, month: r.month, count: Number(r.n) }));
}

/** The runs of consecutive months in `first`–`last` that are not closed, as [first, last] pairs. */
function openRuns(first: string, last: string, closed: ReadonlySet<string>): [string, string][] {
  const runs: [string, string][] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) {
    if (closed.has(month)) continue;
    const run = runs[runs.length - 1];
    if (run && shiftMonth(run[1], 1) === month) run[1] = month;
    else runs.push([month, month]);
  }
  return runs;
}

/** Months of a year that are not closed, through `throughMonth`, oldest first. */
export async function unclosedMonths(db: Db, year: number, throughMonth: string): Promise<string[]> {
  const closed = new Set(
    (
      await db
        .selectFrom('usage_month_closures')
        .select('month')
        .where('month', '>=', `${year}-01`)
        .where('month', '<=', throughMonth)
        .execute()
    ).map((r) => r.month),
  );
  const months: string[] = [];
  for (let m = 1; `${year}-${String(m).padStart(2, '0')}` <= throughMonth && m <= 12; m += 1) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (!closed.has(month)) months.push(month);
  }
  return months;
}
