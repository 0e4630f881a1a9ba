import { z } from 'zod';
import { outageSeverities } from '../domain/monthly-availability.ts';
import type { OutageRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { componentFacts, queueStatusNotice } from './queue-status-notice.ts';
import { assertOrdered, publicText } from './availability-access.ts';

export const updateOutageInput = z.object({
  id: z.string().min(1),
  severity: z.enum(outageSeverities).optional(),
  start: instant({ future: futureAllowance.past }).optional(),
  /** null reopens the outage as ongoing. */
  end: instant({ future: futureAllowance.past }).nullable().optional(),
  publicText: publicText.optional(),
});
export type UpdateOutageInput = z.input<typeof updateOutageInput>;

/**
 * Corrects an outage. A change to a closed month's outage does not move its frozen figure: only an explicit
 * recompute does, so a published report never changes behind the reader's back.
 */
export async function updateOutage(ctx: ServiceContext, input: UpdateOutageInput): Promise<OutageRow> {
  authorize(ctx.actor, 'outage.manage');
  const data = parseInput(updateOutageInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const before = await trx.selectFrom('outages').selectAll().where('id', '=', data.id).executeTakeFirst();
    if (!before) throw new AppError('not-found', 'outage not found');
    const after: OutageRow = {
      ...before,
      severity: data.severity ?? before.severity,
      start_at: data.start ?? before.start_at,
      end_at: data.end === undefined ? before.end_at : data.end,
      public_text: data.publicText ?? before.public_text,
      updated_at: ctx.clock.now(),
    };
    assertOrdered(after.start_at, after.end_at);
    await trx
      .updateTable('outages')
      .set({
        severity: after.severity,
        start_at: after.start_at,
        end_at: after.end_at,
        public_text: after.public_text,
        updated_at: after.updated_at,
      })
      .where('id', '=', before.id)
      .execute();
    // Setting the end of an ongoing outage is ending it; moving an end that was already set tells nobody anything new.
    if (before.end_at === null && after.end_at !== null)
      await queueStatusNotice(trx, ctx, {
        type: 'outage-ended',
        subjectId: after.id,
        component: await componentFacts(trx, after.component_id),
        title: null,
        publicText: after.public_text,
        severity: after.severity,
        start: after.start_at,
        end: after.end_at,
      });
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['severity', 'start_at', 'end_at', 'public_text'] as const)
      if (before[key] !== after[key]) changed[key] = { from: before[key], to: after[key] };
    await recordAuditEvent(trx, ctx, {
      action: 'outage.update',
      subjectType: 'outage',
      subjectId: before.id,
      organisationId: null,
      summary: changed,
    });
    return after;
  });
}
