import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { systemClock } from '../../../src/platform/domain/clock.ts';
import { enqueueJob } from '../../../src/platform/jobs/enqueue-job.ts';
import { nivaEnv, spawnNiva, stopProcess } from '../../helpers/cli.ts';
import { createTenant } from '../../helpers/factories.ts';
import { createTestStore, dialectUnderTest } from '../../helpers/test-store.ts';
import { cloudEvent, createWebhookEndpoint, startWebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { localReceivers } from '../../helpers/outbound.ts';

const jobCount = 200;
const deadlineMs = 60_000;
const holdMs = 6_000;

test('two worker processes on one database run every job exactly once', async (t) => {
  // Cleaned up last-in first-out: workers stop before the receiver closes and the database is dropped.
  const cleanup: (() => unknown)[] = [];
  t.after(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  const store = await createTestStore();
  cleanup.push(() => store.destroy());
  // The first deliveries are held (well within the handler's 10 s timeout) until both workers have claimed jobs,
  // so whether both take part does not depend on how far apart the two processes finish booting.
  let release = () => {};
  const hold = new Promise<void>((resolve) => (release = resolve));
  const receiver = await startWebhookReceiver({ hold });
  cleanup.push(
    () => receiver.close(),
    () => release(),
  );
  const tenant = await createTenant(store);
  const endpoint = await createWebhookEndpoint(store, tenant.organisation.id, receiver.url, systemClock.now());

  const eventIds = Array.from({ length: jobCount }, (_, i) => `evt-${String(i).padStart(3, '0')}`);
  await store.db.transaction().execute(async (trx) => {
    for (const id of eventIds) {
      await enqueueJob(
        trx,
        { clock: systemClock },
        {
          kind: 'webhook.deliver',
          payload: { endpointId: endpoint.id, event: cloudEvent(id, { n: id }) },
          organisationId: tenant.organisation.id,
        },
      );
    }
  });

  // The receiver listens on loopback, which outbound requests may reach only when allowed.
  const env = nivaEnv(store, { NIVA_JOB_POLL_MS: '20', NIVA_OUTBOUND_ALLOW: localReceivers });
  const workers = [spawnNiva(['worker'], env), spawnNiva(['worker'], env)];
  const stderr = workers.map(() => '');
  workers.forEach((worker, i) =>
    worker.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr[i] += chunk)),
  );
  cleanup.push(() => Promise.all(workers.map(stopProcess)));

  const started = Date.now();
  let firstDeliveryAt: number | null = null;
  let released = false;
  let succeeded = 0;
  while (Date.now() - started < deadlineMs) {
    if (!released) {
      if (firstDeliveryAt === null && receiver.deliveries.length > 0) firstDeliveryAt = Date.now();
      const claimers = await store.db.selectFrom('job_attempts').select('worker_id').distinct().execute();
      if (claimers.length >= 2 || (firstDeliveryAt !== null && Date.now() - firstDeliveryAt > holdMs)) {
        release();
        released = true;
      }
    }
    const row = await store.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow();
    succeeded = Number(row.n);
    if (succeeded === jobCount) break;
    const crashed = workers.find((w) => w.exitCode !== null);
    if (crashed) assert.fail(`a worker exited early with ${crashed.exitCode}: ${stderr.join('\n')}`);
    await sleep(100);
  }
  await Promise.all(workers.map(stopProcess));
  assert.equal(succeeded, jobCount, `all jobs succeeded within ${deadlineMs} ms (stderr: ${stderr.join('\n')})`);
  assert.deepEqual(await store.db.selectFrom('jobs').select('id').where('status', '!=', 'succeeded').execute(), []);

  // The receiver saw every event exactly once.
  const received = receiver.deliveries.map((d) => (JSON.parse(d.body) as { id: string }).id);
  assert.equal(received.length, jobCount);
  assert.deepEqual([...new Set(received)].sort(), eventIds);

  // Every job was claimed exactly once, by one of the two worker processes.
  const attempts = await store.db
    .selectFrom('job_attempts')
    .select(['job_id', 'attempt', 'worker_id', 'outcome'])
    .execute();
  assert.equal(attempts.length, jobCount);
  assert.equal(new Set(attempts.map((a) => a.job_id)).size, jobCount);
  assert.ok(attempts.every((a) => a.attempt === 1 && a.outcome === 'succeeded'));
  const jobs = await store.db.selectFrom('jobs').select(['id', 'attempts', 'locked_by']).execute();
  assert.ok(jobs.every((j) => j.attempts === 1 && j.locked_by === null));

  const pids = workers.map((w) => w.pid);
  const perWorker = new Map<string, number>();
  for (const a of attempts) perWorker.set(a.worker_id, (perWorker.get(a.worker_id) ?? 0) + 1);
  for (const workerId of perWorker.keys()) {
    assert.ok(
      pids.some((pid) => workerId.includes(`:${pid}:`)),
      `${workerId} is one of the two worker processes (${pids.join(', ')})`,
    );
  }
  t.diagnostic(`jobs per worker: ${[...perWorker.values()].join(' / ')}`);
  if (dialectUnderTest === 'postgres') {
    assert.equal(perWorker.size, 2, 'both workers claimed jobs (FOR UPDATE SKIP LOCKED lets them work side by side)');
  }
});
