import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { getMonitor } from './list-monitors.ts';

/**
 * Stops a monitor: no more probes, and its push token stops working. Its history stays for the availability
 * figures. An outage it had open is closed where its last observation ended: what follows is no data, not downtime.
 */
export async function disableMonitor(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  authorize(ctx.actor, 'monitor.manage');
  const monitor = await getMonitor(ctx, { id });
  if (monitor.enabled !== 1) throw AppError.field('id', 'the monitor is already disabled', 'conflict');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (trx) => {
    // Conditional, so two operators disabling at once leave one audit row and one conflict.
    const changed = await trx
      .updateTable('monitors')
      .set({ enabled: 0, next_run_at: null, updated_at: now })
      .where('id', '=', monitor.id)
      .where('enabled', '=', 1)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw AppError.field('id', 'the monitor is already disabled', 'conflict');
    const open = await trx
      .selectFrom('outages')
      .select(['id', 'start_at'])
      .where('monitor_id', '=', monitor.id)
      .where('source', '=', 'monitor')
      .where('end_at', 'is', null)
      .execute();
    if (open.length > 0) {
      const latest = await trx
        .selectFrom('monitor_intervals')
        .select('end_at')
        .where('monitor_id', '=', monitor.id)
        .orderBy('start_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const endAt = Math.min(latest?.end_at ?? now, now);
      for (const o of open) {
        await trx
          .updateTable('outages')
          .set({ end_at: Math.max(endAt, o.start_at), updated_at: now })
          .where('id', '=', o.id)
          .execute();
        await recordAuditEvent(trx, ctx, {
          action: 'outage.close',
          subjectType: 'outage',
          subjectId: o.id,
          organisationId: null,
          summary: { source: 'monitor', monitorId: monitor.id, reason: 'monitor disabled' },
        });
      }
    }
    await recordAuditEvent(trx, ctx, {
      action: 'monitor.disable',
      subjectType: 'monitor',
      subjectId: monitor.id,
      organisationId: null,
      summary: { name: monitor.name, kind: monitor.kind },
    });
  });
}
