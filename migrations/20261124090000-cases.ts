import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Cases and their event log. The log is the truth; `cases` columns and `case_clocks` rows are derived from it and
// rewritten on every append, so the work queue can be read and sorted without replaying logs.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    // Null: a platform-wide incident, visible to every owner.
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('component_id', 'text', (c) => c.references('components.id'))
    .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reporter_email', 'text')
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addColumn('last_event_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('next_due_at', 'bigint')
    // next_due_at with "nothing running" as the largest value, so the queue's sort is one index scan on both dialects.
    .addColumn('due_order', 'bigint', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_queue').on('cases').columns(['is_open', 'due_order', 'id']).execute();
  await db.schema
    .createIndex('cases_org_queue')
    .on('cases')
    .columns(['organisation_id', 'is_open', 'due_order', 'id'])
    .execute();
  await db.schema.createIndex('cases_registered').on('cases').columns(['registered_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull()) // 'public' | 'internal'
    .addColumn('body', 'text')
    .addColumn('data', 'text')
    .addUniqueConstraint('case_events_case_seq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('case_clocks')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('at_risk_at', 'bigint')
    .addColumn('target_ms', 'bigint')
    .addColumn('remaining_ms', 'bigint')
    .addColumn('stopped_at', 'bigint')
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    // Set once when the alert is queued, so each alert goes out once however many nodes scan.
    .addColumn('at_risk_alerted_at', 'bigint')
    .addColumn('breach_alerted_at', 'bigint')
    .addPrimaryKeyConstraint('case_clocks_pk', ['case_id', 'policy_id'])
    .execute();
  await db.schema
    .createIndex('case_clocks_at_risk')
    .on('case_clocks')
    .columns(['live', 'at_risk_alerted_at', 'at_risk_at'])
    .execute();
  await db.schema
    .createIndex('case_clocks_due')
    .on('case_clocks')
    .columns(['live', 'breach_alerted_at', 'due_at'])
    .execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').column('case_id').execute();

  await db.schema
    .createTable('mail_quarantine')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw', binary, (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'accepted' | 'discarded'
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('mail_quarantine_status')
    .on('mail_quarantine')
    .columns(['status', 'received_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mail_quarantine', 'case_attachments', 'case_clocks', 'case_events', 'cases', 'counters'])
    await db.schema.dropTable(table).execute();
}
