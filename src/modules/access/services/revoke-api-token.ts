import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { getApiToken } from './list-api-tokens.ts';

export async function revokeApiToken(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  const token = await getApiToken(ctx, { id });
  authorize(ctx.actor, 'token.manage', token.organisation_id);
  if (token.revoked_at !== null) throw AppError.field('id', 'the token is already revoked', 'conflict');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('api_tokens').set({ revoked_at: ctx.clock.now() }).where('id', '=', token.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'token.revoke',
      subjectType: 'api-token',
      subjectId: token.id,
      organisationId: token.organisation_id,
      summary: { name: token.name, prefix: token.prefix },
    });
  });
}
