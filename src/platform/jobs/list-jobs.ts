import { authorize } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Job, JobAttempt, JobStatus } from '../db/schema.ts';

export async function listJobs(
  ctx: ServiceContext,
  { status, limit = 100 }: { status?: JobStatus; limit?: number },
): Promise<Job[]> {
  authorize(ctx.actor, 'job.read');
  let q = ctx.db.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').limit(limit);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

export async function jobCounts(ctx: ServiceContext): Promise<Record<JobStatus, number>> {
  authorize(ctx.actor, 'job.read');
  const rows = await ctx.db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, succeeded: 0, dead: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function listJobAttempts(ctx: ServiceContext, { jobId }: { jobId: string }): Promise<JobAttempt[]> {
  authorize(ctx.actor, 'job.read');
  return ctx.db.selectFrom('job_attempts').selectAll().where('job_id', '=', jobId).orderBy('attempt').execute();
}
