import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';
import { type ComponentAvailability, computeLive, fromRollup, monthClosed, rollupOf } from './availability-inputs.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';

export const recomputeMonthInput = z.object({ componentId: z.string().min(1), month: monthKey({ ahead: 1 }) });

const figures = (f: ComponentAvailability | null) =>
  f === null
    ? null
    : {
        availability: f.availability,
        scheduledMs: f.scheduledMs,
        operatingMs: f.operatingMs,
        downtimeMs: f.downtimeMs,
        unknownMs: f.unknownMs,
        inputsDigest: f.inputsDigest,
      };

// A month frozen by another request between the look-up and the insert: its figure is not the one this recompute read.
const rollupKeys: readonly UniqueField[] = [
  {
    table: 'availability_rollups',
    columns: ['component_id', 'month'],
    constraint: 'availability_rollups_pk',
    field: 'month',
    message: 'was frozen meanwhile by another request; try again',
  },
];

/**
 * Replaces a closed month's frozen figure with one computed from today's data (e.g. after an outage was corrected).
 * The only way a frozen figure changes, so it is audited with the old and the new figures.
 */
export async function recomputeMonth(
  ctx: ServiceContext,
  input: z.input<typeof recomputeMonthInput>,
): Promise<{ before: ComponentAvailability | null; after: ComponentAvailability }> {
  authorize(ctx.actor, 'component.manage');
  const data = parseInput(recomputeMonthInput, input, ctx);
  if (!monthClosed(data.month, ctx.clock.now())) throw AppError.field('month', 'the month is not over yet');
  return inTransaction(ctx, async (trx) => {
    const component = await findComponent(trx, data.componentId);
    const old = await trx
      .selectFrom('availability_rollups')
      .selectAll()
      .where('component_id', '=', component.id)
      .where('month', '=', data.month)
      .executeTakeFirst();
    const before = old ? fromRollup(component, old) : null;
    const live = await computeLive({ ...ctx, db: trx }, component, data.month);
    const row = rollupOf(live);
    if (old)
      await trx
        .updateTable('availability_rollups')
        .set(row)
        .where('component_id', '=', component.id)
        .where('month', '=', data.month)
        .execute();
    else await guardUnique(rollupKeys, () => trx.insertInto('availability_rollups').values(row).execute());
    await recordAuditEvent(trx, ctx, {
      action: 'availability.recompute',
      subjectType: 'component',
      subjectId: component.id,
      organisationId: null,
      summary: { month: data.month, from: figures(before), to: figures(live) },
    });
    return { before, after: { ...live, frozen: true } };
  });
}
