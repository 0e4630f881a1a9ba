import type { Kysely } from 'kysely';

// Usage metering: counts per day, owner, service and metric; the dedupe keys of counted events; monthly figures
// imported from files; audited adjustments of closed months; and which months are closed.
// An owner or service that is not known (a platform-wide figure) is stored as '' so the keys stay plain
// primary keys on both dialects (NULLs are never equal in a unique key).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_daily')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull()) // Europe/Oslo date, YYYY-MM-DD
    .addColumn('owner_id', 'text', (c) => c.notNull()) // organisations.id, or '' for platform-wide
    .addColumn('service_id', 'text', (c) => c.notNull()) // services.id, or ''
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_pk', ['metric', 'day', 'owner_id', 'service_id'])
    .execute();
  await db.schema.createIndex('usage_daily_owner').on('usage_daily').columns(['owner_id', 'metric', 'day']).execute();

  // One row per counted event: a 96-bit digest of (source, id), and the event's epoch day so keys older than the
  // dedupe window can be pruned.
  await db.schema
    .createTable('usage_event_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('event_day', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('usage_event_keys_day').on('usage_event_keys').columns(['event_day']).execute();

  // Kept only when NIVA_USAGE_KEEP_RAW is on.
  await db.schema
    .createTable('usage_raw_events')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('event_day', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('usage_raw_events_day').on('usage_raw_events').columns(['event_day']).execute();

  await db.schema
    .createTable('usage_monthly_imports')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull()) // the imported file's name
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_monthly_imports_pk', ['metric', 'month', 'owner_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('usage_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('delta', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('usage_adjustments_metric_month')
    .on('usage_adjustments')
    .columns(['metric', 'month'])
    .execute();

  await db.schema
    .createTable('usage_month_closures')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text') // null when closed by the scheduled task
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'usage_month_closures',
    'usage_adjustments',
    'usage_monthly_imports',
    'usage_raw_events',
    'usage_event_keys',
    'usage_daily',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
