import { tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import type { Organisation } from '../../../platform/db/schema.ts';

/** Loads an organisation the actor may read; anything else is "not found", so existence does not leak across tenants. */
export async function getOrganisation(ctx: ServiceContext, { id }: { id: string }): Promise<Organisation> {
  const row = await scoped(
    ctx.db.selectFrom('organisations').selectAll(),
    'organisations.id',
    tenantScope(ctx.actor, 'organisation.read'),
  )
    .where((eb) => eb.or([eb('id', '=', id), eb('code', '=', id)]))
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'organisation not found');
  return row;
}
