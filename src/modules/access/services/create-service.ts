import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { getOrganisation } from './get-organisation.ts';
import type { Service } from '../../../platform/db/schema.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const serviceStatuses = ['active', 'planned', 'migrating', 'retired'] as const;

export const createServiceInput = z.object({
  organisationId: z.string().min(1),
  name: nameText().trim().min(2, 'at least 2 characters').max(200),
  platform: z.enum(['altinn2', 'altinn3']),
  resourceId: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{1,99}$/, 'lower-case letters, digits, - and _ (e.g. skd-mva-melding)'),
  status: z.enum(serviceStatuses).default('active'),
});

const serviceKeys: readonly UniqueField[] = [
  { table: 'services', columns: ['resource_id'], field: 'resourceId', message: 'already registered' },
];

export async function createService(ctx: ServiceContext, input: z.input<typeof createServiceInput>): Promise<Service> {
  const data = parseInput(createServiceInput, input, ctx);
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  authorize(ctx.actor, 'service.manage', organisation.id);
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    const row: Service = {
      id: newId(),
      organisation_id: organisation.id,
      name: data.name,
      platform: data.platform,
      resource_id: data.resourceId,
      status: data.status,
      created_at: now,
      updated_at: now,
    };
    await guardUnique(serviceKeys, () => trx.insertInto('services').values(row).execute());
    await recordAuditEvent(trx, ctx, {
      action: 'service.create',
      subjectType: 'service',
      subjectId: row.id,
      organisationId: organisation.id,
      summary: { name: row.name, platform: row.platform, resourceId: row.resource_id, status: row.status },
    });
    return row;
  });
}
