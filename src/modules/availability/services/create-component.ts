import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { Component } from '../../../platform/db/schema.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';
import { nameText } from '../../../platform/validation/text.ts';

/** Service-window calendars known to the platform (PRODUCT.md); the calendar engine adds configured ones later. */
export const builtInCalendars = ['always', 'business-days', 'servicedesk', 'brukerservice', 'studio-hours'] as const;

export const createComponentInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, 'a lower-case code such as altinn-apps'),
  name: nameText().trim().min(2, 'at least 2 characters').max(200),
  calendarId: z.enum(builtInCalendars),
  /** Monthly availability target in basis points (99.9 % = 9990), kept integral so comparisons are exact. */
  targetBasisPoints: z.number().int().min(0).max(10_000),
  /** Share of partial / degraded outage time that counts as downtime, in basis points; by default none. */
  weightPartialBasisPoints: z.number().int().min(0).max(10_000).default(0),
  weightDegradedBasisPoints: z.number().int().min(0).max(10_000).default(0),
});

const componentKeys: readonly UniqueField[] = [
  { table: 'components', columns: ['code'], field: 'code', message: 'already used' },
];

export async function createComponent(
  ctx: ServiceContext,
  input: z.input<typeof createComponentInput>,
): Promise<Component> {
  authorize(ctx.actor, 'component.manage');
  const data = parseInput(createComponentInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    const row: Component = {
      id: newId(),
      code: data.code,
      name: data.name,
      calendar_id: data.calendarId,
      target_basis_points: data.targetBasisPoints,
      weight_partial_bp: data.weightPartialBasisPoints,
      weight_degraded_bp: data.weightDegradedBasisPoints,
      created_at: now,
      updated_at: now,
    };
    await guardUnique(componentKeys, () => trx.insertInto('components').values(row).execute());
    await recordAuditEvent(trx, ctx, {
      action: 'component.create',
      subjectType: 'component',
      subjectId: row.id,
      organisationId: null,
      summary: {
        code: row.code,
        name: row.name,
        calendarId: row.calendar_id,
        targetBasisPoints: row.target_basis_points,
      },
    });
    return row;
  });
}
