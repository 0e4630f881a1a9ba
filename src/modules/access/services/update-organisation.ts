import { z } from 'zod';
import { authorize, isPlatformActor } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { Organisation } from '../../../platform/db/schema.ts';
import { organisationFields, organisationKeys } from './organisation-schemas.ts';
import { guardUnique } from '../../../platform/db/unique-violation.ts';
import { getOrganisation } from './get-organisation.ts';

export const updateOrganisationInput = z
  .object({
    name: organisationFields.name,
    contactEmail: organisationFields.contactEmail,
    code: organisationFields.code,
    orgNumber: organisationFields.orgNumber,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field to change');

const columnOf = { name: 'name', contactEmail: 'contact_email', code: 'code', orgNumber: 'org_number' } as const;

export async function updateOrganisation(
  ctx: ServiceContext,
  { id, ...input }: { id: string } & z.input<typeof updateOrganisationInput>,
): Promise<Organisation> {
  const current = await getOrganisation(ctx, { id });
  authorize(ctx.actor, 'organisation.update', current.id);
  const data = parseInput(updateOrganisationInput, input, ctx);
  // Code and organisation number identify the tenant in other systems; only the operator may change them.
  if ((data.code !== undefined || data.orgNumber !== undefined) && !isPlatformActor(ctx.actor)) {
    throw AppError.field(
      data.code !== undefined ? 'code' : 'orgNumber',
      'only the operator can change this',
      'forbidden',
    );
  }
  return inTransaction(ctx, async (trx) => {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Partial<Record<(typeof columnOf)[keyof typeof columnOf], string>> = {};
    for (const key of Object.keys(columnOf) as (keyof typeof columnOf)[]) {
      const value = data[key];
      if (value === undefined || value === current[columnOf[key]]) continue;
      changes[key] = { from: current[columnOf[key]], to: value };
      set[columnOf[key]] = value;
    }
    if (Object.keys(changes).length === 0) return current;
    const now = ctx.clock.now();
    await guardUnique(organisationKeys, () =>
      trx
        .updateTable('organisations')
        .set({ ...set, updated_at: now })
        .where('id', '=', current.id)
        .execute(),
    );
    await recordAuditEvent(trx, ctx, {
      action: 'organisation.update',
      subjectType: 'organisation',
      subjectId: current.id,
      organisationId: current.id,
      summary: changes,
    });
    return { ...current, ...set, updated_at: now };
  });
}
