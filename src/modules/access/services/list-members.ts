import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import { throttleKey } from '../../../platform/auth/login-throttle.ts';

/** What the operator, who runs every account, sees of one: an organisation sees only what the membership gave. */
export interface AccountFacts {
  lastLoginAt: number | null;
  locked: boolean;
}

export interface MemberRow {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  joinedAt: number;
  /** Null unless the actor reads members platform-wide. */
  account: AccountFacts | null;
}

/**
 * Accepted memberships the actor may see, by organisation and name; optionally one organisation. A service owner sees
 * its members' name, address, role and since when: a person may belong to several organisations, and when they last
 * signed in or whether their sign-in is locked is about the account, which only the operator administers.
 */
export async function listMembers(
  ctx: ServiceContext,
  { organisationId }: { organisationId?: string } = {},
): Promise<MemberRow[]> {
  authorize(ctx.actor, 'user.read');
  const scope = tenantScope(ctx.actor, 'user.read');
  let q = scoped(ctx.db.selectFrom('memberships'), 'memberships.organisation_id', scope)
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id as membershipId',
      'users.id as userId',
      'users.email',
      'users.name',
      'memberships.role',
      'organisations.id as organisationId',
      'organisations.code as organisationCode',
      'organisations.name as organisationName',
      'memberships.created_at as joinedAt',
      'users.last_login_at as lastLoginAt',
    ])
    .orderBy('organisations.name')
    .orderBy('users.name');
  if (organisationId) q = q.where('memberships.organisation_id', '=', organisationId);
  const rows = await q.execute();
  if (!scope.all) return rows.map(({ lastLoginAt: _, ...row }) => ({ ...row, account: null }));
  const now = ctx.clock.now();
  const keys = [...new Set(rows.map((r) => throttleKey(r.email)))];
  const locked = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await ctx.db
      .selectFrom('login_throttle')
      .select('key_hash')
      .where('key_hash', 'in', keys.slice(i, i + 500))
      .where('locked_until', '>', now)
      .execute();
    for (const f of found) locked.add(f.key_hash);
  }
  return rows.map(({ lastLoginAt, ...row }) => ({
    ...row,
    account: { lastLoginAt, locked: locked.has(throttleKey(row.email)) },
  }));
}
