import { tenantScope } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { ServiceContext } from '../context.ts';
import { scoped } from '../../store/tenant-scope.ts';
import type { Organisation } from '../../store/schema.ts';

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
