import type { JobKind } from './job-kinds.ts';
import type { ServiceContext, Tx } from '../services/context.ts';
import { newId } from '../services/context.ts';

export interface JobRequest {
  /** A declared kind (`JobKinds`), so every queued job has a handler in every runner. */
  kind: JobKind;
  payload: unknown;
  organisationId?: string | null;
  runAt?: number;
  maxAttempts?: number;
}

/** Writes an outbox row in the caller's transaction: it exists if and only if the change commits. */
export async function enqueueJob(trx: Tx, ctx: Pick<ServiceContext, 'clock'>, job: JobRequest): Promise<string> {
  const now = ctx.clock.now();
  const id = newId();
  await trx
    .insertInto('jobs')
    .values({
      id,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      organisation_id: job.organisationId ?? null,
      status: 'pending',
      max_attempts: job.maxAttempts ?? 8,
      run_at: job.runAt ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .execute();
  return id;
}
