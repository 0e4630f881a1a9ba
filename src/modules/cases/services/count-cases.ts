import type { ServiceContext } from '../../../platform/services/context.ts';
import { visibleCases } from './case-access.ts';

/** How many cases the actor may read, open and closed: e.g. the total a recompute's progress counts towards. */
export async function countCases(ctx: ServiceContext): Promise<number> {
  const row = await visibleCases(ctx)
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
