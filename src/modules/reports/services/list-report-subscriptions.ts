import type { ReportSubscriptionRow } from '../schema.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';

/** A subscription with the owner whose report it is; `owner_code` is null for the platform report. */
export interface ReportSubscriptionView extends ReportSubscriptionRow {
  owner_code: string | null;
  owner_name: string | null;
}

/**
 * Subscriptions the caller manages. The platform report's owner id is '' and matches no organisation, so the tenant
 * scope leaves it to platform-wide callers; an owner's admin sees its own organisation's only.
 */
function visible(db: ServiceContext['db'] | Tx, ctx: ServiceContext) {
  const query = db
    .selectFrom('report_subscriptions')
    .leftJoin('organisations', 'organisations.id', 'report_subscriptions.owner_id')
    .selectAll('report_subscriptions')
    .select(['organisations.code as owner_code', 'organisations.name as owner_name']);
  return scoped(query, 'report_subscriptions.owner_id', tenantScope(ctx.actor, 'report.subscribe'));
}

/** The platform report's subscribers first, then each owner's by code; within a report by address. */
export async function listReportSubscriptions(ctx: ServiceContext): Promise<ReportSubscriptionView[]> {
  authorize(ctx.actor, 'report.subscribe');
  const rows = await visible(ctx.db, ctx).execute();
  const key = (r: ReportSubscriptionView) => `${r.owner_code === null ? '0' : `1${r.owner_code}`}\u0000${r.email}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function findReportSubscription(
  db: ServiceContext['db'] | Tx,
  ctx: ServiceContext,
  id: string,
): Promise<ReportSubscriptionView> {
  const row = await visible(db, ctx).where('report_subscriptions.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'report subscription not found');
  return row;
}
