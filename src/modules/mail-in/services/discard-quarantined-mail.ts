import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';

/** The service desk sets a quarantined message aside (spam, misdirected mail); it stays listed as discarded. */
export async function discardQuarantinedMail(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  authorize(ctx.actor, 'mail.quarantine');
  await inTransaction(ctx, async (trx) => {
    const stored = await trx
      .selectFrom('mail_quarantine')
      .select(['id', 'status', 'from_address', 'subject'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!stored) throw new AppError('not-found', 'no such quarantined message');
    if (stored.status !== 'pending') throw AppError.field('id', `the message is already ${stored.status}`, 'conflict');
    const marked = await trx
      .updateTable('mail_quarantine')
      .set({ status: 'discarded', handled_by: ctx.actor.label, handled_at: ctx.clock.now() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1)
      throw AppError.field('id', 'the message was decided on meanwhile', 'conflict');
    await recordAuditEvent(trx, ctx, {
      action: 'mail.discard',
      subjectType: 'mail',
      subjectId: id,
      organisationId: null,
      summary: { from: stored.from_address, subject: stored.subject },
    });
  });
}
