import { z } from 'zod';
import type { OutageRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { componentFacts, queueStatusNotice } from './queue-status-notice.ts';
import { assertOrdered } from './availability-access.ts';

export const endOutageInput = z.object({
  id: z.string().min(1),
  /** When the component was back; now if omitted. */
  end: instant({ future: futureAllowance.past }).optional(),
});

/** Closes an ongoing outage; an outage that already ended is corrected with updateOutage instead. */
export async function endOutage(ctx: ServiceContext, input: z.input<typeof endOutageInput>): Promise<OutageRow> {
  authorize(ctx.actor, 'outage.manage');
  const data = parseInput(endOutageInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('outages').selectAll().where('id', '=', data.id).executeTakeFirst();
    if (!row) throw new AppError('not-found', 'outage not found');
    if (row.end_at !== null) throw AppError.field('end', 'the outage has already ended', 'conflict');
    const now = ctx.clock.now();
    const end = data.end ?? now;
    assertOrdered(row.start_at, end);
    await trx.updateTable('outages').set({ end_at: end, updated_at: now }).where('id', '=', row.id).execute();
    await queueStatusNotice(trx, ctx, {
      type: 'outage-ended',
      subjectId: row.id,
      component: await componentFacts(trx, row.component_id),
      title: null,
      publicText: row.public_text,
      severity: row.severity,
      start: row.start_at,
      end,
    });
    await recordAuditEvent(trx, ctx, {
      action: 'outage.end',
      subjectType: 'outage',
      subjectId: row.id,
      organisationId: null,
      summary: { end },
    });
    return { ...row, end_at: end, updated_at: now };
  });
}
