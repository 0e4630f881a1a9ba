import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { systemClock } from '../../../src/platform/domain/clock.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { createWebhookEndpoint } from '../../../src/modules/access/services/create-webhook-endpoint.ts';
import { nivaEnv, spawnNiva, stopProcess } from '../../helpers/cli.ts';
import { createOperator, createTenant, systemContext } from '../../helpers/factories.ts';
import { startSmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTestStore, dialectUnderTest } from '../../helpers/test-store.ts';
import { startWebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { localReceivers, testOutbound } from '../../helpers/outbound.ts';

const caseCount = 30;
const deadlineMs = 45_000;

// Two processes on one SQLite file would serialise on its lock rather than race, so this proves nothing there.
const skip =
  dialectUnderTest === 'postgres'
    ? false
    : 'needs PostgreSQL: run with DATABASE_URL=postgres://… to race two workers on one database';

test('two workers scanning the same overdue clocks send each breach alert exactly once', { skip }, async (t) => {
  const cleanup: (() => unknown)[] = [];
  t.after(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  const store = await createTestStore();
  cleanup.push(() => store.destroy());
  const smtp = await startSmtpCapture();
  cleanup.push(() => smtp.close());
  const receiver = await startWebhookReceiver();
  cleanup.push(() => receiver.close());
  // Real time: the workers compare the clocks with their own system clocks.
  const ctx = { ...systemContext(store), clock: systemClock };
  await createOperator(store);
  const tenant = await createTenant(store);
  // Owns the late cases that show later scans at work (no webhook, so only an e-mail each).
  const bystander = await createTenant(store);
  await createWebhookEndpoint(
    ctx,
    {
      organisationId: tenant.organisation.id,
      url: receiver.url,
      eventTypes: ['no.niva.case.breached'],
    },
    testOutbound(localReceivers),
  );

  const env = nivaEnv(store, {
    LOG_LEVEL: 'info',
    NIVA_JOB_POLL_MS: '20',
    NIVA_SLA_SCAN_SECONDS: '1',
    NIVA_SMTP_URL: smtp.url,
    NIVA_PUBLIC_URL: 'https://niva.example.no',
    // The receiver listens on loopback, which outbound requests may reach only when allowed.
    NIVA_OUTBOUND_ALLOW: localReceivers,
  });
  const workers = [spawnNiva(['worker'], env), spawnNiva(['worker'], env)];
  cleanup.push(() => Promise.all(workers.map(stopProcess)));
  const output = workers.map(() => '');
  workers.forEach((worker, i) => {
    worker.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output[i] += chunk));
    worker.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output[i] += chunk));
  });
  const started = Date.now();
  const crashed = () => workers.find((w) => w.exitCode !== null);
  // The cases appear only once both workers scan, so their scans race for the same clocks.
  while (!output.every((o) => o.includes('job runner started'))) {
    if (crashed()) assert.fail(`a worker exited early: ${output.join('\n')}`);
    assert.ok(Date.now() - started < deadlineMs, `workers did not start: ${output.join('\n')}`);
    await sleep(50);
  }
  const overdueCase = (organisationId: string, title: string) =>
    registerCase(ctx, {
      organisationId,
      kind: 'incident',
      category: 'A',
      title,
      registeredAt: systemClock.now() - 2 * 3_600_000,
    }).then((r) => r.row);
  const cases = await Promise.all(
    Array.from({ length: caseCount }, (_, i) => overdueCase(tenant.organisation.id, `Plattformen svarer ikke ${i}`)),
  );
  const references = cases.map((c) => c.reference).sort();

  const breachMails = () => smtp.messages.filter((m) => m.subject.includes('Frist brutt'));
  const referenceOf = (subject: string) => /^\[(NIVA-\d+)\]/.exec(subject)?.[1] ?? subject;
  const breachEvents = () =>
    receiver.deliveries.map((d) => JSON.parse(d.body) as { id: string; type: string; subject: string });
  /** Polls until `done` holds; past the deadline it gives up and leaves the failure to the assertions below. */
  const until = async (done: () => boolean | Promise<boolean>) => {
    while (!(await done())) {
      if (crashed()) assert.fail(`a worker exited early: ${output.join('\n')}`);
      if (Date.now() - started > deadlineMs) return;
      await sleep(100);
    }
  };
  await until(() => breachMails().length >= caseCount && breachEvents().length >= caseCount);
  // Anything sent twice would be queued by a later scan. Each late case is alerted by a scan that started after all
  // the first alerts were claimed, so once two have been mailed, one by one, two more scans have come and gone; then
  // wait for the outbox to drain, so that whatever they queued has been sent.
  const lateReferences: string[] = [];
  for (const n of [1, 2]) {
    const late = await overdueCase(bystander.organisation.id, `Sen sak ${n}`);
    lateReferences.push(late.reference);
    await until(() => breachMails().some((m) => referenceOf(m.subject) === late.reference));
  }
  await until(
    async () =>
      (await store.db.selectFrom('jobs').select('id').where('status', 'in', ['pending', 'running']).execute())
        .length === 0,
  );
  assert.equal(crashed(), undefined, output.join('\n'));
  await Promise.all(workers.map(stopProcess));

  const mailed = breachMails()
    .map((m) => referenceOf(m.subject))
    .sort();
  assert.deepEqual(mailed, [...references, ...lateReferences].sort(), 'one breach e-mail per case');
  const contactOf = (reference: string) =>
    (lateReferences.includes(reference) ? bystander : tenant).organisation.contact_email;
  assert.ok(breachMails().every((m) => m.to.includes(contactOf(referenceOf(m.subject)))));
  const events = breachEvents();
  assert.ok(events.every((e) => e.type === 'no.niva.case.breached'));
  assert.deepEqual(events.map((e) => e.subject).sort(), references, 'one breach event per case');
  assert.equal(new Set(events.map((e) => e.id)).size, caseCount, 'no event id delivered twice');

  const alerted = await store.db
    .selectFrom('case_clocks')
    .select('case_id')
    .where('policy_id', '=', 'incident-a-start')
    .where('breach_alerted_at', 'is not', null)
    .execute();
  assert.equal(alerted.length, caseCount + lateReferences.length);
  const jobs = await store.db.selectFrom('jobs').select(['kind', 'status']).execute();
  assert.equal(
    jobs.length,
    2 * caseCount + lateReferences.length,
    `one e-mail and one webhook job per case (an e-mail only for the late ones), nothing else (no at-risk warning for a clock found overdue): ${smtp.messages.map((m) => m.subject).join('; ')}`,
  );
  assert.ok(jobs.every((j) => j.status === 'succeeded'));
  const perWorker = await store.db.selectFrom('job_attempts').select('worker_id').execute();
  const counts = new Map<string, number>();
  for (const a of perWorker) counts.set(a.worker_id, (counts.get(a.worker_id) ?? 0) + 1);
  t.diagnostic(`jobs per worker: ${[...counts.values()].join(' / ')}`);
});
