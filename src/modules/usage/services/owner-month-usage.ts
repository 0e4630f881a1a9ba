import { sql } from 'kysely';
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
 * Counted usage per owner, metric and month over `fromMonth`–`toMonth` (both included): day aggregates, imported
 * monthly figures and adjustments summed in one grouped query, for the given metrics and for owner-attributed rows
 * only (a platform-wide figure is billed to nobody). `ownerId` narrows it to one owner.
 */
export async function monthlyOwnerUsage(
  db: Db,
  input: { fromMonth: string; toMonth: string; metrics: readonly string[]; ownerId?: string },
): Promise<OwnerMonthCount[]> {
  if (input.metrics.length === 0) return [];
  const { fromMonth, toMonth, metrics, ownerId } = input;
  const monthOfDay = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
  let daily = db
    .selectFrom('usage_daily')
    .select(['owner_id', 'metric', monthOfDay.as('month'), sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', 'in', metrics)
    .where('day', '>=', `${fromMonth}-01`)
    .where('day', '<=', `${toMonth}-31`)
    .where('owner_id', '!=', '');
  let imports = db
    .selectFrom('usage_monthly_imports')
    .select(['owner_id', 'metric', 'month', sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', 'in', metrics)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .where('owner_id', '!=', '');
  let adjustments = db
    .selectFrom('usage_adjustments')
    .select(['owner_id', 'metric', 'month', sql<number | string>`sum(${sql.ref('delta')})`.as('n')])
    .where('metric', 'in', metrics)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .where('owner_id', '!=', '');
  if (ownerId !== undefined) {
    daily = daily.where('owner_id', '=', ownerId);
    imports = imports.where('owner_id', '=', ownerId);
    adjustments = adjustments.where('owner_id', '=', ownerId);
  }
  const parts = daily
    .groupBy(['owner_id', 'metric', monthOfDay])
    .unionAll(imports.groupBy(['owner_id', 'metric', 'month']))
    .unionAll(adjustments.groupBy(['owner_id', 'metric', 'month']));
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select(['parts.owner_id', 'parts.metric', 'parts.month', sql<number | string>`sum(${sql.ref('parts.n')})`.as('n')])
    .groupBy(['parts.owner_id', 'parts.metric', 'parts.month'])
    .execute();
  // PostgreSQL sums bigint as numeric, which arrives as text; the figures stay far below 2^53.
  return rows.map((r) => ({ ownerId: r.owner_id, metric: r.metric, month: r.month, count: Number(r.n) }));
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
