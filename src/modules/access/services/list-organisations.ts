import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { prebuilt } from '../../../platform/db/prebuilt.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import type { Organisation } from '../../../platform/db/schema.ts';

export interface OrganisationSummary extends Organisation {
  service_count: number;
  user_count: number;
}

// The API's organisation list is a hot read: its selections are built once per database handle.
const organisationsWithCounts = prebuilt((db) =>
  db
    .selectFrom('organisations')
    .selectAll('organisations')
    .select((eb) => [
      eb
        .selectFrom('services')
        .whereRef('services.organisation_id', '=', 'organisations.id')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .as('service_count'),
      eb
        .selectFrom('memberships')
        .whereRef('memberships.organisation_id', '=', 'organisations.id')
        .select((sub) => sub.fn.count<number>('memberships.user_id').distinct().as('n'))
        .as('user_count'),
    ])
    .orderBy('organisations.kind')
    .orderBy('organisations.name'),
);

export async function listOrganisations(
  ctx: ServiceContext,
  { query }: { query?: string } = {},
): Promise<OrganisationSummary[]> {
  authorize(ctx.actor, 'organisation.read');
  let q = scoped(organisationsWithCounts(ctx.db), 'organisations.id', tenantScope(ctx.actor, 'organisation.read'));
  if (query) {
    const like = `%${query.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['organisations.name']), 'like', like),
        eb('organisations.code', 'like', like),
        eb('organisations.org_number', 'like', like),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    service_count: Number(r.service_count ?? 0),
    user_count: Number(r.user_count ?? 0),
  }));
}
