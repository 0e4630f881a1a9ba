import { z } from 'zod';
import type { MaintenanceWindowRow } from '../schema.ts';
import { authorize, can } from '../../../platform/services/actor.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findComponent } from './availability-access.ts';

export const listMaintenanceInput = z.object({
  /** Component by id or code; all components if omitted. */
  componentId: z.string().min(1).optional(),
  /** Work overlapping [from, to). */
  from: instant({ future: futureAllowance.query }).optional(),
  to: instant({ future: futureAllowance.query }).optional(),
  status: z.enum(['draft', 'published', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Planned work, earliest first. Drafts are the operator's working copies: only those who plan work see them. */
export async function listMaintenance(
  ctx: ServiceContext,
  input: z.input<typeof listMaintenanceInput> = {},
): Promise<MaintenanceWindowRow[]> {
  authorize(ctx.actor, 'availability.read');
  const data = parseInput(listMaintenanceInput, input, ctx);
  let query = ctx.db.selectFrom('maintenance_windows').selectAll();
  if (data.componentId)
    query = query.where('component_id', '=', (await findComponent(ctx.db, data.componentId, 'componentId')).id);
  if (data.to !== undefined) query = query.where('start_at', '<', data.to);
  if (data.from !== undefined) query = query.where('end_at', '>', data.from);
  if (data.status) query = query.where('status', '=', data.status);
  if (!can(ctx.actor, 'maintenance.manage', null)) query = query.where('status', '!=', 'draft');
  return query.orderBy('start_at').orderBy('id').limit(data.limit).execute();
}
