import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The monthly service report: the editable content it carries (news and project-status blocks, roadmap entries,
// meetings), who receives it, and the archive of generated versions. Instants are epoch milliseconds; a month is
// `YYYY-MM` (Europe/Oslo). An archived version is never changed: triggers refuse UPDATE and DELETE on both dialects.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'news' | 'project-status'
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_blocks_month').on('report_blocks').columns(['month', 'position']).execute();

  await db.schema
    .createTable('roadmap_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // The period it is planned for, free but sortable: `2026`, `2026-Q3` or `2026-09`.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'planned' | 'in-progress' | 'done' | 'dropped'
    .addColumn('component_id', 'text', (c) => c.references('components.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull()) // e.g. 'Styringsråd', 'Altinn-kaffe'; '' for a one-off
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull()) // 'digital' | 'physical' | 'hybrid'
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_time').on('meetings').columns(['starts_at']).execute();

  await db.schema
    .createTable('report_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The owner whose report is sent; '' for the platform report.
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull()) // 'nb' | 'nn' | 'en'
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('report_subscriptions_owner_email', ['owner_id', 'email'])
    .execute();

  await db.schema
    .createTable('service_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull()) // '' for the platform report
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull()) // 'scheduled' | 'manual'
    .addColumn('generated_at', 'bigint', (c) => c.notNull())
    .addColumn('generated_by', 'text', (c) => c.notNull())
    // The figures as collected (JSON); every format is rendered from them, so a version reads the same forever.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull()) // sha-256 of `data`
    .addUniqueConstraint('service_reports_version', ['month', 'owner_id', 'version'])
    .execute();

  // One row per month whose scheduled run has been claimed, so that any number of nodes run it once.
  await db.schema
    .createTable('report_schedule_runs')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function service_reports_immutable() returns trigger language plpgsql as $$
      begin raise exception 'service_reports rows are immutable'; end $$`.execute(db);
    await sql`create trigger service_reports_no_update before update or delete on service_reports
      for each row execute function service_reports_immutable()`.execute(db);
  } else {
    await sql`create trigger service_reports_no_update before update on service_reports
      begin select raise(abort, 'service_reports rows are immutable'); end`.execute(db);
    await sql`create trigger service_reports_no_delete before delete on service_reports
      begin select raise(abort, 'service_reports rows are immutable'); end`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger service_reports_no_update on service_reports`.execute(db);
    await sql`drop function service_reports_immutable()`.execute(db);
  }
  for (const table of [
    'report_schedule_runs',
    'service_reports',
    'report_subscriptions',
    'meetings',
    'roadmap_entries',
    'report_blocks',
  ])
    await db.schema.dropTable(table).execute();
}
