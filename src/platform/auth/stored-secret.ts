import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { randomSecret } from './secrets.ts';

/**
 * A key the platform keeps for itself. A configured value wins; otherwise the first start generates 32 random bytes
 * and stores them under `name`, and every later start (any node) reads the same row. Insert-if-absent makes
 * concurrent first starts agree on one key: the loser's insert does nothing and it reads the winner's.
 */
export async function resolveStoredSecret(
  db: Kysely<Database>,
  name: string,
  configured: string | null,
  now: number,
): Promise<string> {
  if (configured !== null) return configured;
  await db
    .insertInto('secrets')
    .values({ name, value: randomSecret(32), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
