import { monthBounds } from '../../../platform/domain/calendar/month-bounds.ts';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { freezeMonth } from './freeze-month.ts';

/** Late corrections (an outage recorded after the fact) land before a month is frozen. */
export const freezeGraceMs = 3 * 86_400_000;

function monthText(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Freezes every component's closed months that are past the grace period and not frozen yet, looking back
 * `lookbackMonths` so a node that was down at a month's turn catches up. Safe to run on every node, as often as
 * wanted: freezing is idempotent and two nodes freezing at once store one figure.
 */
export async function freezeClosedMonths(
  ctx: ServiceContext,
  { lookbackMonths = 3 }: { lookbackMonths?: number } = {},
): Promise<string[]> {
  authorize(ctx.actor, 'component.manage');
  const now = ctx.clock.now();
  const local = new Date(instantToLocal('Europe/Oslo', now));
  const frozen: string[] = [];
  const components = await ctx.db.selectFrom('components').select(['id', 'code', 'created_at']).execute();
  for (let back = lookbackMonths; back >= 1; back--) {
    const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth() + 1;
    const { end } = monthBounds(year, month);
    if (end + freezeGraceMs > now) continue;
    const existing = new Set(
      (
        await ctx.db
          .selectFrom('availability_rollups')
          .select('component_id')
          .where('month', '=', monthText(year, month))
          .execute()
      ).map((r) => r.component_id),
    );
    for (const component of components) {
      // A month before the component existed has nothing to freeze.
      if (existing.has(component.id) || component.created_at >= end) continue;
      const { created } = await freezeMonth(ctx, { componentId: component.id, month: monthText(year, month) });
      if (created) frozen.push(`${component.code} ${monthText(year, month)}`);
    }
  }
  return frozen;
}
