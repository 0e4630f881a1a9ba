import type { ReportData } from '../domain/report-data.ts';
import { authorizeSystem } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

/** What mailing one archived version to one subscriber needs: the stored figures and what names the version. */
export interface ReportMailing {
  month: string;
  version: number;
  generatedAt: number;
  data: ReportData;
}

/**
 * An archived version to mail to `email`, or null when the version is gone or the address no longer subscribes to its
 * report: checked when sending, not only when queueing, so an unsubscribe in between stops the message. Only the
 * system's mail jobs read a version on a subscriber's behalf.
 */
export async function getReportMailing(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  { reportId, email }: { reportId: string; email: string },
): Promise<ReportMailing | null> {
  authorizeSystem(ctx.actor, 'mail a report to its subscribers');
  const report = await ctx.db
    .selectFrom('service_reports')
    .select(['owner_id', 'month', 'version', 'generated_at', 'data'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const subscribed = await ctx.db
    .selectFrom('report_subscriptions')
    .select('id')
    .where('owner_id', '=', report.owner_id)
    .where('email', '=', email)
    .executeTakeFirst();
  if (!subscribed) return null;
  return {
    month: report.month,
    version: Number(report.version),
    generatedAt: Number(report.generated_at),
    data: JSON.parse(report.data) as ReportData,
  };
}
