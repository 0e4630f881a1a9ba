import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { digest } from './secrets.ts';

export interface ThrottlePolicy {
  maxFailures: number;
  lockMs: number;
}

/**
 * Failed sign-ins are counted per e-mail address, registered or not: an address with no account locks after the same
 * number of failures and for as long, so the lock-out tells nobody which addresses have accounts. Only the digest of
 * the normalised address is stored.
 */
export function throttleKey(email: string): string {
  return digest(`login:${email.trim().toLowerCase()}`);
}

/** The instant the address is locked until, or null when it may try now. */
export async function lockedUntil(db: Kysely<Database>, key: string, now: number): Promise<number | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key_hash', '=', key)
    .executeTakeFirst();
  return row?.locked_until != null && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts one failure in a single statement and decides the lock from the count it returns, so parallel attempts each
 * see their own increment (a read-then-write would let them all read the same count). A lock that has run out starts
 * the count again.
 */
export async function recordFailure(
  db: Kysely<Database>,
  key: string,
  now: number,
  policy: ThrottlePolicy,
): Promise<{ failures: number; locked: boolean }> {
  const expired = sql<boolean>`login_throttle.locked_until is not null and login_throttle.locked_until <= ${now}`;
  const row = await db
    .insertInto('login_throttle')
    .values({ key_hash: key, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        locked_until: sql<number | null>`case when ${expired} then null else login_throttle.locked_until end`,
        updated_at: now,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  if (failures < policy.maxFailures) return { failures, locked: false };
  // Whichever attempt reaches the limit first sets the lock; later ones in the same burst leave it as it is.
  const locked = await db
    .updateTable('login_throttle')
    .set({ locked_until: now + policy.lockMs })
    .where('key_hash', '=', key)
    .where('locked_until', 'is', null)
    .executeTakeFirst();
  return { failures, locked: Number(locked.numUpdatedRows) === 1 };
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key_hash', '=', key).execute();
}
