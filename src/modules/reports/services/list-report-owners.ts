import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

export interface ReportOwnerChoice {
  code: string;
  name: string;
}

/**
 * The owners whose reports the actor may read, by name: every owner for the operator side, its own for an owner. The
 * platform report is everyone's and is not listed here.
 */
export async function listReportOwners(ctx: ServiceContext): Promise<ReportOwnerChoice[]> {
  authorize(ctx.actor, 'report.read');
  const query = ctx.db.selectFrom('organisations').select(['code', 'name']).where('kind', '=', 'owner').orderBy('name');
  return scoped(query, 'id', tenantScope(ctx.actor, 'report.read')).execute();
}
