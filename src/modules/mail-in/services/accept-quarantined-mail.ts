import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { categorySchema } from '../../cases/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { parseCaseMail, vetMailAttachments } from './parse-case-mail.ts';
import { mailIntakeKind, registerMailCase } from './receive-case-mail.ts';

export const acceptQuarantinedMailInput = z.object({
  id: z.string().min(1),
  /** The service owner the message is filed under, by id or code. */
  organisationId: z.string().trim().min(1),
  kind: z.enum(['support-request', 'incident']).optional(),
  category: categorySchema.optional(),
});
export type AcceptQuarantinedMailInput = z.input<typeof acceptQuarantinedMailInput>;

export interface AcceptedMail {
  quarantineId: string;
  caseId: string;
  reference: string;
}

/**
 * The service desk vouches for a quarantined message: it becomes a case of the chosen owner, registered by the agent
 * with the sender as reporter and the files it carried. The case and the decision commit together, and a message
 * that someone else decided on meanwhile is left alone.
 */
export async function acceptQuarantinedMail(
  ctx: ServiceContext,
  input: AcceptQuarantinedMailInput,
): Promise<AcceptedMail> {
  const data = parseInput(acceptQuarantinedMailInput, input, ctx);
  const intake = parseInput(mailIntakeKind, { kind: data.kind, category: data.category }, ctx);
  authorize(ctx.actor, 'mail.quarantine');
  const stored = await ctx.db
    .selectFrom('mail_quarantine')
    .select(['id', 'status', 'raw', 'from_address', 'from_name'])
    .where('id', '=', data.id)
    .executeTakeFirst();
  if (!stored) throw new AppError('not-found', 'no such quarantined message');
  if (stored.status !== 'pending') throw AppError.field('id', `the message is already ${stored.status}`, 'conflict');
  const owner = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'owner')
    .where((eb) => eb.or([eb('id', '=', data.organisationId), eb('code', '=', data.organisationId)]))
    .executeTakeFirst();
  if (!owner) throw AppError.field('organisationId', 'no such service owner');

  // The stored row keeps the sender as resolved at receipt (the envelope may have stood in for a missing From).
  const mail = { ...(await parseCaseMail(stored.raw)), fromAddress: stored.from_address, fromName: stored.from_name };
  const files = await vetMailAttachments(mail.attachments);
  const row = await registerMailCase(
    ctx,
    mail,
    files,
    { organisationId: owner.id, kind: intake.kind, category: intake.category },
    async (trx, created) => {
      const now = ctx.clock.now();
      const marked = await trx
        .updateTable('mail_quarantine')
        .set({ status: 'accepted', case_id: created.id, handled_by: ctx.actor.label, handled_at: now })
        .where('id', '=', stored.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1)
        throw AppError.field('id', 'the message was decided on meanwhile', 'conflict');
      await recordAuditEvent(trx, ctx, {
        action: 'mail.accept',
        subjectType: 'mail',
        subjectId: stored.id,
        organisationId: owner.id,
        summary: { from: stored.from_address, caseId: created.id, reference: created.reference },
      });
    },
  );
  return { quarantineId: stored.id, caseId: row.id, reference: row.reference };
}
