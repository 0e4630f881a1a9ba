import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { pino } from 'pino';
import { retryDelayMs } from '../../../src/platform/domain/backoff.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import type { JobKind } from '../../../src/platform/jobs/job-kinds.ts';
import { createJobRunner, PermanentJobError, type JobHandlers } from '../../../src/platform/jobs/runner.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { systemActor } from '../../../src/platform/services/actor.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { claimJobs } from '../../../src/platform/jobs/claim-jobs.ts';
import { enqueueJob, type JobRequest } from '../../../src/platform/jobs/enqueue-job.ts';
import { finishJob } from '../../../src/platform/jobs/finish-job.ts';
import { retryDeadJob } from '../../../src/platform/jobs/retry-dead-job.ts';
import type { Job } from '../../../src/platform/db/schema.ts';
import { testEpoch } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { defaultInputLimits } from '../../../src/platform/domain/input-bounds.ts';

const silent = pino({ level: 'silent' });

/** The runner runs whatever kind a row holds; these tests use kinds of their own, outside `enqueueJob`'s closed set. */
const testKind = (kind: string) => kind as JobKind;

describe('job runner', () => {
  let store: TestStore;
  let clock: ReturnType<typeof fixedClock>;

  before(async () => {
    store = await createTestStore();
  });
  after(() => store.destroy());
  beforeEach(async () => {
    // Every test starts with an empty queue: the runner claims any due job, whatever its kind.
    await store.db.deleteFrom('job_attempts').execute();
    await store.db.deleteFrom('jobs').execute();
    clock = fixedClock(testEpoch);
  });

  const runner = (handlers: JobHandlers, workerId: string, leaseMs = 60_000) =>
    createJobRunner({ store, clock, logger: silent, handlers, workerId, leaseMs });
  const enqueue = (job: Omit<JobRequest, 'kind'> & { kind: string }) =>
    store.db.transaction().execute((trx) => enqueueJob(trx, { clock }, { ...job, kind: testKind(job.kind) }));
  const jobRow = (id: string) => store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const attemptsOf = (id: string) =>
    store.db
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', '=', id)
      .orderBy('started_at')
      .orderBy('attempt')
      .execute();

  test('a due job is claimed once, runs once and succeeds', async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = {
      'test.ok': (_job, payload) => {
        seen.push(payload);
        return Promise.resolve();
      },
    };
    const worker = runner(handlers, 'worker-1');
    const id = await enqueue({ kind: 'test.ok', payload: { n: 1 } });
    assert.equal((await jobRow(id)).status, 'pending');

    assert.equal(await worker.tick(), 1);
    assert.equal(await worker.tick(), 0, 'a finished job is not claimed again');
    assert.deepEqual(seen, [{ n: 1 }]);

    const job = await jobRow(id);
    assert.equal(job.status, 'succeeded');
    assert.equal(job.attempts, 1);
    assert.equal(job.locked_by, null);
    assert.equal(job.last_error, null);
    assert.equal(job.finished_at, testEpoch);
    const attempts = await attemptsOf(id);
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]?.attempt, 1);
    assert.equal(attempts[0]?.worker_id, 'worker-1');
    assert.equal(attempts[0]?.outcome, 'succeeded');
    assert.equal(attempts[0]?.finished_at, testEpoch);
  });

  test('a job not yet due waits for its run_at', async () => {
    const worker = runner({ 'test.ok': () => Promise.resolve() }, 'worker-1');
    const id = await enqueue({ kind: 'test.ok', payload: {}, runAt: testEpoch + 30_000 });
    assert.equal(await worker.tick(), 0);
    clock.advance(30_000);
    assert.equal(await worker.tick(), 1);
    assert.equal((await jobRow(id)).status, 'succeeded');
  });

  test('a failing job backs off, is dead-lettered after max_attempts, and retryDeadJob re-queues it with an audit event', async () => {
    let calls = 0;
    let failing = true;
    const handlers: JobHandlers = {
      'test.flaky': () => {
        calls += 1;
        return failing ? Promise.reject(new Error(`boom ${calls}`)) : Promise.resolve();
      },
    };
    const worker = runner(handlers, 'worker-1');
    const id = await enqueue({ kind: 'test.flaky', payload: {}, maxAttempts: 3 });

    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = clock.now();
      assert.equal(await worker.tick(), 1);
      const job = await jobRow(id);
      assert.equal(job.status, 'pending', `attempt ${attempt} is retried`);
      assert.equal(job.attempts, attempt);
      assert.equal(job.last_error, `boom ${attempt}`);
      assert.equal(job.locked_by, null);
      const delay = retryDelayMs(attempt, { seed: attempt + id.charCodeAt(0) });
      assert.equal(job.run_at, before + delay, 'run_at moves forward by the backoff delay');
      assert.ok(delay >= retryDelayMs(attempt) && delay <= retryDelayMs(attempt) * 1.1);
      clock.advance(delay - 1);
      assert.equal(await worker.tick(), 0, 'not before the backoff has passed');
      clock.advance(1);
    }
    assert.equal(await worker.tick(), 1);
    const dead = await jobRow(id);
    assert.equal(dead.status, 'dead');
    assert.equal(dead.attempts, 3);
    assert.equal(dead.last_error, 'boom 3');
    assert.equal(dead.finished_at, clock.now());
    clock.advance(24 * 3_600_000);
    assert.equal(await worker.tick(), 0, 'a dead job is not claimed');
    assert.equal(calls, 3);
    assert.deepEqual(
      (await attemptsOf(id)).map((a) => [a.attempt, a.outcome, a.error]),
      [
        [1, 'failed', 'boom 1'],
        [2, 'failed', 'boom 2'],
        [3, 'failed', 'boom 3'],
      ],
    );

    const ownerAdmin: Actor = {
      type: 'user',
      id: 'u1',
      label: 'Kari',
      memberships: [{ organisationId: 'o1', organisationKind: 'owner', role: 'owner-admin' }],
    };
    const ctx = (actor: Actor): ServiceContext => ({
      db: store.db,
      dialect: store.dialect,
      clock,
      calendars: builtInCalendars(),
      limits: defaultInputLimits,
      actor,
      requestId: 'req-retry',
    });
    await assert.rejects(
      retryDeadJob(ctx(ownerAdmin), { jobId: id }),
      (e: unknown) => e instanceof AppError && e.code === 'forbidden',
    );
    await retryDeadJob(ctx(systemActor('test-operator')), { jobId: id });
    const requeued = await jobRow(id);
    assert.equal(requeued.status, 'pending');
    assert.equal(requeued.attempts, 0);
    assert.equal(requeued.run_at, clock.now());
    assert.equal(requeued.finished_at, null);
    const audit = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'job.retry')
      .where('subject_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.subject_type, 'job');
    assert.equal(audit[0]?.actor_label, 'test-operator');
    assert.equal(audit[0]?.request_id, 'req-retry');
    assert.deepEqual(JSON.parse(audit[0]?.summary ?? 'null'), { kind: 'test.flaky' });
    await assert.rejects(
      retryDeadJob(ctx(systemActor('test-operator')), { jobId: id }),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );

    failing = false;
    assert.equal(await worker.tick(), 1);
    assert.equal((await jobRow(id)).status, 'succeeded');
    assert.deepEqual(
      (await attemptsOf(id)).map((a) => [a.attempt, a.outcome]),
      [
        [1, 'failed'],
        [2, 'failed'],
        [3, 'failed'],
        [1, 'succeeded'],
      ],
      'the earlier attempts keep their recorded outcome',
    );
  });

  test('a permanent failure is dead-lettered at its first attempt, with its message, and can be retried', async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      'test.unconfigured': () => {
        calls += 1;
        return Promise.reject(new PermanentJobError('test is not configured: set NIVA_TEST'));
      },
    };
    const worker = runner(handlers, 'worker-1');
    const id = await enqueue({ kind: 'test.unconfigured', payload: {} });
    assert.equal(await worker.tick(), 1);
    const job = await jobRow(id);
    assert.equal(job.status, 'dead');
    assert.equal(job.attempts, 1);
    assert.equal(job.max_attempts, 8, 'long before max_attempts');
    assert.equal(job.last_error, 'test is not configured: set NIVA_TEST');
    assert.equal(job.finished_at, clock.now());
    assert.deepEqual(
      (await attemptsOf(id)).map((a) => [a.attempt, a.outcome, a.error]),
      [[1, 'failed', 'test is not configured: set NIVA_TEST']],
    );
    clock.advance(24 * 3_600_000);
    assert.equal(await worker.tick(), 0, 'and not claimed again');
    await retryDeadJob(
      {
        db: store.db,
        dialect: store.dialect,
        clock,
        calendars: builtInCalendars(),
        limits: defaultInputLimits,
        actor: systemActor('test-operator'),
        requestId: null,
      },
      { jobId: id },
    );
    assert.equal(await worker.tick(), 1);
    assert.equal(calls, 2);
  });

  test('a job without a handler fails instead of crashing the runner', async () => {
    const worker = runner({}, 'worker-1');
    const id = await enqueue({ kind: 'test.unknown', payload: {}, maxAttempts: 1 });
    assert.equal(await worker.tick(), 1);
    const job = await jobRow(id);
    assert.equal(job.status, 'dead');
    assert.match(job.last_error ?? '', /no handler/);
  });

  test('an expired lease is taken over by another worker; the old worker finishes as lost and overwrites nothing', async () => {
    const id = await enqueue({ kind: 'test.slow', payload: {} });
    const stale = await claimJobs({
      db: store.db,
      dialect: store.dialect,
      workerId: 'worker-a',
      now: clock.now(),
      limit: 10,
      leaseMs: 1_000,
    });
    assert.deepEqual(
      stale.map((j) => j.id),
      [id],
    );
    const claimedByA = stale[0] as Job;

    let lateFinish: string | null = null;
    const workerB = runner(
      {
        'test.slow': async () => {
          // While B holds the job, A's belated result must not land.
          lateFinish = await finishJob({
            db: store.db,
            job: claimedByA,
            workerId: 'worker-a',
            now: clock.now(),
            outcome: { ok: true },
          });
          const row = await jobRow(id);
          assert.equal(row.status, 'running');
          assert.equal(row.locked_by, 'worker-b');
        },
      },
      'worker-b',
    );
    clock.advance(1_000);
    assert.equal(await workerB.tick(), 0, 'the lease is still valid at its last millisecond');
    clock.advance(1);
    assert.equal(await workerB.tick(), 1);
    assert.equal(lateFinish, 'lost');

    assert.equal(
      await finishJob({
        db: store.db,
        job: claimedByA,
        workerId: 'worker-a',
        now: clock.now(),
        outcome: { ok: false, error: 'late failure' },
      }),
      'lost',
    );
    const job = await jobRow(id);
    assert.equal(job.status, 'succeeded');
    assert.equal(job.attempts, 2);
    assert.equal(job.last_error, null);
    const attempts = await attemptsOf(id);
    assert.deepEqual(
      attempts.map((a) => [a.attempt, a.worker_id, a.outcome]),
      [
        [1, 'worker-a', null],
        [2, 'worker-b', 'succeeded'],
      ],
    );
  });

  test('a worker that re-claims its own expired job cannot finish it from the stale run', async () => {
    const id = await enqueue({ kind: 'test.slow', payload: {} });
    const claim = () =>
      claimJobs({
        db: store.db,
        dialect: store.dialect,
        workerId: 'worker-a',
        now: clock.now(),
        limit: 10,
        leaseMs: 1_000,
      });
    const [first] = await claim();
    clock.advance(1_001);
    const [second] = await claim();
    assert.ok(first && second);
    assert.equal(second.attempts, 2);
    assert.equal(
      await finishJob({ db: store.db, job: first, workerId: 'worker-a', now: clock.now(), outcome: { ok: true } }),
      'lost',
    );
    assert.equal((await jobRow(id)).status, 'running');
    assert.equal(
      await finishJob({ db: store.db, job: second, workerId: 'worker-a', now: clock.now(), outcome: { ok: true } }),
      'succeeded',
    );
    assert.deepEqual(
      (await attemptsOf(id)).map((a) => [a.attempt, a.outcome]),
      [
        [1, null],
        [2, 'succeeded'],
      ],
    );
  });

  test('enqueueJob is part of the caller transaction: a rollback leaves no job row', async () => {
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { clock }, { kind: testKind('test.ok'), payload: { lost: true } });
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.deepEqual(await store.db.selectFrom('jobs').select('id').execute(), []);
    const kept = await enqueue({ kind: 'test.ok', payload: { kept: true } });
    assert.deepEqual(
      (await store.db.selectFrom('jobs').select('id').execute()).map((r) => r.id),
      [kept],
    );
  });
});
