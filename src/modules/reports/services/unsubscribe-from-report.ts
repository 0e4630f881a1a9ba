import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { findReportSubscription, type ReportSubscriptionView } from './list-report-subscriptions.ts';

/** Stops sending a report to an address; another tenant's subscription is not found. */
export async function unsubscribeFromReport(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ReportSubscriptionView> {
  authorize(ctx.actor, 'report.subscribe');
  return inTransaction(ctx, async (trx) => {
    const row = await findReportSubscription(trx, ctx, id);
    authorize(ctx.actor, 'report.subscribe', row.owner_id === '' ? null : row.owner_id);
    await trx.deleteFrom('report_subscriptions').where('id', '=', row.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'report-subscription.delete',
      subjectType: 'report-subscription',
      subjectId: row.id,
      organisationId: row.owner_id === '' ? null : row.owner_id,
      summary: { owner: row.owner_code, email: row.email, lang: row.lang },
    });
    return row;
  });
}
