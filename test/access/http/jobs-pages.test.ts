import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { mailNotConfigured } from '../../../src/app/job-handlers.ts';
import { createJobRunner } from '../../../src/platform/jobs/runner.ts';
import { openRuntime, type Runtime } from '../../../src/app/runtime.ts';
import { enqueueJob } from '../../../src/platform/jobs/enqueue-job.ts';
import {
  generateServiceReport,
  reportEmailJob,
} from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { createOperator, systemContext, testEpoch, testPassword, type TestOperator } from '../../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { logIn, testConfig, type Session } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const subscriber = 'abonnent@test.niva.no';
const silent = pino({ level: 'silent' });
const clock = fixedClock(testEpoch);

let store: TestStore;
let smtp: SmtpCapture;
let operator: TestOperator;
let runtime: Runtime;

/** A runtime as `niva serve` opens it (web app and job runner), on this test's database. */
async function start(smtpUrl: string | null): Promise<Runtime> {
  // Production: without SMTP, e-mail jobs die at once (development would keep the messages instead).
  const config = testConfig({ databaseUrl: store.url, smtpUrl, environment: 'production', loginRatePerMinute: 1_000 });
  const opened = await openRuntime(config, {
    clock,
    logger: silent,
    migrate: false,
  });
  // The first tick runs the periodic tasks (the monthly report run among them); on a fixed clock, later ticks only
  // claim jobs.
  await opened.jobs.tick();
  return opened;
}

async function drain(): Promise<void> {
  while ((await runtime.jobs.tick()) > 0);
}

function job(id: string) {
  return store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function post(session: Session, path: string): Promise<Response> {
  return Promise.resolve(
    runtime.app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrf }),
    }),
  );
}

before(async () => {
  store = await createTestStore();
  smtp = await startSmtpCapture();
  operator = await createOperator(store);
  runtime = await start(null);
});

after(async () => {
  await runtime.close();
  await smtp.close();
  await store.destroy();
});

describe('the jobs page', () => {
  let unconfigured: string;
  let unhandled: string;

  it('lists dead report.email jobs with their error and a retry button, whatever they died of', async () => {
    const ctx = systemContext(store, clock);
    await store.db
      .insertInto('report_subscriptions')
      .values({ id: randomUUID(), owner_id: '', email: subscriber, lang: 'nb', created_at: testEpoch })
      .execute();
    const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };
    const report = await generateServiceReport(ctx, { month: '2026-02' }, settings);
    const [queued] = await store.db.selectFrom('jobs').select('id').where('kind', '=', reportEmailJob).execute();
    assert.ok(queued);
    unconfigured = queued.id;
    await drain();
    assert.deepEqual(
      [(await job(unconfigured)).status, (await job(unconfigured)).last_error],
      ['dead', mailNotConfigured],
    );

    // Left behind by a version that had no handler for report.email without SMTP.
    unhandled = await store.db.transaction().execute((trx) =>
      enqueueJob(trx, ctx, {
        kind: reportEmailJob,
        payload: { reportId: report.id, email: subscriber, lang: 'nb' },
        maxAttempts: 1,
      }),
    );
    const oldRunner = createJobRunner({ store, clock, logger: silent, handlers: {}, workerId: 'old-version' });
    assert.equal(await oldRunner.tick(), 1);
    assert.equal((await job(unhandled)).last_error, `no handler for job kind ${reportEmailJob}`);

    const session = await logIn(runtime.app, operator.users['operator-admin'].email, testPassword);
    const page = await runtime.app.request('/jobs?status=dead', { headers: { cookie: session.cookie } });
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const id of [unconfigured, unhandled]) assert.ok(html.includes(`action="/jobs/${id}/retry"`), id);
    assert.ok(html.includes(mailNotConfigured));
    assert.ok(html.includes(`no handler for job kind ${reportEmailJob}`));
  });

  it('queues them again (audited), and once NIVA_SMTP_URL is set they are sent', async () => {
    const session = await logIn(runtime.app, operator.users['operator-admin'].email, testPassword);
    for (const id of [unconfigured, unhandled]) {
      const response = await post(session, `/jobs/${id}/retry`);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/jobs?status=pending&done=retried');
      const row = await job(id);
      assert.deepEqual([row.status, row.attempts, row.finished_at], ['pending', 0, null]);
      const audit = await store.db
        .selectFrom('audit_events')
        .select(['action', 'summary'])
        .where('subject_type', '=', 'job')
        .where('subject_id', '=', id)
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.action, JSON.parse(a.summary) as unknown]),
        [['job.retry', { kind: reportEmailJob }]],
      );
    }
    const pending = await (
      await runtime.app.request('/jobs?status=pending', { headers: { cookie: session.cookie } })
    ).text();
    for (const id of [unconfigured, unhandled]) assert.ok(!pending.includes(`action="/jobs/${id}/retry"`), id);

    // The operator sets NIVA_SMTP_URL and restarts.
    await runtime.close();
    runtime = await start(smtp.url);
    await drain();
    for (const id of [unconfigured, unhandled]) {
      const row = await job(id);
      assert.deepEqual([row.status, row.attempts, row.last_error], ['succeeded', 1, null]);
    }
    assert.equal(smtp.messages.filter((m) => m.to.includes(subscriber)).length, 2);
  });
});
