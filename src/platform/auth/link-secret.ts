import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { randomSecret } from './secrets.ts';

const linkSecretName = 'link-signing-key';

/**
 * The key signing links that need no login (unsubscribe). A configured NIVA_LINK_SECRET wins; otherwise the first start
 * generates 32 random bytes and stores them, and every later start (any node) reads the same row. Insert-if-absent
 * makes concurrent first starts agree on one key: the loser's insert does nothing and it reads the winner's.
 */
export async function resolveLinkSecret(db: Kysely<Database>, configured: string | null, now: number): Promise<string> {
  if (configured !== null) return configured;
  await db
    .insertInto('secrets')
    .values({ name: linkSecretName, value: randomSecret(32), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', linkSecretName)
    .executeTakeFirstOrThrow();
  return row.value;
}
