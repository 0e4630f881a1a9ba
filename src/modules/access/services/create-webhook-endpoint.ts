import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { WebhookEndpointsTable } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { randomSecret } from '../../../platform/auth/secrets.ts';
import type { CaseNotice } from '../../cases/index.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { getOrganisation } from './get-organisation.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  assertOutboundUrl,
  outboundUrlHint,
  outboundUrlSyntax,
  type OutboundPolicy,
} from '../../../platform/net/outbound-url.ts';

/** The CloudEvent types Nivå sends; `queueCaseNotice` names them `no.niva.case.<notice>`. */
export const webhookEventTypes = [
  'no.niva.case.registered',
  'no.niva.case.work-started',
  'no.niva.case.resolved',
  'no.niva.case.at-risk',
  'no.niva.case.breached',
] as const satisfies readonly `no.niva.case.${CaseNotice}`[];

export type WebhookEndpoint = Selectable<WebhookEndpointsTable>;
/** What may be shown after creation: everything but the signing secret. */
export type WebhookEndpointView = Omit<WebhookEndpoint, 'secret'>;

export const createWebhookEndpointInput = z.object({
  organisationId: z.string().min(1),
  url: z.string().trim().max(2_000).refine(outboundUrlSyntax, outboundUrlHint),
  eventTypes: z.array(z.enum(['*', ...webhookEventTypes])).min(1, 'at least one event type, or "*" for all'),
});

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  /** The signing secret: shown once, in this response only. */
  secret: string;
}

/**
 * Subscribes an HTTPS endpoint of an organisation to case events, signed with a secret generated here. Payloads carry
 * case titles and a signature that can be replayed within its freshness window, so the URL must be https:// to a
 * public address; the outbound policy checks that here and again at every delivery.
 */
export async function createWebhookEndpoint(
  ctx: ServiceContext,
  input: z.input<typeof createWebhookEndpointInput>,
  outbound: OutboundPolicy,
): Promise<CreatedWebhookEndpoint> {
  const data = parseInput(createWebhookEndpointInput, input, ctx);
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  authorize(ctx.actor, 'webhook.manage', organisation.id);
  // After authorizing: only who may manage the organisation's webhooks learns what a URL resolves to.
  await assertOutboundUrl(outbound, 'url', data.url);
  // Kept in clear (unlike API tokens) because every delivery signs with it; it is never listed or audited.
  const secret = `whsec_${randomSecret(32)}`;
  const wanted = new Set(data.eventTypes);
  const endpoint: WebhookEndpointView = {
    id: newId(),
    organisation_id: organisation.id,
    url: data.url,
    event_types: wanted.has('*') ? '*' : [...wanted].sort().join(','),
    created_at: ctx.clock.now(),
    disabled_at: null,
  };
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('webhook_endpoints')
      .values({ ...endpoint, secret })
      .execute();
    const url = new URL(endpoint.url);
    // Without the query string: receivers sometimes put their own access key there.
    await recordAuditEvent(trx, ctx, {
      action: 'webhook.create',
      subjectType: 'webhook-endpoint',
      subjectId: endpoint.id,
      organisationId: organisation.id,
      summary: { url: `${url.origin}${url.pathname}`, eventTypes: endpoint.event_types },
    });
  });
  return { endpoint, secret };
}
