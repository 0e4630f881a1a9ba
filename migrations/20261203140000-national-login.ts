import type { Kysely } from 'kysely';

// The national login (ID-porten / Ansattporten-style OpenID Connect).
// National identities: a person's national identity number (`pid`) is stored only as an HMAC under a server key
// (`pid_hash`), linked to one account; an account has at most one.
// National logins: the logins under way, between the redirect to the provider and the session (state, nonce, PKCE
// verifier, where to return, the organisation chosen), sealed under a key only the browser's cookie holds; a row is
// deleted when its state is used, so a state works once.
// Sessions learn how they were opened (`method`, `acr`), the one organisation a national login acts for, the
// provider's session id (`provider_sid`, for front-channel logout), the ID token for the logout request sealed under
// the session's own token, and a hard end (`ends_at`) that the sliding expiry never passes.
// Invitations may name a national identity number (as the same HMAC) instead of relying on the e-mail link.

const sessionColumns = ['acr', 'organisation_id', 'provider_sid', 'id_token_sealed'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('national_identities')
    .addColumn('pid_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('national_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull()) // redirected | choosing
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('national_logins_expires').on('national_logins').column('expires_at').execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute();
  for (const column of sessionColumns) await db.schema.alterTable('sessions').addColumn(column, 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ends_at', 'bigint').execute();
  await db.schema.createIndex('sessions_provider_sid').on('sessions').column('provider_sid').execute();

  await db.schema.alterTable('invitations').addColumn('national_id_hash', 'text').execute();
  await db.schema.createIndex('invitations_national_id').on('invitations').column('national_id_hash').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invitations_national_id').execute();
  await db.schema.alterTable('invitations').dropColumn('national_id_hash').execute();
  await db.schema.dropIndex('sessions_provider_sid').execute();
  await db.schema.alterTable('sessions').dropColumn('ends_at').execute();
  for (const column of [...sessionColumns].reverse())
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  await db.schema.alterTable('sessions').dropColumn('method').execute();
  await db.schema.dropTable('national_logins').execute();
  await db.schema.dropTable('national_identities').execute();
}
