import type { Kysely } from 'kysely';
import type { DialectName } from '../../store/database.ts';
import type { Database, Job } from '../../store/schema.ts';
import { newId } from '../context.ts';

export interface ClaimOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  workerId: string;
  now: number;
  limit: number;
  leaseMs: number;
}

/**
 * Claims due jobs for one worker. On PostgreSQL the candidate rows are locked with SKIP LOCKED, so concurrent
 * workers on other nodes never claim the same row; on SQLite the single writer makes the UPDATE atomic.
 * Running jobs whose lease expired (a crashed worker) are claimed again.
 */
export async function claimJobs({ db, dialect, workerId, now, limit, leaseMs }: ClaimOptions): Promise<Job[]> {
  return db.transaction().execute(async (trx) => {
    let candidates = trx
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit);
    if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
    const ids = (await candidates.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const claimed = await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    await trx
      .insertInto('job_attempts')
      .values(claimed.map((job) => ({ id: newId(), job_id: job.id, attempt: job.attempts, worker_id: workerId, started_at: now, finished_at: null, outcome: null, error: null })))
      .execute();
    return claimed;
  });
}
