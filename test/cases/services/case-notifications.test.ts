import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { webhookSignature } from '../../../src/platform/webhooks/deliver-webhook.ts';
import { defaultJobHandlers } from '../../../src/app/job-handlers.ts';
import { createJobRunner, type JobHandlers, type JobRunner } from '../../../src/platform/jobs/runner.ts';
import { appendCaseEvent } from '../../../src/modules/cases/services/append-case-event.ts';
import { caseNotices } from '../../../src/modules/cases/services/case-mail-texts.ts';
import { recordFeedbackSent } from '../../../src/modules/cases/services/record-feedback-sent.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { scanCaseAlerts } from '../../../src/modules/cases/services/scan-case-alerts.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import {
  createWebhookEndpoint,
  webhookEventTypes,
} from '../../../src/modules/access/services/create-webhook-endpoint.ts';
import type { CaseRow } from '../../../src/modules/cases/schema.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testEpoch,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { localReceivers, testOutbound } from '../../helpers/outbound.ts';

const publicUrl = 'https://niva.example.no';
const reporter = 'melder@etat.test.niva.no';
const minute = 60_000;

interface ReceivedEvent {
  id: string;
  type: string;
  subject: string;
  data: { reference: string; policy: string | null };
}

let store: TestStore;
let smtp: SmtpCapture;
let receiver: WebhookReceiver;
let operator: TestOperator;
let tenant: TestTenant;
let secret: string;
let handlers: JobHandlers;
let runner: JobRunner;
const clock = fixedClock(testEpoch);
let ctx: ServiceContext;

/** Runs every due job until the queue has nothing more to give. */
async function drain(): Promise<void> {
  while ((await runner.tick()) > 0);
}

function mailsAbout(reference: string) {
  return smtp.messages.filter((m) => m.subject.includes(`[${reference}]`));
}

/** The signed CloudEvents received for a case; each signature is checked against the endpoint's secret. */
function eventsAbout(reference: string): ReceivedEvent[] {
  return receiver.deliveries
    .map((d) => {
      const header = String(d.headers['niva-signature'] ?? '');
      const t = Number(/^t=(\d+),/.exec(header)?.[1]);
      assert.equal(
        header,
        webhookSignature(secret, d.body, t),
        'the signature verifies with the secret from the create response',
      );
      assert.equal(d.headers['content-type'], 'application/cloudevents+json');
      return JSON.parse(d.body) as ReceivedEvent;
    })
    .filter((e) => e.subject === reference);
}

async function register(
  category: 'A' | 'B' | 'C',
  extra: { reporterEmail?: string; registeredAt?: number } = {},
): Promise<CaseRow> {
  const { row } = await registerCase(ctx, {
    organisationId: tenant.organisation.id,
    kind: 'incident',
    category,
    title: `Innsending feiler (${category})`,
    ...extra,
  });
  return row;
}

function clockRow(caseId: string, policyId: string) {
  return store.db
    .selectFrom('case_clocks')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('policy_id', '=', policyId)
    .executeTakeFirstOrThrow();
}

function feedbackEvents(caseId: string) {
  return store.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('type', '=', 'feedback-given')
    .execute();
}

/** Outbox rows (e-mail and webhook) of one notice of one case. */
async function noticeJobs(caseId: string, notice: string) {
  const jobs = await store.db
    .selectFrom('jobs')
    .select(['kind', 'payload', 'run_at'])
    .where('kind', 'in', ['case.email', 'webhook.deliver'])
    .execute();
  return jobs.filter((j) => {
    const payload = JSON.parse(j.payload) as {
      caseId?: string;
      notice?: string;
      event?: { type: string; data: { caseId: string } };
    };
    return payload.event
      ? payload.event.data.caseId === caseId && payload.event.type === `no.niva.case.${notice}`
      : payload.caseId === caseId && payload.notice === notice;
  });
}

before(async () => {
  store = await createTestStore();
  smtp = await startSmtpCapture();
  receiver = await startWebhookReceiver();
  operator = await createOperator(store);
  tenant = await createTenant(store);
  ctx = systemContext(store, clock);
  ({ secret } = await createWebhookEndpoint(
    ctx,
    {
      organisationId: tenant.organisation.id,
      url: receiver.url,
      eventTypes: ['*'],
    },
    testOutbound(localReceivers),
  ));
  handlers = defaultJobHandlers({
    store,
    clock,
    calendars: builtInCalendars(),
    smtpUrl: smtp.url,
    mailFrom: 'Nivå <noreply@niva.test>',
    publicUrl,
    linkSecret: 'case-notifications-test-link-secret',
    outbound: testOutbound(localReceivers),
  });
  runner = createJobRunner({
    store,
    clock,
    logger: pino({ level: 'silent' }),
    handlers,
    workerId: 'notifications-test',
  });
});

