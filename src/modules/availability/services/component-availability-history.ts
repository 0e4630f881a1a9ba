import { z } from 'zod';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { monthKey, monthsEnding } from '../../../platform/domain/month-key.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';
import { type ComponentAvailability, computeLive, fromRollup, monthClosed } from './availability-inputs.ts';

export const componentAvailabilityHistoryInput = z.object({
  componentId: z.string().min(1),
  months: z.coerce.number().int().min(1).max(60).default(24),
  /** The last month shown (`YYYY-MM`); the current month when absent. */
  until: monthKey({ ahead: 1 }).optional(),
});

/** The last N months up to the current one (Europe/Oslo), oldest first, as `YYYY-MM`. */
export function recentMonths(now: number, count: number): string[] {
  return monthsEnding(new Date(instantToLocal('Europe/Oslo', now)).toISOString().slice(0, 7), count);
}

/** Monthly figures for the chart: the frozen figure where a closed month has one, a live computation otherwise. */
export async function componentAvailabilityHistory(
  ctx: ServiceContext,
  input: z.input<typeof componentAvailabilityHistoryInput>,
): Promise<ComponentAvailability[]> {
  authorize(ctx.actor, 'availability.read');
  const data = parseInput(componentAvailabilityHistoryInput, input, ctx);
  const component = await findComponent(ctx.db, data.componentId);
  const now = ctx.clock.now();
  const months = data.until === undefined ? recentMonths(now, data.months) : monthsEnding(data.until, data.months);
  const rollups = await ctx.db
    .selectFrom('availability_rollups')
    .selectAll()
    .where('component_id', '=', component.id)
    .where('month', 'in', months)
    .execute();
  const frozen = new Map(rollups.map((r) => [r.month, r]));
  const result: ComponentAvailability[] = [];
  for (const month of months) {
    const row = frozen.get(month);
    result.push(row && monthClosed(month, now) ? fromRollup(component, row) : await computeLive(ctx, component, month));
  }
  return result;
}
