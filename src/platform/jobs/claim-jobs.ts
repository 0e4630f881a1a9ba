import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { Database, Job } from '../db/schema.ts';
import { newId } from '../services/context.ts';

export interface ClaimOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  workerId: string;
  now: number;
  limit: number;
  leaseMs: number;
}

/**
 * Claims due jobs for one worker in a single UPDATE whose candidate subquery, on PostgreSQL, locks rows with
 * SKIP LOCKED, so concurrent workers on other nodes never claim the same row. Being one write statement, it
 * also takes SQLite's write lock up front instead of upgrading a read (which fails under contention).
 * Running jobs whose lease expired (a crashed worker) are claimed again.
 */
export async function claimJobs({ db, dialect, workerId, now, limit, leaseMs }: ClaimOptions): Promise<Job[]> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', (eb) => {
        const candidates = eb
          .selectFrom('jobs')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('run_at', '<=', now)]),
              w.and([w('status', '=', 'running'), w('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .limit(limit);
        return dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
      })
      .returningAll()
      .execute();
    if (claimed.length === 0) return [];
    await trx
      .insertInto('job_attempts')
      .values(
        claimed.map((job) => ({
          id: newId(),
          job_id: job.id,
          attempt: job.attempts,
          worker_id: workerId,
          started_at: now,
          finished_at: null,
          outcome: null,
          error: null,
        })),
      )
      .execute();
    return claimed;
  });
}
