import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

/**
 * The codes of the organisations owning listed cases, by id, for listings that name owners by code. Read through the
 * tenant scope of `case.read`: an owner's own code, every owner's for the service desk; ids not found are left out.
 */
export async function caseOwnerCodes(
  ctx: ServiceContext,
  { organisationIds }: { organisationIds: readonly string[] },
): Promise<Map<string, string>> {
  authorize(ctx.actor, 'case.read');
  const codes = new Map<string, string>();
  if (organisationIds.length === 0) return codes;
  const query = ctx.db
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('id', 'in', [...organisationIds]);
  for (const o of await scoped(query, 'id', tenantScope(ctx.actor, 'case.read')).execute()) codes.set(o.id, o.code);
  return codes;
}
