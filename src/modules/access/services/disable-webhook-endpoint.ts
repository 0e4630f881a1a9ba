import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { getWebhookEndpoint } from './list-webhook-endpoints.ts';

/**
 * Stops deliveries to an endpoint. The row stays so that queued and past deliveries still name it; jobs already in
 * the queue find it disabled and are dropped.
 */
export async function disableWebhookEndpoint(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  const endpoint = await getWebhookEndpoint(ctx, { id });
  authorize(ctx.actor, 'webhook.manage', endpoint.organisation_id);
  if (endpoint.disabled_at !== null) throw AppError.field('id', 'the webhook endpoint is already disabled', 'conflict');
  await inTransaction(ctx, async (trx) => {
    // Conditional, so two admins disabling at once leave one audit row and one conflict.
    const changed = await trx
      .updateTable('webhook_endpoints')
      .set({ disabled_at: ctx.clock.now() })
      .where('id', '=', endpoint.id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw AppError.field('id', 'the webhook endpoint is already disabled', 'conflict');
    const url = new URL(endpoint.url);
    await recordAuditEvent(trx, ctx, {
      action: 'webhook.disable',
      subjectType: 'webhook-endpoint',
      subjectId: endpoint.id,
      organisationId: endpoint.organisation_id,
      summary: { url: `${url.origin}${url.pathname}` },
    });
  });
}
