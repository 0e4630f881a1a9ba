import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

/**
 * Ends one membership. The person's sessions stay valid: `authenticate` reads memberships on every request, so the access
 * this membership gave ends with the next request, and what other organisations gave them is untouched.
 */
export async function removeMembership(ctx: ServiceContext, { membershipId }: { membershipId: string }): Promise<void> {
  const membership = await scoped(
    ctx.db.selectFrom('memberships'),
    'memberships.organisation_id',
    tenantScope(ctx.actor, 'user.read'),
  )
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'memberships.organisation_id', 'memberships.role', 'memberships.user_id', 'users.email'])
    .where('memberships.id', '=', membershipId)
    .executeTakeFirst();
  if (!membership) throw new AppError('not-found', 'membership not found');
  authorize(ctx.actor, 'user.manage', membership.organisation_id);
  if (ctx.actor.type === 'user' && ctx.actor.id === membership.user_id && membership.role.endsWith('-admin')) {
    throw AppError.field('membershipId', 'you cannot remove your own admin role', 'conflict');
  }
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('memberships').where('id', '=', membership.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'membership.remove',
      subjectType: 'user',
      subjectId: membership.user_id,
      organisationId: membership.organisation_id,
      summary: { email: membership.email, role: membership.role },
    });
  });
}
