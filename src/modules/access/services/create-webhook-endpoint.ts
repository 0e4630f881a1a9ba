import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { WebhookEndpointsTable } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { randomSecret } from '../../../platform/auth/secrets.ts';
import type { CaseNotice } from '../../cases/services/case-mail-texts.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { getOrganisation } from './get-organisation.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';

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

// Payloads carry case titles and the signature header can be replayed within its freshness window, so they must not
// cross a network in clear text. Loopback never leaves the machine, which is what local receivers and tests use.
const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https:// URL without credentials, or http:// to loopback; monitors' probe targets follow the same rule. */
export function deliverableUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  // Credentials in the URL would be shown to everyone who may list the endpoints.
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

export const createWebhookEndpointInput = z.object({
  organisationId: z.string().min(1),
  url: z
    .string()
    .trim()
    .max(2_000)
    .refine(deliverableUrl, 'an https:// URL without credentials (http:// only for localhost)'),
  eventTypes: z.array(z.enum(['*', ...webhookEventTypes])).min(1, 'at least one event type, or "*" for all'),
});

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  /** The signing secret: shown once, in this response only. */
  secret: string;
}

/** Subscribes an HTTPS endpoint of an organisation to case events, signed with a secret generated here. */
export async function createWebhookEndpoint(
  ctx: ServiceContext,
  input: z.input<typeof createWebhookEndpointInput>,
): Promise<CreatedWebhookEndpoint> {
  const data = parseInput(createWebhookEndpointInput, input, ctx);
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  authorize(ctx.actor, 'webhook.manage', organisation.id);
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
