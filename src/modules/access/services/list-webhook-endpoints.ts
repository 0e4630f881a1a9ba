import { scoped } from '../../../platform/db/tenant-scope.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { WebhookEndpointView } from './create-webhook-endpoint.ts';

const columns = ['id', 'organisation_id', 'url', 'event_types', 'created_at', 'disabled_at'] as const;

function visible(ctx: ServiceContext) {
  return scoped(
    ctx.db.selectFrom('webhook_endpoints').select(columns),
    'webhook_endpoints.organisation_id',
    tenantScope(ctx.actor, 'webhook.read'),
  );
}

/** Webhook endpoints of the organisations the caller administers, newest first; secrets are never read. */
export async function listWebhookEndpoints(
  ctx: ServiceContext,
  { organisationId }: { organisationId?: string } = {},
): Promise<WebhookEndpointView[]> {
  authorize(ctx.actor, 'webhook.read');
  let q = visible(ctx).orderBy('created_at', 'desc').orderBy('id');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.execute();
}

export async function getWebhookEndpoint(ctx: ServiceContext, { id }: { id: string }): Promise<WebhookEndpointView> {
  const endpoint = await visible(ctx).where('id', '=', id).executeTakeFirst();
  if (!endpoint) throw new AppError('not-found', 'webhook endpoint not found');
  return endpoint;
}
