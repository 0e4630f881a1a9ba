import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

/**
 * The inserts that keep a closed month's counts per metric and owner (day aggregates + imported figures; adjustments
 * stay in their own table): written in the transaction that closes the month, whose figures change only through
 * adjustments from then on, so readers of closed months (billing, forecasts) sum a few hundred rows instead of every
 * day of every service. The migration that created the table filled it for the months closed before it.
 */
export async function storeMonthTotals(db: Kysely<Database>, month: string): Promise<void> {
  const monthOfDay = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
  const daily = db
    .selectFrom('usage_daily')
    .select(['metric', monthOfDay.as('month'), 'owner_id', sql<number>`sum(${sql.ref('count')})`.as('count')])
    .where('day', '>=', `${month}-01`)
    .where('day', '<=', `${month}-31`)
    .groupBy(['metric', monthOfDay, 'owner_id']);
  const imports = db
    .selectFrom('usage_monthly_imports')
    .select(['metric', 'month', 'owner_id', sql<number>`sum(${sql.ref('count')})`.as('count')])
    .where('month', '=', month)
    .groupBy(['metric', 'month', 'owner_id']);
  const parts = daily.unionAll(imports).as('parts');
  await db
    .insertInto('usage_month_totals')
    .columns(['metric', 'month', 'owner_id', 'count'])
    .expression(
      db
        .selectFrom(parts)
        .select([
          'parts.metric',
          'parts.month',
          'parts.owner_id',
          sql<number>`sum(${sql.ref('parts.count')})`.as('count'),
        ])
        .groupBy(['parts.metric', 'parts.month', 'parts.owner_id']),
    )
    .onConflict((oc) => oc.columns(['month', 'metric', 'owner_id']).doNothing())
    .execute();
}
