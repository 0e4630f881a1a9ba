import type { Kysely } from 'kysely';
import { isTokenScope } from '../domain/roles.ts';
import { prebuilt } from '../db/prebuilt.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../services/actor.ts';
import { digest } from './secrets.ts';

// Every bearer request runs this lookup, so its fixed part is built once per database handle.
const tokenLookup = prebuilt((db) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('organisations', 'organisations.id', 'api_tokens.organisation_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.prefix',
      'api_tokens.scopes',
      'api_tokens.organisation_id',
      'api_tokens.revoked_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'organisations.kind',
    ]),
);

/**
 * Resolves a bearer secret to a token actor. `last_used_at` is written at most once a minute per token,
 * so a busy integration does not turn every read into a write.
 */
export async function authenticateApiToken(
  db: Kysely<Database>,
  secret: string,
  now: number,
): Promise<Extract<Actor, { type: 'token' }> | null> {
  if (!secret.startsWith('niva_')) return null;
  const row = await tokenLookup(db).where('api_tokens.secret_hash', '=', digest(secret)).executeTakeFirst();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null;
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    type: 'token',
    id: row.id,
    label: `token:${row.prefix}:${row.name}`,
    organisationId: row.organisation_id,
    organisationKind: row.kind,
    scopes: row.scopes.split(' ').filter(isTokenScope),
  };
}
