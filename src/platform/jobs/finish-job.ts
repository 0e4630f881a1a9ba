import type { Kysely } from 'kysely';
import { retryDelayMs } from '../domain/backoff.ts';
import type { Database, Job } from '../db/schema.ts';

/** `permanent`: retrying cannot help (e.g. a setting is missing), so the job is dead-lettered at once. */
export type JobOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean };

/**
 * Records a claimed job's outcome. A failure is retried with backoff until `max_attempts`, then dead-lettered; a
 * permanent failure is dead-lettered at once.
 * The update is guarded by the lock owner, so a worker whose lease was taken over cannot overwrite the new owner's result.
 */
export async function finishJob({
  db,
  job,
  workerId,
  now,
  outcome,
}: {
  db: Kysely<Database>;
  job: Job;
  workerId: string;
  now: number;
  outcome: JobOutcome;
}): Promise<'succeeded' | 'retry' | 'dead' | 'lost'> {
  return db.transaction().execute(async (trx) => {
    const next = outcome.ok
      ? 'succeeded'
      : outcome.permanent === true || job.attempts >= job.max_attempts
        ? 'dead'
        : 'retry';
    const result = await trx
      .updateTable('jobs')
      .set({
        status: next === 'retry' ? 'pending' : next,
        run_at:
          next === 'retry'
            ? now + retryDelayMs(job.attempts, { seed: job.attempts + job.id.charCodeAt(0) })
            : job.run_at,
        locked_by: null,
        locked_until: null,
        last_error: outcome.ok ? null : outcome.error.slice(0, 2_000),
        updated_at: now,
        finished_at: next === 'retry' ? null : now,
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      // The same worker may have re-claimed the job after its lease expired: only the current attempt may finish it.
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return 'lost';
    await trx
      .updateTable('job_attempts')
      .set({
        finished_at: now,
        outcome: outcome.ok ? 'succeeded' : 'failed',
        error: outcome.ok ? null : outcome.error.slice(0, 2_000),
      })
      .where('job_id', '=', job.id)
      .where('attempt', '=', job.attempts)
      .where('worker_id', '=', workerId)
      // A job re-queued by retryDeadJob counts attempts from 1 again: leave the earlier, finished rows as recorded.
      .where('finished_at', 'is', null)
      .execute();
    return next;
  });
}
