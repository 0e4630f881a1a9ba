import { z } from 'zod';
import type { OutageRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';

export const listOutagesInput = z.object({
  /** Component by id or code; all components if omitted. */
  componentId: z.string().min(1).optional(),
  /** Outages overlapping [from, to); an ongoing one overlaps everything after its start. */
  from: instant({ future: futureAllowance.query }).optional(),
  to: instant({ future: futureAllowance.query }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Outages, newest first. Platform components are shared, so every reader sees every component's outages. */
export async function listOutages(
  ctx: ServiceContext,
  input: z.input<typeof listOutagesInput> = {},
): Promise<OutageRow[]> {
  authorize(ctx.actor, 'availability.read');
  const data = parseInput(listOutagesInput, input, ctx);
  let query = ctx.db.selectFrom('outages').selectAll();
  if (data.componentId)
    query = query.where('component_id', '=', (await findComponent(ctx.db, data.componentId, 'componentId')).id);
  if (data.to !== undefined) query = query.where('start_at', '<', data.to);
  const from = data.from;
  if (from !== undefined) query = query.where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', from)]));
  return query.orderBy('start_at', 'desc').orderBy('id').limit(data.limit).execute();
}
