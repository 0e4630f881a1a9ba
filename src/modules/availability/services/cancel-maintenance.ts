import { z } from 'zod';
import type { MaintenanceWindowRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';

export const cancelMaintenanceInput = z.object({ id: z.string().min(1) });

/**
 * Cancels planned work, draft or published. Cancelled work no longer reduces operating time; deviations already
 * recorded for its publication stay, since the late announcement did happen.
 */
export async function cancelMaintenance(
  ctx: ServiceContext,
  input: z.input<typeof cancelMaintenanceInput>,
): Promise<MaintenanceWindowRow> {
  authorize(ctx.actor, 'maintenance.manage');
  const data = parseInput(cancelMaintenanceInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('maintenance_windows').selectAll().where('id', '=', data.id).executeTakeFirst();
    if (!row) throw new AppError('not-found', 'maintenance not found');
    if (row.status === 'cancelled') throw new AppError('conflict', 'the maintenance is already cancelled');
    const now = ctx.clock.now();
    await trx
      .updateTable('maintenance_windows')
      .set({ status: 'cancelled', updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'maintenance.cancel',
      subjectType: 'maintenance',
      subjectId: row.id,
      organisationId: null,
      summary: { status: { from: row.status, to: 'cancelled' } },
    });
    return { ...row, status: 'cancelled', updated_at: now };
  });
}
