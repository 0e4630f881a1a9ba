import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

/** Withdraws a pending invitation: its link stops working. Another tenant's, or a used one, is not found. */
export async function revokeInvitation(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  const invitation = await scoped(
    ctx.db.selectFrom('invitations'),
    'invitations.organisation_id',
    tenantScope(ctx.actor, 'user.manage'),
  )
    .select(['id', 'organisation_id', 'email', 'role'])
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!invitation) throw new AppError('not-found', 'invitation not found');
  authorize(ctx.actor, 'user.manage', invitation.organisation_id);
  await inTransaction(ctx, async (trx) => {
    const revoked = await trx
      .updateTable('invitations')
      .set({ revoked_at: ctx.clock.now() })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) !== 1) throw new AppError('not-found', 'invitation not found');
    await recordAuditEvent(trx, ctx, {
      action: 'invitation.revoke',
      subjectType: 'invitation',
      subjectId: invitation.id,
      organisationId: invitation.organisation_id,
      summary: { email: invitation.email, role: invitation.role },
    });
  });
}
