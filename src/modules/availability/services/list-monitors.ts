import type { MonitorRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { monitorView, type MonitorView } from './create-monitor.ts';

export async function listMonitors(
  ctx: ServiceContext,
  { componentId, includeDisabled = false }: { componentId?: string; includeDisabled?: boolean } = {},
): Promise<MonitorView[]> {
  authorize(ctx.actor, 'monitor.read');
  let q = ctx.db.selectFrom('monitors').selectAll().orderBy('name').orderBy('id');
  if (componentId) q = q.where('component_id', '=', componentId);
  if (!includeDisabled) q = q.where('enabled', '=', 1);
  return (await q.execute()).map(monitorView);
}

export async function getMonitor(ctx: ServiceContext, { id }: { id: string }): Promise<MonitorRow> {
  authorize(ctx.actor, 'monitor.read');
  const row = await ctx.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'monitor not found');
  return row;
}
