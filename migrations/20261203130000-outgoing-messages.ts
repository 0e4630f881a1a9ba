import type { Kysely } from 'kysely';

// The outgoing-message log: e-mails the development transport kept instead of sending, and every webhook call with
// its answer, so the operator can see what Nivå sent where. Entries are pruned after NIVA_OUTGOING_KEEP_DAYS; the
// index serves both the newest-first list and the pruning.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outgoing_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // email | webhook
    .addColumn('target', 'text', (c) => c.notNull()) // the recipients, or the URL without its query values
    .addColumn('subject', 'text') // the e-mail's subject, or the CloudEvent's type
    .addColumn('body', 'text') // the e-mail's text, or the request body
    .addColumn('html', 'text')
    .addColumn('headers', 'text', (c) => c.notNull()) // JSON object
    .addColumn('attachments', 'text', (c) => c.notNull()) // JSON array of { filename, contentType, size }
    .addColumn('outcome', 'text', (c) => c.notNull()) // kept | delivered | failed | refused
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('error', 'text')
    .addColumn('job_id', 'text')
    .addColumn('job_kind', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outgoing_messages_created')
    .on('outgoing_messages')
    .columns(['created_at', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outgoing_messages').execute();
}
