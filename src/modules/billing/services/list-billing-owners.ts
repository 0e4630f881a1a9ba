import { scoped } from '../../../platform/db/tenant-scope.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

export interface BillingOwner {
  code: string;
  name: string;
}

/** The owners whose billing the actor may read, by name: every owner for the operator side, its own otherwise. */
export async function listBillingOwners(ctx: ServiceContext): Promise<BillingOwner[]> {
  authorize(ctx.actor, 'billing.read');
  const query = ctx.db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'owner')
    .orderBy('name')
    .orderBy('code');
  const rows = await scoped(query, 'id', tenantScope(ctx.actor, 'billing.read')).execute();
  return rows.map((r) => ({ code: r.code, name: r.name }));
}
