import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { enqueueJob, type JobRequest } from '../../../src/platform/jobs/enqueue-job.ts';
import { createJobRunner, type JobHandlers } from '../../../src/platform/jobs/runner.ts';
import { deliverWebhook, webhookSignature } from '../../../src/platform/webhooks/deliver-webhook.ts';
import { createTenant, testEpoch } from '../../helpers/factories.ts';
import { localReceivers, testOutbound } from '../../helpers/outbound.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { cloudEvent, createWebhookEndpoint, startWebhookReceiver } from '../../helpers/webhook-receiver.ts';

// A webhook delivery as the job runner carries it out, against a real receiver; the runner itself is tested in
// test/platform/jobs/job-runner.test.ts.

describe('webhook delivery job', () => {
  let store: TestStore;
  const clock = fixedClock(testEpoch);

  before(async () => {
    store = await createTestStore();
  });
  after(() => store.destroy());

  const runner = (handlers: JobHandlers, workerId: string) =>
    createJobRunner({ store, clock, logger: pino({ level: 'silent' }), handlers, workerId, leaseMs: 60_000 });
  const enqueue = (job: JobRequest) => store.db.transaction().execute((trx) => enqueueJob(trx, { clock }, job));
  const jobRow = (id: string) => store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('webhook delivery POSTs the signed CloudEvent to a real receiver; a 500 makes the job retry', async (t) => {
    const receiver = await startWebhookReceiver();
    t.after(() => receiver.close());
    const tenant = await createTenant(store);
    const endpoint = await createWebhookEndpoint(store, tenant.organisation.id, receiver.url, clock.now());
    const worker = runner(
      {
        'webhook.deliver': deliverWebhook({
          db: store.db,
          now: () => clock.now(),
          outbound: testOutbound(localReceivers),
        }),
      },
      'worker-1',
    );

    const event = cloudEvent('evt-1', { serviceId: tenant.service.id });
    const id = await enqueue({
      kind: 'webhook.deliver',
      payload: { endpointId: endpoint.id, event },
      organisationId: tenant.organisation.id,
    });
    assert.equal(await worker.tick(), 1);
    assert.equal((await jobRow(id)).status, 'succeeded');
    assert.equal(receiver.deliveries.length, 1);
    const delivery = receiver.deliveries[0];
    assert.ok(delivery);
    assert.deepEqual(JSON.parse(delivery.body), event);
    assert.equal(delivery.headers['content-type'], 'application/cloudevents+json');
    const signature = delivery.headers['niva-signature'];
    assert.equal(signature, webhookSignature(endpoint.secret, delivery.body, Math.floor(clock.now() / 1000)));
    assert.notEqual(signature, webhookSignature('wrong-secret', delivery.body, Math.floor(clock.now() / 1000)));

    receiver.respondWith(500);
    const retried = await enqueue({
      kind: 'webhook.deliver',
      payload: { endpointId: endpoint.id, event: cloudEvent('evt-2') },
      organisationId: tenant.organisation.id,
    });
    assert.equal(await worker.tick(), 1);
    const failed = await jobRow(retried);
    assert.equal(failed.status, 'pending');
    assert.equal(failed.attempts, 1);
    assert.match(failed.last_error ?? '', /500/);
    assert.ok(failed.run_at > clock.now());
    assert.equal(receiver.deliveries.length, 2);

    receiver.respondWith(200);
    clock.set(failed.run_at);
    assert.equal(await worker.tick(), 1);
    assert.equal((await jobRow(retried)).status, 'succeeded');
    const redelivered = receiver.deliveries.slice(1).map((d) => (JSON.parse(d.body) as { id: string }).id);
    assert.deepEqual(
      redelivered,
      ['evt-2', 'evt-2'],
      'the retry carries the same event id, so receivers can deduplicate',
    );
    const last = receiver.deliveries[2];
    assert.equal(
      last?.headers['niva-signature'],
      webhookSignature(endpoint.secret, last?.body ?? '', Math.floor(failed.run_at / 1000)),
    );

    await store.db
      .updateTable('webhook_endpoints')
      .set({ disabled_at: clock.now() })
      .where('id', '=', endpoint.id)
      .execute();
    const skipped = await enqueue({
      kind: 'webhook.deliver',
      payload: { endpointId: endpoint.id, event: cloudEvent('evt-3') },
    });
    assert.equal(await worker.tick(), 1);
    assert.equal((await jobRow(skipped)).status, 'succeeded', 'nothing to deliver to a disabled endpoint');
    assert.equal(receiver.deliveries.length, 3);
  });
});
