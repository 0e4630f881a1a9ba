import { sql, type Kysely } from 'kysely';

// A closed month's counts per metric and owner, kept when the month closes (its day rows and imports no longer change:
// ingestion and imports refuse closed months, adjustments have their own table). Filled here for the months closed
// before the table existed.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_month_totals')
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull()) // organisations.id, or '' for platform-wide
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_month_totals_pk', ['month', 'metric', 'owner_id'])
    .execute();
  const closed = await db.selectFrom('usage_month_closures').select('month').execute();
  for (const { month } of closed as { month: string }[]) await storeMonthTotals(db, month);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_month_totals').execute();
}

// A frozen copy of storeMonthTotals (src/modules/usage/services/month-totals.ts) as it was when this migration was
// written: a migration must not change when the program does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function storeMonthTotals(db: Kysely<any>, month: string): Promise<void> {
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
