import type { Kysely } from 'kysely';

// Support lines' logs: calls and e-mails of the end-user support (brukerservice) and the service desk, as exported
// by their telephony and mail systems. Instants are epoch milliseconds. A record is known by its line and the id the
// exporting system gave it, so importing the same export twice changes nothing.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('line', 'text', (c) => c.notNull()) // 'brukerservice' | 'servicedesk'
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint') // null when never answered
    .addColumn('abandoned', 'integer', (c) => c.notNull()) // 0 | 1
    .addColumn('callback', 'integer', (c) => c.notNull()) // 0 | 1: answered by calling back
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('support_calls_line_external', ['line', 'external_id'])
    .execute();
  await db.schema.createIndex('support_calls_line_time').on('support_calls').columns(['line', 'queued_at']).execute();

  await db.schema
    .createTable('support_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('first_answer_at', 'bigint') // null while unanswered
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('support_emails_line_external', ['line', 'external_id'])
    .execute();
  await db.schema
    .createIndex('support_emails_line_time')
    .on('support_emails')
    .columns(['line', 'received_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['support_emails', 'support_calls']) await db.schema.dropTable(table).execute();
}
