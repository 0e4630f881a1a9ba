import type { Kysely } from 'kysely';

// Subscriptions to the public status: e-mail addresses (confirmed by a link before anything is sent) and webhook
// URLs (signed CloudEvents). Rows are kept after unsubscribing, so a late delivery job can see it must not send.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'email' | 'webhook'
    .addColumn('address', 'text', (c) => c.notNull()) // e-mail address or https URL
    .addColumn('secret', 'text') // webhook signing secret; null for e-mail
    .addColumn('confirm_token_digest', 'text') // SHA-256 of the confirmation token; null once not needed
    .addColumn('confirmed_at', 'bigint')
    .addColumn('unsubscribed_at', 'bigint')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_subscriptions_confirm')
    .on('status_subscriptions')
    .column('confirm_token_digest')
    .execute();
  await db.schema
    .createIndex('status_subscriptions_address')
    .on('status_subscriptions')
    .columns(['kind', 'address'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('status_subscriptions').execute();
}
