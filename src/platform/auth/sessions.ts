import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../services/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadUserActor } from './load-user-actor.ts';
import { digest } from './secrets.ts';

export interface ResolvedSession {
  actor: Extract<Actor, { type: 'user' }>;
  csrfToken: string;
}

/** Resolves a session cookie; sliding expiry is extended at most once a minute to keep reads cheap. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: number,
  ttlMs: number,
): Promise<ResolvedSession | null> {
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', digest(token)).executeTakeFirst();
  if (!session || session.expires_at <= now) return null;
  const actor = await loadUserActor(db, session.user_id);
  if (!actor) return null;
  if (now - session.last_seen_at > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: now + ttlMs })
      .where('id_hash', '=', session.id_hash)
      .execute();
  }
  return { actor, csrfToken: session.csrf_token };
}

export async function logOut(ctx: ServiceContext, { sessionToken }: { sessionToken: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', digest(sessionToken))
      .returning('user_id')
      .executeTakeFirst();
    if (deleted)
      await recordAuditEvent(trx, ctx, {
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: deleted.user_id,
        organisationId: null,
        summary: {},
      });
  });
}
