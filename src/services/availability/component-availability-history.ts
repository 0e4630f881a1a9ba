import { z } from 'zod';
import { instantToLocal } from '../../domain/calendar/time-zone.ts';
import { authorize } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { findComponent } from './availability-access.ts';
import { type ComponentAvailability, computeLive, fromRollup, monthClosed } from './availability-inputs.ts';

export const componentAvailabilityHistoryInput = z.object({
  componentId: z.string().min(1),
  months: z.coerce.number().int().min(1).max(60).default(24),
});

/** The last N months up to the current one (Europe/Oslo), oldest first, as `YYYY-MM`. */
export function recentMonths(now: number, count: number): string[] {
  const local = new Date(instantToLocal('Europe/Oslo', now));
  const current = local.getUTCFullYear() * 12 + local.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const index = current - (count - 1 - i);
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Monthly figures for the chart: the frozen figure where a closed month has one, a live computation otherwise. */
export async function componentAvailabilityHistory(ctx: ServiceContext, input: z.input<typeof componentAvailabilityHistoryInput>): Promise<ComponentAvailability[]> {
  authorize(ctx.actor, 'availability.read');
  const data = parseInput(componentAvailabilityHistoryInput, input);
  const component = await findComponent(ctx.db, data.componentId);
  const now = ctx.clock.now();
  const months = recentMonths(now, data.months);
  const rollups = await ctx.db.selectFrom('availability_rollups').selectAll().where('component_id', '=', component.id).where('month', 'in', months).execute();
  const frozen = new Map(rollups.map((r) => [r.month, r]));
  const result: ComponentAvailability[] = [];
  for (const month of months) {
    const row = frozen.get(month);
    result.push(row && monthClosed(month, now) ? fromRollup(component, row) : await computeLive(ctx, component, month));
  }
  return result;
}
