import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../services/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../services/context.ts';
import { type AcrLevel, acrReaches } from '../domain/acr-levels.ts';
import type { Role } from '../domain/roles.ts';
import { loadUserActor } from './load-user-actor.ts';
import { sealingKey, unseal } from './seal.ts';
import { digest } from './secrets.ts';

export interface ResolvedSession {
  actor: Extract<Actor, { type: 'user' }>;
  csrfToken: string;
}

/** The key a national login's ID token is sealed under in its session row: derived from the session token, which only
 * the browser has, so the row alone does not give the token (and the identity number in it) away. */
export function idTokenKey(sessionToken: string): Buffer {
  return sealingKey(sessionToken, 'id-token-hint');
}

/** The least login level per role; null when national login is off (its sessions then count for nothing). */
export type SessionLevels = Readonly<Record<Role, AcrLevel>> | null;

/**
 * Resolves a session cookie; sliding expiry is extended at most once a minute to keep reads cheap, and never past the
 * session's hard end (a national login's). A national login acts for its one organisation with the roles its level
 * reaches: the account's other memberships, and roles needing a higher level, are not part of the actor.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: number,
  ttlMs: number,
  levels: SessionLevels = null,
): Promise<ResolvedSession | null> {
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', digest(token)).executeTakeFirst();
  if (!session || session.expires_at <= now || (session.ends_at !== null && session.ends_at <= now)) return null;
  const loaded = await loadUserActor(db, session.user_id);
  if (!loaded) return null;
  let actor = loaded;
  if (session.method === 'oidc') {
    if (levels === null) return null;
    actor = {
      ...loaded,
      memberships: loaded.memberships.filter(
        (m) =>
          (session.organisation_id === null || m.organisationId === session.organisation_id) &&
          acrReaches(session.acr, levels[m.role]),
      ),
    };
  }
  if (now - session.last_seen_at > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: Math.min(now + ttlMs, session.ends_at ?? Infinity) })
      .where('id_hash', '=', session.id_hash)
      .execute();
  }
  return { actor, csrfToken: session.csrf_token };
}

/** Ends a session; for a national login, answers the ID token to send the provider's logout request with. */
export async function logOut(
  ctx: ServiceContext,
  { sessionToken }: { sessionToken: string },
): Promise<{ idTokenHint: string | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', digest(sessionToken))
      .returning(['user_id', 'method', 'id_token_sealed'])
      .executeTakeFirst();
    if (!deleted) return { idTokenHint: null };
    await recordAuditEvent(trx, ctx, {
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: deleted.user_id,
      organisationId: null,
      summary: { method: deleted.method },
    });
    const sealed = deleted.id_token_sealed;
    return { idTokenHint: sealed === null ? null : unseal(idTokenKey(sessionToken), sealed) };
  });
}

/**
 * Ends every session of a national login whose provider session is `sid` (front-channel logout: the provider loads
 * this for each relying party when the person logs out there, or elsewhere in the same provider session).
 */
export async function endProviderSession(ctx: ServiceContext, { sid }: { sid: string }): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom('sessions')
      .where('method', '=', 'oidc')
      .where('provider_sid', '=', sid)
      .returning(['user_id'])
      .execute();
    for (const session of ended)
      await recordAuditEvent(trx, ctx, {
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: session.user_id,
        organisationId: null,
        summary: { method: 'oidc', via: 'front-channel' },
      });
    return ended.length;
  });
}
