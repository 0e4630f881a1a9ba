import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { resolveStoredSecret } from './stored-secret.ts';

const identityKeyName = 'identity-hash-key';

/**
 * The key national identity numbers are stored under: NIVA_IDENTITY_SECRET, or one generated on the first start and
 * stored in the database. Changing it orphans every stored identity and pending invitation by number.
 */
export function resolveIdentityKey(db: Kysely<Database>, configured: string | null, now: number): Promise<string> {
  return resolveStoredSecret(db, identityKeyName, configured, now);
}

/**
 * A national identity number as Nivå stores it: an HMAC under the server's key, never the number. Eleven digits have
 * too few values for a plain hash to hide them; without the key the stored value cannot be tried against them.
 */
export function nationalIdHash(key: string, nationalId: string): string {
  return createHmac('sha256', key).update(`pid:${nationalId.trim()}`).digest('hex');
}
