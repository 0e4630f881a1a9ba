import { authorize } from '../services/actor.ts';
import { AppError } from '../services/app-error.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../services/context.ts';

/** Puts a dead-lettered job back in the queue with a fresh set of attempts. */
export async function retryDeadJob(ctx: ServiceContext, { jobId }: { jobId: string }): Promise<void> {
  authorize(ctx.actor, 'job.manage');
  await inTransaction(ctx, async (trx) => {
    const job = await trx
      .selectFrom('jobs')
      .select(['id', 'status', 'kind', 'organisation_id'])
      .where('id', '=', jobId)
      .executeTakeFirst();
    if (!job) throw new AppError('not-found', 'job not found');
    if (job.status !== 'dead')
      throw AppError.field('status', `only dead jobs can be retried (this one is ${job.status})`, 'conflict');
    const now = ctx.clock.now();
    await trx
      .updateTable('jobs')
      .set({ status: 'pending', attempts: 0, run_at: now, updated_at: now, finished_at: null })
      .where('id', '=', jobId)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'job.retry',
      subjectType: 'job',
      subjectId: jobId,
      organisationId: job.organisation_id,
      summary: { kind: job.kind },
    });
  });
}
