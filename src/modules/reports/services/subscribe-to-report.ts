import { z } from 'zod';
import type { Organisation } from '../../../platform/db/schema.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError, isAppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { getOrganisation } from '../../access/index.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { ReportSubscriptionView } from './list-report-subscriptions.ts';
import { emailAddress, reportLangs } from './report-content-inputs.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';

export const subscribeToReportInput = z.object({
  /** The owner (id or code) whose report is sent; omitted or null: the platform report (operator only). */
  owner: z.string().trim().min(1).nullable().optional(),
  email: emailAddress,
  lang: z.enum(reportLangs).default('nb'),
});
export type SubscribeToReportInput = z.input<typeof subscribeToReportInput>;

async function ownerOf(ctx: ServiceContext, idOrCode: string): Promise<Organisation> {
  try {
    const organisation = await getOrganisation(ctx, { id: idOrCode });
    if (organisation.kind !== 'owner')
      throw AppError.field('owner', 'the operator’s report is the platform report; leave the owner out');
    return organisation;
  } catch (error) {
    // Another tenant's organisation is simply not found, as it is everywhere else.
    if (isAppError(error) && error.code === 'not-found')
      throw AppError.field('owner', 'no such organisation', 'not-found');
    throw error;
  }
}

const subscriptionKeys: readonly UniqueField[] = [
  {
    table: 'report_subscriptions',
    columns: ['owner_id', 'email'],
    constraint: 'report_subscriptions_owner_email',
    field: 'email',
    message: 'already receives this report',
  },
];

/** Sends a report to an address every month: an owner's to its own people, the platform's by the operator's choice. */
export async function subscribeToReport(
  ctx: ServiceContext,
  input: SubscribeToReportInput,
): Promise<ReportSubscriptionView> {
  authorize(ctx.actor, 'report.subscribe');
  const data = parseInput(subscribeToReportInput, input, ctx);
  const owner = data.owner ? await ownerOf(ctx, data.owner) : null;
  if (owner) authorize(ctx.actor, 'report.subscribe', owner.id);
  // `authorize` with no organisation accepts any owner's admin, so the platform report asks the scope itself.
  else if (!tenantScope(ctx.actor, 'report.subscribe').all)
    throw AppError.field('owner', 'choose your organisation; the platform report is the operator’s', 'forbidden');
  const ownerId = owner?.id ?? '';
  return inTransaction(ctx, async (trx) => {
    const row = { id: newId(), owner_id: ownerId, email: data.email, lang: data.lang, created_at: ctx.clock.now() };
    await guardUnique(subscriptionKeys, () => trx.insertInto('report_subscriptions').values(row).execute());
    await recordAuditEvent(trx, ctx, {
      action: 'report-subscription.create',
      subjectType: 'report-subscription',
      subjectId: row.id,
      organisationId: owner?.id ?? null,
      summary: { owner: owner?.code ?? null, email: row.email, lang: row.lang },
    });
    return { ...row, owner_code: owner?.code ?? null, owner_name: owner?.name ?? null };
  });
}
