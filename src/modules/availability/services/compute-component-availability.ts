import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';
import { type ComponentAvailability, computeLive, fromRollup, monthClosed } from './availability-inputs.ts';

export const computeComponentAvailabilityInput = z.object({
  /** Component by id or code. */
  componentId: z.string().min(1),
  month: monthKey({ ahead: 1 }),
  /** Compute from the current data even when the month has a frozen figure (nothing is stored). */
  live: z.boolean().default(false),
});

/**
 * A component's availability for a month. A closed month that has been frozen answers with the frozen figure, so
 * a published report and this answer agree until someone recomputes the month on purpose.
 */
export async function computeComponentAvailability(
  ctx: ServiceContext,
  input: z.input<typeof computeComponentAvailabilityInput>,
): Promise<ComponentAvailability> {
  authorize(ctx.actor, 'availability.read');
  const data = parseInput(computeComponentAvailabilityInput, input, ctx);
  const component = await findComponent(ctx.db, data.componentId);
  if (!data.live && monthClosed(data.month, ctx.clock.now())) {
    const frozen = await ctx.db
      .selectFrom('availability_rollups')
      .selectAll()
      .where('component_id', '=', component.id)
      .where('month', '=', data.month)
      .executeTakeFirst();
    if (frozen) return fromRollup(component, frozen);
  }
  return computeLive(ctx, component, data.month);
}
