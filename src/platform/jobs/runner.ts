import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.ts';
import { claimJobs } from './claim-jobs.ts';
import { finishJob, type JobOutcome } from './finish-job.ts';
import type { Store } from '../db/database.ts';
import type { Job } from '../db/schema.ts';

export type JobHandler = (job: Job, payload: unknown) => Promise<void>;
/** Keyed by job kind. A row may hold any kind (e.g. one queued by a newer version), so lookups can miss. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/**
 * Thrown by a handler when trying again cannot help, e.g. because a setting is missing: the job is dead-lettered at
 * once with this message instead of being retried until `max_attempts`. Once fixed, it can be queued again from the UI.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Work the runner does on a schedule beside claimed jobs (e.g. scanning for deadlines that passed). */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobRunnerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  handlers: JobHandlers;
  pollIntervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  workerId?: string;
  periodic?: PeriodicTask[];
}

export interface JobRunner {
  workerId: string;
  /** Claims and runs one batch; resolves to the number of jobs run. */
  tick(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { store, clock, logger, handlers } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    let outcome: JobOutcome;
    if (!handler) {
      // Retried, not permanent: during a rolling upgrade another node may already know the kind.
      outcome = { ok: false, error: `no handler for job kind ${job.kind}` };
    } else {
      try {
        await handler(job, JSON.parse(job.payload));
        outcome = { ok: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcome =
          error instanceof PermanentJobError
            ? { ok: false, error: message, permanent: true }
            : { ok: false, error: message };
      }
    }
    const result = await finishJob({ db: store.db, job, workerId, now: clock.now(), outcome });
    const log = { jobId: job.id, kind: job.kind, attempt: job.attempts, result };
    if (outcome.ok) logger.debug(log, 'job done');
    else logger.warn({ ...log, error: outcome.error }, 'job failed');
  }

  const nextRun = new Map<string, number>();

  async function runPeriodic(): Promise<void> {
    for (const task of options.periodic ?? []) {
      const now = clock.now();
      if ((nextRun.get(task.name) ?? 0) > now) continue;
      nextRun.set(task.name, now + task.everyMs);
      try {
        await task.run();
      } catch (error) {
        // One failing task must not stop the outbox from draining; it is retried on its next turn.
        logger.error({ err: error, task: task.name }, 'periodic task failed');
      }
    }
  }

  async function tick(): Promise<number> {
    await runPeriodic();
    const jobs = await claimJobs({
      db: store.db,
      dialect: store.dialect,
      workerId,
      now: clock.now(),
      limit: options.batchSize ?? 10,
      leaseMs: options.leaseMs ?? 60_000,
    });
    await Promise.all(jobs.map(runOne));
    return jobs.length;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .then((count) => schedule(count > 0 ? 0 : pollIntervalMs))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'job runner tick failed');
          schedule(pollIntervalMs);
        });
    }, delay);
  }

  return {
    workerId,
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