after(async () => {
  await receiver.close();
  await smtp.close();
  await store.destroy();
});

describe('case notifications', () => {
  it('names every notice among the event types a webhook may subscribe to', () => {
    for (const notice of caseNotices)
      assert.ok((webhookEventTypes as readonly string[]).includes(`no.niva.case.${notice}`), notice);
  });

  let incident: CaseRow;

  it('e-mails the reporter and posts a signed CloudEvent when a case is registered', async () => {
    incident = await register('B', { reporterEmail: reporter });
    await drain();
    const mails = mailsAbout(incident.reference);
    assert.equal(mails.length, 1);
    assert.deepEqual(mails[0]?.to, [reporter]);
    assert.match(mails[0]?.subject ?? '', /Registrert/);
    assert.ok(mails[0]?.text.includes(`${publicUrl}/cases/${incident.reference}`), 'the e-mail links to the case');
    const events = eventsAbout(incident.reference);
    assert.deepEqual(
      events.map((e) => [e.id, e.type]),
      [[`${incident.id}:registered`, 'no.niva.case.registered']],
    );
    assert.equal(events[0]?.data.reference, incident.reference);
  });

  it('tells the reporter when work starts and when the case is resolved, and records the feedback', async () => {
    clock.set(testEpoch + 5 * minute);
    await appendCaseEvent(ctx, { caseId: incident.id, type: 'work-started' });
    await drain();
    clock.set(testEpoch + 10 * minute);
    await appendCaseEvent(ctx, {
      caseId: incident.id,
      type: 'resolved',
      body: 'Rettet konfigurasjonen i lastbalansereren',
    });
    assert.equal(
      (await clockRow(incident.id, 'incident-feedback')).state,
      'at-risk',
      'feedback is owed once the case is resolved',
    );
    await drain();

    const mails = mailsAbout(incident.reference);
    assert.deepEqual(
      mails.map((m) => m.subject.split(':')[0]),
      [`[${incident.reference}] Registrert`, `[${incident.reference}] Under arbeid`, `[${incident.reference}] Løst`],
    );
    assert.ok(
      mails[2]?.text.includes('Rettet konfigurasjonen i lastbalansereren'),
      'the resolution note is in the e-mail',
    );
    assert.deepEqual(
      eventsAbout(incident.reference).map((e) => e.type),
      ['no.niva.case.registered', 'no.niva.case.work-started', 'no.niva.case.resolved'],
    );

    const feedback = await feedbackEvents(incident.id);
    assert.equal(feedback.length, 1);
    assert.equal(feedback[0]?.body, `Status sent by e-mail to ${reporter}`);
    assert.equal(feedback[0]?.actor_type, 'system');
    assert.equal(feedback[0]?.visibility, 'public');
    assert.equal((await clockRow(incident.id, 'incident-feedback')).state, 'met');
    const audit = await store.db
      .selectFrom('audit_events')
      .select(['request_id'])
      .where('action', '=', 'case.feedback-given')
      .where('subject_id', '=', incident.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.request_id ?? '', /^job:/, 'the audit row leads back to the e-mail job');
  });

  it('records the feedback once when the e-mail job runs again after a crash', async () => {
    const job = await store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'case.email')
      .where('payload', 'like', `%${incident.id}%"resolved"%`)
      .executeTakeFirstOrThrow();
    const handler = handlers['case.email'];
    assert.ok(handler);
    await handler(job, JSON.parse(job.payload));
    assert.equal(
      mailsAbout(incident.reference).filter((m) => m.subject.includes('Løst')).length,
      2,
      'the e-mail itself is at least once',
    );
    assert.equal((await feedbackEvents(incident.id)).length, 1, 'but the case records it only once');
    assert.equal(await recordFeedbackSent(ctx, { caseId: incident.id, to: [reporter] }), null);
  });

  it('records no feedback on a case closed before the e-mail went out', async () => {
    const closing = await register('C', { reporterEmail: reporter });
    await appendCaseEvent(ctx, { caseId: closing.id, type: 'resolved' });
    await appendCaseEvent(ctx, { caseId: closing.id, type: 'closed' });
    await drain();
    assert.equal(mailsAbout(closing.reference).filter((m) => m.subject.includes('Løst')).length, 1);
    assert.equal((await feedbackEvents(closing.id)).length, 0);
    const closed = await store.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', closing.id)
      .executeTakeFirstOrThrow();
    assert.equal(closed.status, 'closed');
  });

  it('alerts the service desk once when a B clock is at risk and once when it is breached', async () => {
    clock.set(testEpoch + 10 * minute); // Monday 10:10 in Oslo, the desk is open
    const b = await register('B');
    const start = await clockRow(b.id, 'incident-b-start');
    assert.equal(start.at_risk_at, Date.parse('2026-03-02T09:55:00Z'), 'at risk after 45 of the 60 open minutes');
    assert.equal(start.due_at, Date.parse('2026-03-02T10:10:00Z'));

    clock.set((start.at_risk_at ?? 0) - 1);
    assert.deepEqual(await scanCaseAlerts(ctx), { atRisk: 0, breached: 0 });
    clock.set(start.at_risk_at ?? 0);
    assert.deepEqual(await scanCaseAlerts(ctx), { atRisk: 1, breached: 0 });
    assert.deepEqual(
      await scanCaseAlerts(ctx),
      { atRisk: 0, breached: 0 },
      'a second scan finds the alert already sent',
    );
    await drain();
    clock.set(start.due_at ?? 0);
    assert.deepEqual(await scanCaseAlerts(ctx), { atRisk: 0, breached: 0 }, 'due is not yet late');
    clock.set((start.due_at ?? 0) + 1);
    assert.deepEqual(await scanCaseAlerts(ctx), { atRisk: 0, breached: 1 });
    assert.deepEqual(await scanCaseAlerts(ctx), { atRisk: 0, breached: 0 });
    await drain();

    const mails = mailsAbout(b.reference);
    assert.deepEqual(
      mails.map((m) => m.subject),
      [`[${b.reference}] Frist nærmer seg: incident-b-start`, `[${b.reference}] Frist brutt: incident-b-start`],
    );
    assert.ok(mails[0]?.to.includes(operator.organisation.contact_email), 'warnings go to the service desk');
    assert.ok(!mails[0]?.to.includes(tenant.organisation.contact_email), 'a warning is not yet the owner’s business');
    assert.ok(mails[1]?.to.includes(tenant.organisation.contact_email), 'a breach is also told to the owner');
    const events = eventsAbout(b.reference).filter((e) => e.type !== 'no.niva.case.registered');
    assert.deepEqual(
      events.map((e) => e.id),
      [`${b.id}:at-risk:incident-b-start`, `${b.id}:breached:incident-b-start`],
    );
  });

  it('holds a B breach found at night until the desk opens, but sends an A breach at once', async () => {
    clock.set(Date.parse('2026-03-02T13:00:00Z')); // Monday 14:00 in Oslo
    const b = await register('B');
    const night = Date.parse('2026-03-02T21:00:00Z'); // 22:00 in Oslo, the desk closed at 15:45
    clock.set(night);
    const a = await register('A', { registeredAt: night - 2 * 60 * minute });
    await drain();
    assert.deepEqual(
      await scanCaseAlerts(ctx),
      { atRisk: 0, breached: 2 },
      'a clock found overdue gets the breach alert only',
    );

    const opening = Date.parse('2026-03-03T07:00:00Z'); // Tuesday 08:00 in Oslo
    const bJobs = await noticeJobs(b.id, 'breached');
    const aJobs = await noticeJobs(a.id, 'breached');
    assert.deepEqual(bJobs.map((j) => j.kind).sort(), ['case.email', 'webhook.deliver']);
    assert.deepEqual(aJobs.map((j) => j.kind).sort(), ['case.email', 'webhook.deliver']);
    assert.ok(
      bJobs.every((j) => j.run_at === opening),
      'the B breach waits for the service desk to open',
    );
    assert.ok(
      aJobs.every((j) => j.run_at === night),
      'category A does not wait',
    );

    await drain();
    assert.equal(mailsAbout(a.reference).length, 1);
    assert.equal(mailsAbout(b.reference).length, 0, 'nothing about the B case at night');
    clock.set(opening);
    await drain();
    assert.deepEqual(
      mailsAbout(b.reference).map((m) => m.subject),
      [`[${b.reference}] Frist brutt: incident-b-start`],
    );
    assert.deepEqual(
      eventsAbout(b.reference).map((e) => e.type),
      ['no.niva.case.registered', 'no.niva.case.breached'],
    );
  });
});
