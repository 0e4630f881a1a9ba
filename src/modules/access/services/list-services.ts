import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import type { Service } from '../../../platform/db/schema.ts';

export async function listServices(
  ctx: ServiceContext,
  { organisationId, platform }: { organisationId?: string; platform?: 'altinn2' | 'altinn3' } = {},
): Promise<Service[]> {
  authorize(ctx.actor, 'service.read');
  let q = scoped(
    ctx.db.selectFrom('services').selectAll(),
    'services.organisation_id',
    tenantScope(ctx.actor, 'service.read'),
  ).orderBy('name');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  if (platform) q = q.where('platform', '=', platform);
  return q.execute();
}

export async function getService(ctx: ServiceContext, { id }: { id: string }): Promise<Service> {
  const row = await scoped(
    ctx.db.selectFrom('services').selectAll(),
    'services.organisation_id',
    tenantScope(ctx.actor, 'service.read'),
  )
    .where((eb) => eb.or([eb('id', '=', id), eb('resource_id', '=', id)]))
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'service not found');
  return row;
}
