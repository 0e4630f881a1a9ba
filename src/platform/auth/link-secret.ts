import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { resolveStoredSecret } from './stored-secret.ts';

const linkSecretName = 'link-signing-key';

/**
 * The key signing links that need no login (unsubscribe): NIVA_LINK_SECRET, or one generated on the first start and
 * stored in the database, which every node and restart then uses.
 */
export function resolveLinkSecret(db: Kysely<Database>, configured: string | null, now: number): Promise<string> {
  return resolveStoredSecret(db, linkSecretName, configured, now);
}
