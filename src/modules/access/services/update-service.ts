import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { Service } from '../../../platform/db/schema.ts';
import { serviceStatuses } from './create-service.ts';
import { getService } from './list-services.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const updateServiceInput = z
  .object({
    name: nameText().trim().min(2, 'at least 2 characters').max(200),
    platform: z.enum(['altinn2', 'altinn3']),
    status: z.enum(serviceStatuses),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field to change');

export async function updateService(
  ctx: ServiceContext,
  { id, ...input }: { id: string } & z.input<typeof updateServiceInput>,
): Promise<Service> {
  const current = await getService(ctx, { id });
  authorize(ctx.actor, 'service.manage', current.organisation_id);
  const data = parseInput(updateServiceInput, input, ctx);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['name', 'platform', 'status'] as const) {
    if (data[key] !== undefined && data[key] !== current[key]) changes[key] = { from: current[key], to: data[key] };
  }
  if (Object.keys(changes).length === 0) return current;
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    const next: Service = { ...current, ...data, updated_at: now };
    await trx
      .updateTable('services')
      .set({ name: next.name, platform: next.platform, status: next.status, updated_at: now })
      .where('id', '=', current.id)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'service.update',
      subjectType: 'service',
      subjectId: current.id,
      organisationId: current.organisation_id,
      summary: changes,
    });
    return next;
  });
}
