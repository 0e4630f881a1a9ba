import { organisationKinds } from '../../../platform/domain/roles.ts';
import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { Organisation } from '../../../platform/db/schema.ts';
import { organisationFields, organisationKeys } from './organisation-schemas.ts';
import { guardUnique } from '../../../platform/db/unique-violation.ts';

export const createOrganisationInput = z.object({
  ...organisationFields,
  kind: z.enum(organisationKinds).default('owner'),
});

export async function createOrganisation(
  ctx: ServiceContext,
  input: z.input<typeof createOrganisationInput>,
): Promise<Organisation> {
  authorize(ctx.actor, 'organisation.create');
  const data = parseInput(createOrganisationInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    if (data.kind === 'operator') {
      const existing = await trx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'operator')
        .executeTakeFirst();
      if (existing) throw AppError.field('kind', 'there is already an operator organisation', 'conflict');
    }
    const now = ctx.clock.now();
    const row: Organisation = {
      id: newId(),
      kind: data.kind,
      name: data.name,
      org_number: data.orgNumber,
      code: data.code,
      contact_email: data.contactEmail,
      created_at: now,
      updated_at: now,
    };
    await guardUnique(organisationKeys, () => trx.insertInto('organisations').values(row).execute());
    await recordAuditEvent(trx, ctx, {
      action: 'organisation.create',
      subjectType: 'organisation',
      subjectId: row.id,
      organisationId: row.id,
      summary: {
        name: row.name,
        code: row.code,
        orgNumber: row.org_number,
        kind: row.kind,
        contactEmail: row.contact_email,
      },
    });
    return row;
  });
}
