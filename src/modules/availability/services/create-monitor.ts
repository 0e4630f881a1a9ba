import { z } from 'zod';
import type { MonitorRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { digest, randomSecret } from '../../../platform/auth/secrets.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  assertOutboundUrl,
  outboundUrlHint,
  outboundUrlSyntax,
  type OutboundPolicy,
} from '../../../platform/net/outbound-url.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const monitorKinds = ['http', 'heartbeat', 'alertmanager', 'uptime-kuma'] as const;
export type MonitorKind = (typeof monitorKinds)[number];

/** What may be shown after creation: everything but the token digest. */
export type MonitorView = Omit<MonitorRow, 'token_digest'>;

export function monitorView({ token_digest: _digest, ...rest }: MonitorRow): MonitorView {
  return rest;
}

export const createMonitorInput = z
  .object({
    /** The component's id or its code. */
    component: z.string().trim().min(1),
    kind: z.enum(monitorKinds),
    name: nameText().trim().min(2, 'at least 2 characters').max(200),
    // Probe targets are reached from inside the platform, so they follow the outbound policy like webhook receivers:
    // https:// to public addresses, anything internal only through NIVA_OUTBOUND_ALLOW.
    url: z.string().trim().max(2_000).refine(outboundUrlSyntax, outboundUrlHint).optional(),
    /** How often an http monitor probes, or how often a push source is expected to report. */
    intervalSeconds: z.number().int().min(10, 'at least 10 seconds').max(86_400).default(60),
    /** How long an http probe waits for the answer's status; by default half the shortest interval. */
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    /** The status an http probe must get; absent: any 2xx. */
    expectedStatus: z.number().int().min(100).max(599).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'http' && v.url === undefined)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'required for an http monitor' });
    if (v.kind !== 'http' && v.url !== undefined)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'only an http monitor has a URL' });
    if (v.kind !== 'http' && v.expectedStatus !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['expectedStatus'],
        message: 'only an http monitor has an expected status',
      });
    if (v.kind === 'http' && v.timeoutMs >= v.intervalSeconds * 1_000)
      ctx.addIssue({ code: 'custom', path: ['timeoutMs'], message: 'must be shorter than the interval' });
  });

export interface CreatedMonitor {
  monitor: MonitorView;
  /** The push token of a heartbeat or webhook monitor: shown once, stored only as a digest; null for http. */
  token: string | null;
}

export async function createMonitor(
  ctx: ServiceContext,
  input: z.input<typeof createMonitorInput>,
  outbound: OutboundPolicy,
): Promise<CreatedMonitor> {
  authorize(ctx.actor, 'monitor.manage');
  const data = parseInput(createMonitorInput, input, ctx);
  if (data.url !== undefined) await assertOutboundUrl(outbound, 'url', data.url);
  const component = await ctx.db
    .selectFrom('components')
    .select(['id', 'code'])
    .where((eb) => eb.or([eb('id', '=', data.component), eb('code', '=', data.component)]))
    .executeTakeFirst();
  if (!component) throw AppError.field('component', 'no component with this id or code', 'not-found');
  const token = data.kind === 'http' ? null : `nivm_${randomSecret(32)}`;
  const now = ctx.clock.now();
  const row: MonitorRow = {
    id: newId(),
    component_id: component.id,
    kind: data.kind,
    name: data.name,
    url: data.url ?? null,
    interval_seconds: data.intervalSeconds,
    timeout_ms: data.timeoutMs,
    expected_status: data.expectedStatus ?? null,
    token_digest: token === null ? null : digest(token),
    enabled: 1,
    // An http monitor probes at the next runner tick; push monitors are never scheduled.
    next_run_at: data.kind === 'http' ? now : null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('monitors').values(row).execute();
    const url = row.url === null ? null : new URL(row.url);
    // Without the query string: targets sometimes carry an access key there.
    await recordAuditEvent(trx, ctx, {
      action: 'monitor.create',
      subjectType: 'monitor',
      subjectId: row.id,
      organisationId: null,
      summary: {
        component: component.code,
        kind: row.kind,
        name: row.name,
        url: url && `${url.origin}${url.pathname}`,
        intervalSeconds: row.interval_seconds,
      },
    });
  });
  return { monitor: monitorView(row), token };
}
