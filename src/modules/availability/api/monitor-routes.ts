import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { createMonitor, createMonitorInput, monitorKinds, type MonitorView } from '../services/create-monitor.ts';
import { disableMonitor } from '../services/disable-monitor.ts';
import { listMonitors } from '../services/list-monitors.ts';
import { receiveAlertmanager } from '../services/receive-alertmanager.ts';
import { receiveHeartbeat } from '../services/receive-heartbeat.ts';
import { receiveUptimeKuma } from '../services/receive-uptime-kuma.ts';
import type { RecordedProbes } from '../services/record-probe-results.ts';
import { clientAddress } from '../../../platform/http/client-address.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';
import {
  IdParam,
  apiRouter,
  errorResponses,
  json,
  security,
  serviceContext,
  systemRequestContext,
} from '../../../platform/http/route-kit.ts';

const MonitorSchema = z
  .object({
    id: z.string(),
    componentId: z.string(),
    kind: z.enum(monitorKinds),
    name: z.string(),
    url: z.string().nullable(),
    intervalSeconds: z.number().int(),
    timeoutMs: z.number().int(),
    expectedStatus: z.number().int().nullable(),
    enabled: z.boolean(),
    nextRunAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Monitor');

function presentMonitor(m: MonitorView): z.infer<typeof MonitorSchema> {
  return {
    id: m.id,
    componentId: m.component_id,
    kind: m.kind,
    name: m.name,
    url: m.url,
    intervalSeconds: m.interval_seconds,
    timeoutMs: m.timeout_ms,
    expectedStatus: m.expected_status,
    enabled: m.enabled === 1,
    nextRunAt: isoOrNull(m.next_run_at),
    createdAt: iso(m.created_at),
  };
}

export const monitorRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/monitors',
      tags: ['Monitors'],
      summary: 'Monitors of the platform components (operator only)',
      security,
      request: {
        query: z.object({ componentId: z.string().optional(), includeDisabled: z.enum(['true', 'false']).optional() }),
      },
      responses: {
        200: json(z.object({ items: z.array(MonitorSchema) }), 'Monitors'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { componentId, includeDisabled } = c.req.valid('query');
      const items = await listMonitors(serviceContext(c), {
        ...(componentId ? { componentId } : {}),
        includeDisabled: includeDisabled === 'true',
      });
      return c.json({ items: items.map(presentMonitor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/monitors',
      tags: ['Monitors'],
      summary: 'Add an http probe or a push monitor; a push token is in this response only',
      description:
        'Push monitors receive at `/api/v1/heartbeats/{token}`, `/api/v1/intake/alertmanager/{token}` or `/api/v1/intake/uptime-kuma/{token}`; the token is their only credential (see docs/monitoring.md). An http probe’s `url` follows the outbound policy: https:// to public addresses, internal targets only when allowed in `NIVA_OUTBOUND_ALLOW` (docs/security.md).',
      security,
      request: { body: { content: { 'application/json': { schema: createMonitorInput } }, required: true } },
      responses: { 201: json(MonitorSchema.extend({ token: z.string().nullable() }), 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { monitor, token } = await createMonitor(serviceContext(c), c.req.valid('json'), c.var.deps.outbound);
      return c.json({ ...presentMonitor(monitor), token }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/monitors/{id}',
      tags: ['Monitors'],
      summary: 'Disable a monitor: no more probes, its push token stops working; its history stays',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Disabled' }, ...errorResponses },
    }),
    async (c) => {
      await disableMonitor(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

/**
 * The operation context of a push: authenticated by the token in the path, not by a session or bearer token, so it
 * acts as the system. Each call counts against the caller's address first, which also slows down token guessing.
 */
function intakeContext(c: Context<AppEnv>): ServiceContext {
  const { clock, config, intakeLimiter } = c.var.deps;
  const wait = intakeLimiter.hit(clientAddress(c, config.trustProxy), clock.now());
  if (wait > 0)
    throw new AppError('rate-limited', 'too many pushes from this address; try again later', {
      retryAfterSeconds: wait,
    });
  return systemRequestContext(c, 'monitor push');
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json<unknown>();
  } catch {
    throw AppError.field('(body)', 'a JSON document');
  }
}

const accepted = (c: Context<AppEnv>, r: RecordedProbes) => c.json({ recorded: r.recorded }, 202);

/**
 * Push endpoints for external checks. They are deliberately plain routes, outside the OpenAPI document: that
 * document describes the session/bearer API, whose every route refuses anonymous callers, while these are called
 * by Alertmanager, Uptime Kuma and cron jobs holding only the monitor's token. docs/monitoring.md documents them.
 */
export const monitorIntakeRoutes = apiRouter()
  .post('/heartbeats/:token', async (c) =>
    accepted(c, await receiveHeartbeat(intakeContext(c), { token: c.req.param('token') })),
  )
  .post('/intake/alertmanager/:token', async (c) => {
    const ctx = intakeContext(c);
    return accepted(c, await receiveAlertmanager(ctx, { token: c.req.param('token'), payload: await jsonBody(c) }));
  })
  .post('/intake/uptime-kuma/:token', async (c) => {
    const ctx = intakeContext(c);
    return accepted(c, await receiveUptimeKuma(ctx, { token: c.req.param('token'), payload: await jsonBody(c) }));
  });
