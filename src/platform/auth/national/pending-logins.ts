import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../services/context.ts';
import { seal, sealingKey, unseal } from '../seal.ts';
import { digest, randomSecret } from '../secrets.ts';

/** How long a person has between leaving for the provider (or the organisation choice) and coming back. */
export const pendingLoginTtlMs = 10 * 60_000;

/** What a login under way remembers until the provider sends the browser back. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The same-site path to return to. */
  next: string;
  /** The organisation number the person chose to act for before leaving, if any. */
  organisation: string | null;
  /** The token of the invitation link the login started from, if any. */
  invitation: string | null;
  acrValues: string[];
}

type Stage = 'redirected' | 'choosing';

function keyFor(binding: string, id: string): Buffer {
  return sealingKey(binding, `national-login:${id}`);
}

/**
 * Keeps a login under way server-side, bound to the browser: the row is found by the digest of its state (or its id),
 * but its payload is sealed under a key derived from the browser's binding cookie, which the server does not keep.
 * Another browser presenting the same state finds a row it cannot open and is refused.
 */
export async function holdLogin<T>(
  db: Kysely<Database>,
  options: { binding: string; stage: Stage; state?: string; payload: T; now: number },
): Promise<string> {
  const id = newId();
  // Logins abandoned at the provider are swept by whoever starts the next one.
  await db.deleteFrom('national_logins').where('expires_at', '<=', options.now).execute();
  await db
    .insertInto('national_logins')
    .values({
      id,
      state_hash: digest(options.state ?? randomSecret()),
      binding_hash: digest(options.binding),
      stage: options.stage,
      payload: seal(keyFor(options.binding, id), JSON.stringify(options.payload)),
      created_at: options.now,
      expires_at: options.now + pendingLoginTtlMs,
    })
    .execute();
  return id;
}

/**
 * Takes a login under way, once: the row is deleted by a conditional delete, so a second use of the same state (a
 * replayed callback) finds nothing. Null for an unknown, used or expired state, another browser (whose request leaves
 * the row alone), or another stage.
 */
export async function takeLogin<T>(
  db: Kysely<Database>,
  by: { state: string } | { id: string },
  options: { binding: string | null; stage: Stage; now: number },
): Promise<T | null> {
  if (options.binding === null) return null;
  const query = db.selectFrom('national_logins').selectAll().where('binding_hash', '=', digest(options.binding));
  const row = await (
    'state' in by ? query.where('state_hash', '=', digest(by.state)) : query.where('id', '=', by.id)
  ).executeTakeFirst();
  if (!row) return null;
  const deleted = await db.deleteFrom('national_logins').where('id', '=', row.id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1 || row.stage !== options.stage || row.expires_at <= options.now) return null;
  const text = unseal(keyFor(options.binding, row.id), row.payload);
  return text === null ? null : (JSON.parse(text) as T);
}
