import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';
import { type ComponentAvailability, computeLive, fromRollup, monthClosed, rollupOf } from './availability-inputs.ts';

export const freezeMonthInput = z.object({ componentId: z.string().min(1), month: monthKey({ ahead: 1 }) });

/**
 * Stores a closed month's figure with the digest of its inputs. Freezing twice keeps the first figure (the
 * monthly job may run again); changing a frozen figure takes recomputeMonth.
 */
export async function freezeMonth(
  ctx: ServiceContext,
  input: z.input<typeof freezeMonthInput>,
): Promise<{ figure: ComponentAvailability; created: boolean }> {
  authorize(ctx.actor, 'component.manage');
  const data = parseInput(freezeMonthInput, input, ctx);
  if (!monthClosed(data.month, ctx.clock.now())) throw AppError.field('month', 'the month is not over yet');
  return inTransaction(ctx, async (trx) => {
    const component = await findComponent(trx, data.componentId);
    const existing = await trx
      .selectFrom('availability_rollups')
      .selectAll()
      .where('component_id', '=', component.id)
      .where('month', '=', data.month)
      .executeTakeFirst();
    if (existing) return { figure: fromRollup(component, existing), created: false };
    const live = await computeLive({ ...ctx, db: trx }, component, data.month);
    // Two nodes may freeze the same month at once: the first insert wins and the other returns its figure.
    const inserted = await trx
      .insertInto('availability_rollups')
      .values(rollupOf(live))
      .onConflict((oc) => oc.columns(['component_id', 'month']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const winner = await trx
        .selectFrom('availability_rollups')
        .selectAll()
        .where('component_id', '=', component.id)
        .where('month', '=', data.month)
        .executeTakeFirstOrThrow();
      return { figure: fromRollup(component, winner), created: false };
    }
    await recordAuditEvent(trx, ctx, {
      action: 'availability.freeze',
      subjectType: 'component',
      subjectId: component.id,
      organisationId: null,
      summary: {
        month: data.month,
        availability: live.availability,
        downtimeMs: live.downtimeMs,
        operatingMs: live.operatingMs,
        inputsDigest: live.inputsDigest,
      },
    });
    return { figure: { ...live, frozen: true }, created: true };
  });
}
