import type { Kysely } from 'kysely';

// Availability: outages and planned work per component, monitors and what they observed, deviations from the
// agreement, and frozen monthly figures. Instants are epoch milliseconds; an open interval has a null end.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  // Share of partial / degraded time that counts as downtime, in basis points of the interval (0 = not at all).
  await db.schema
    .alterTable('components')
    .addColumn('weight_partial_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('components')
    .addColumn('weight_degraded_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('outages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('severity', 'text', (c) => c.notNull()) // 'unavailable' | 'partial' | 'degraded'
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint') // null while ongoing
    .addColumn('source', 'text', (c) => c.notNull()) // 'manual' | 'incident' | 'monitor'
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('monitor_id', 'text')
    .addColumn('public_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outages_component_time').on('outages').columns(['component_id', 'start_at']).execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'maintenance' | 'change' | 'major-change' | 'emergency'
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('public_text', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    // The announcement is the publication; null while a draft.
    .addColumn('announced_at', 'bigint')
    .addColumn('incident_case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('notice_policy', 'text', (c) => c.notNull())
    .addColumn('latest_announcement_at', 'bigint', (c) => c.notNull())
    .addColumn('notice_in_time', 'integer') // null until announced
    .addColumn('inside_operating_hours', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'draft' | 'published' | 'cancelled'
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('maintenance_component_time')
    .on('maintenance_windows')
    .columns(['component_id', 'start_at'])
    .execute();

  await db.schema
    .createTable('deviations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // e.g. 'late-notice', 'maintenance-in-operating-hours'
    .addColumn('policy_id', 'text')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.references('components.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deviations_time').on('deviations').columns(['at']).execute();

  await db.schema
    .createTable('monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'http' | 'heartbeat' | 'alertmanager' | 'uptime-kuma'
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('expected_status', 'integer')
    // Digest of the push token (heartbeats, webhook intake); the token itself is shown once.
    .addColumn('token_digest', 'text', (c) => c.unique())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // What a monitor observed, run-length encoded: consecutive results of the same state extend one row.
  await db.schema
    .createTable('monitor_intervals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id'))
    .addColumn('state', 'text', (c) => c.notNull()) // 'up' | 'down'
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitor_intervals_monitor_time')
    .on('monitor_intervals')
    .columns(['monitor_id', 'start_at'])
    .execute();

  await db.schema
    .createTable('availability_rollups')
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
    .addColumn('month', 'text', (c) => c.notNull()) // 'YYYY-MM', Europe/Oslo
    .addColumn('scheduled_ms', 'bigint', (c) => c.notNull())
    .addColumn('operating_ms', 'bigint', (c) => c.notNull())
    .addColumn('downtime_ms', 'bigint', (c) => c.notNull())
    .addColumn('unknown_ms', 'bigint', (c) => c.notNull())
    // sha-256 of the inputs the figure was computed from, so a later change to them is detectable.
    .addColumn('inputs_digest', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // 'computed' | 'imported'
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('availability_rollups_pk', ['component_id', 'month'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'availability_rollups',
    'monitor_intervals',
    'monitors',
    'deviations',
    'maintenance_windows',
    'outages',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('components').dropColumn('weight_degraded_bp').execute();
  await db.schema.alterTable('components').dropColumn('weight_partial_bp').execute();
}
