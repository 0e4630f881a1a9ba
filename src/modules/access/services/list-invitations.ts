import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

export interface PendingInvitation {
  id: string;
  email: string;
  role: string;
  organisationId: string;
  organisationName: string;
  createdAt: number;
  expiresAt: number;
  /** Whether it is accepted by national login with a number (kept only as its HMAC, never returned). */
  byNationalId: boolean;
}

/** Invitations not yet accepted, revoked or expired, in the organisations whose members the actor manages. */
export async function listInvitations(
  ctx: ServiceContext,
  { organisationId }: { organisationId?: string } = {},
): Promise<PendingInvitation[]> {
  authorize(ctx.actor, 'user.read');
  let q = scoped(ctx.db.selectFrom('invitations'), 'invitations.organisation_id', tenantScope(ctx.actor, 'user.manage'))
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'invitations.created_at as createdAt',
      'invitations.expires_at as expiresAt',
    ])
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', ctx.clock.now())
    .orderBy('organisations.name')
    .orderBy('invitations.email');
  if (organisationId) q = q.where('invitations.organisation_id', '=', organisationId);
  const rows = await q.select('invitations.national_id_hash').execute();
  return rows.map(({ national_id_hash, ...row }) => ({ ...row, byNationalId: national_id_hash !== null }));
}
