import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import type { UsageOwner } from './usage-figures.ts';

/** The owners whose figures the actor may read, by name: every owner for the operator side, its own otherwise. */
export async function listUsageOwners(ctx: ServiceContext): Promise<UsageOwner[]> {
  authorize(ctx.actor, 'usage.read');
  const query = ctx.db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'owner')
    .orderBy('name')
    .orderBy('code');
  return scoped(query, 'id', tenantScope(ctx.actor, 'usage.read')).execute();
}
