import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

export interface MemberRow {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  lastLoginAt: number | null;
  lockedUntil: number | null;
}

/** Memberships the actor may see, newest organisation first; optionally one organisation. */
export async function listMembers(
  ctx: ServiceContext,
  { organisationId }: { organisationId?: string } = {},
): Promise<MemberRow[]> {
  authorize(ctx.actor, 'user.read');
  let q = scoped(ctx.db.selectFrom('memberships'), 'memberships.organisation_id', tenantScope(ctx.actor, 'user.read'))
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
      'users.last_login_at as lastLoginAt',
      'users.locked_until as lockedUntil',
    ])
    .orderBy('organisations.name')
    .orderBy('users.name');
  if (organisationId) q = q.where('memberships.organisation_id', '=', organisationId);
  return q.execute();
}
