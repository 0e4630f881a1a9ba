import type { SelectQueryBuilder } from 'kysely';
import { authorize, can, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { CaseRow } from '../schema.ts';

type CaseQuery = SelectQueryBuilder<Database, 'cases', CaseRow>;

/**
 * Cases the actor may read: the operator sees all; an owner sees its own and the platform-wide incidents (those with
 * no owning organisation). This is the only read path to cases; other owners' cases are simply not found.
 */
export function visibleCases(ctx: ServiceContext): CaseQuery {
  authorize(ctx.actor, 'case.read');
  const query = ctx.db.selectFrom('cases').selectAll();
  const scope = tenantScope(ctx.actor, 'case.read');
  if (scope.all) return query;
  const own = scope.organisationIds;
  return query.where((eb) =>
    eb.or([
      eb.and([eb('organisation_id', 'is', null), eb('kind', '=', 'incident')]),
      ...(own.length > 0 ? [eb('organisation_id', 'in', own)] : []),
    ]),
  );
}

/** Loads a visible case by id or reference (e.g. `NIVA-1042`), or throws not-found. */
export async function findVisibleCase(ctx: ServiceContext, idOrReference: string): Promise<CaseRow> {
  const row = await visibleCases(ctx)
    .where((eb) => eb.or([eb('id', '=', idOrReference), eb('reference', '=', idOrReference.toUpperCase())]))
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'case not found');
  return row;
}

/** Internal notes are the service desk's: operator staff and auditors read them, owners never do. */
export function readsInternal(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'case.read-internal', null);
}

/** Whether the actor works cases (every event type) or only reports and comments on them. */
export function worksCases(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'case.work', null);
}

/** Owners may comment on and add files to their own cases; a platform-wide incident is the operator's to update. */
export function assertMayReport(ctx: ServiceContext, row: CaseRow): void {
  if (worksCases(ctx)) return;
  if (row.organisation_id === null)
    throw new AppError('forbidden', 'platform-wide incidents are updated by the operator');
  authorize(ctx.actor, 'case.report', row.organisation_id);
}

export function caseReference(number: number): string {
  return `NIVA-${number}`;
}
