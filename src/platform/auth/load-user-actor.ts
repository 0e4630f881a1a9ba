import type { Kysely } from 'kysely';
import { isRole } from '../domain/roles.ts';
import type { Database } from '../db/schema.ts';
import type { Actor, MembershipGrant } from '../services/actor.ts';

export async function loadUserActor(
  db: Kysely<Database>,
  userId: string,
): Promise<Extract<Actor, { type: 'user' }> | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.kind', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .execute();
  const memberships: MembershipGrant[] = rows.flatMap((r) =>
    isRole(r.role) ? [{ organisationId: r.organisation_id, organisationKind: r.kind, role: r.role }] : [],
  );
  return { type: 'user', id: user.id, label: user.email, memberships };
}
