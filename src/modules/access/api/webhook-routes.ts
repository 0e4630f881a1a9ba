import { createRoute, z } from '@hono/zod-openapi';
import {
  createWebhookEndpoint,
  createWebhookEndpointInput,
  type WebhookEndpointView,
} from '../services/create-webhook-endpoint.ts';
import { disableWebhookEndpoint } from '../services/disable-webhook-endpoint.ts';
import { listWebhookEndpoints } from '../services/list-webhook-endpoints.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi('WebhookEndpoint');

function presentWebhookEndpoint(e: WebhookEndpointView): z.infer<typeof WebhookEndpointSchema> {
  return {
    id: e.id,
    organisationId: e.organisation_id,
    url: e.url,
    eventTypes: e.event_types.split(','),
    createdAt: iso(e.created_at),
    disabledAt: isoOrNull(e.disabled_at),
  };
}

export const webhookRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/webhooks',
      tags: ['Webhooks'],
      summary: 'Webhook endpoints of the organisations the caller administers (never the secrets)',
      security,
      request: { query: z.object({ organisationId: z.string().optional() }) },
      responses: {
        200: json(z.object({ items: z.array(WebhookEndpointSchema) }), 'Endpoints'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { organisationId } = c.req.valid('query');
      const items = await listWebhookEndpoints(serviceContext(c), organisationId ? { organisationId } : {});
      return c.json({ items: items.map(presentWebhookEndpoint) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/webhooks',
      tags: ['Webhooks'],
      summary: 'Subscribe an endpoint to case events; the signing secret is in this response only',
      description:
        'Each delivery is a CloudEvent (structured mode) with header `niva-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. The URL must be https:// to a host whose every address is public (no loopback, private, link-local or other special-purpose address, unless the operator allows it in `NIVA_OUTBOUND_ALLOW`); this is checked now (400 naming `url`) and again at each delivery, which connects only to the checked address and does not follow redirects.',
      security,
      request: { body: { content: { 'application/json': { schema: createWebhookEndpointInput } }, required: true } },
      responses: { 201: json(WebhookEndpointSchema.extend({ secret: z.string() }), 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { endpoint, secret } = await createWebhookEndpoint(
        serviceContext(c),
        c.req.valid('json'),
        c.var.deps.outbound,
      );
      return c.json({ ...presentWebhookEndpoint(endpoint), secret }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/webhooks/{id}',
      tags: ['Webhooks'],
      summary: 'Disable a webhook endpoint; deliveries still queued for it are dropped',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Disabled' }, ...errorResponses },
    }),
    async (c) => {
      await disableWebhookEndpoint(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
