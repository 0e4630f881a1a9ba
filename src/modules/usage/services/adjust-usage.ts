import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { nextMonth, previousMonth, usageMonthEnd } from './usage-month-closing.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';
import type { UsageCatalogue } from './usage-settings.ts';
import { multilineText } from '../../../platform/validation/text.ts';

export const adjustUsageInput = z.object({
  metric: z.string().min(1),
  month: monthKey({ ahead: 1 }),
  /** Organisation code; without it the adjustment is to the platform-wide (unattributed) figure. */
  owner: z.string().min(1).optional(),
  /** Resource id of one of the owner's services. */
  service: z.string().min(1).optional(),
  delta: z
    .number()
    .int('a whole number')
    .refine((n) => n !== 0, 'must not be 0')
    .refine((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER, 'is too large'),
  reason: multilineText().trim().min(5, 'say why, in at least 5 characters').max(2000),
});

export interface UsageAdjustment {
  id: string;
  metric: string;
  month: string;
  ownerCode: string | null;
  serviceResourceId: string | null;
  delta: number;
  reason: string;
  figureBefore: number;
  figureAfter: number;
  createdAt: number;
}

async function currentFigure(
  trx: Tx,
  key: { metric: string; month: string; ownerId: string; serviceId: string },
): Promise<number> {
  const daily = await trx
    .selectFrom('usage_daily')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('n'))
    .where('metric', '=', key.metric)
    .where('day', '>=', `${key.month}-01`)
    .where('day', '<', `${nextMonth(key.month)}-01`)
    .where('owner_id', '=', key.ownerId)
    .where('service_id', '=', key.serviceId)
    .executeTakeFirst();
  const imported = await trx
    .selectFrom('usage_monthly_imports')
    .select('count')
    .where('metric', '=', key.metric)
    .where('month', '=', key.month)
    .where('owner_id', '=', key.ownerId)
    .where('service_id', '=', key.serviceId)
    .executeTakeFirst();
  const adjusted = await trx
    .selectFrom('usage_adjustments')
    .select((eb) => eb.fn.sum<number | string | null>('delta').as('n'))
    .where('metric', '=', key.metric)
    .where('month', '=', key.month)
    .where('owner_id', '=', key.ownerId)
    .where('service_id', '=', key.serviceId)
    .executeTakeFirst();
  return Number(daily?.n ?? 0) + Number(imported?.count ?? 0) + Number(adjusted?.n ?? 0);
}

/**
 * Corrects a month's figure by a signed amount, with the reason. The way a closed month changes at all, so it is
 * audited with the figure before and after; a correction may not take a figure below zero.
 */
export async function adjustUsage(
  ctx: ServiceContext,
  input: z.input<typeof adjustUsageInput>,
  catalogue: UsageCatalogue,
): Promise<UsageAdjustment> {
  authorize(ctx.actor, 'usage.manage');
  const data = parseInput(adjustUsageInput, input, ctx);
  if (!catalogue.metrics.some((m) => m.id === data.metric))
    throw AppError.field('metric', `unknown metric ${data.metric}`);
  if (usageMonthEnd(previousMonth(data.month)) > ctx.clock.now())
    throw AppError.field('month', 'the month has not started yet');
  if (data.service !== undefined && data.owner === undefined)
    throw AppError.field('owner', 'required when a service is named');
  return inTransaction(ctx, async (trx) => {
    let ownerId = '';
    let serviceId = '';
    if (data.owner !== undefined) {
      const owner = await trx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'owner')
        .where('code', '=', data.owner)
        .executeTakeFirst();
      if (!owner) throw AppError.field('owner', `no service owner has the code ${data.owner}`);
      ownerId = owner.id;
    }
    if (data.service !== undefined) {
      const service = await trx
        .selectFrom('services')
        .select(['id', 'organisation_id'])
        .where('resource_id', '=', data.service)
        .executeTakeFirst();
      if (!service || service.organisation_id !== ownerId)
        throw AppError.field('service', `${data.owner ?? ''} has no service with the resource id ${data.service}`);
      serviceId = service.id;
    }
    const key = { metric: data.metric, month: data.month, ownerId, serviceId };
    const before = await currentFigure(trx, key);
    if (before + data.delta < 0) throw AppError.field('delta', `would take the figure below zero (it is ${before})`);
    const id = newId();
    const now = ctx.clock.now();
    await trx
      .insertInto('usage_adjustments')
      .values({
        id,
        metric: data.metric,
        month: data.month,
        owner_id: ownerId,
        service_id: serviceId,
        delta: data.delta,
        reason: data.reason,
        created_by: ctx.actor.id,
        created_at: now,
      })
      .execute();
    const adjustment: UsageAdjustment = {
      id,
      metric: data.metric,
      month: data.month,
      ownerCode: data.owner ?? null,
      serviceResourceId: data.service ?? null,
      delta: data.delta,
      reason: data.reason,
      figureBefore: before,
      figureAfter: before + data.delta,
      createdAt: now,
    };
    await recordAuditEvent(trx, ctx, {
      action: 'usage.adjust',
      subjectType: 'usage-adjustment',
      subjectId: id,
      organisationId: ownerId === '' ? null : ownerId,
      summary: {
        metric: data.metric,
        month: data.month,
        owner: data.owner ?? null,
        service: data.service ?? null,
        delta: data.delta,
        before,
        after: before + data.delta,
        reason: data.reason,
      },
    });
    return adjustment;
  });
}
