import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { defaultJobHandlers } from '../../../src/app/job-handlers.ts';
import type { OutgoingMail } from '../../../src/platform/mail/mail-transport.ts';
import { sendReportEmail } from '../../../src/modules/reports/jobs/send-report-email.ts';
import { createJobRunner, type JobRunner } from '../../../src/platform/jobs/runner.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import {
  generateServiceReport,
  reportEmailJob,
} from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import type { Job } from '../../../src/platform/db/schema.ts';
import { createOperator, createTenant, systemContext, testEpoch, type TestTenant } from '../../helpers/factories.ts';
import { pdfText } from '../../helpers/pdf-text.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';

const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };
const publicUrl = 'https://niva.test';
const clock = fixedClock(testEpoch);

let store: TestStore;
let smtp: SmtpCapture;
let runner: JobRunner;
let ctx: ServiceContext;
let tenant: TestTenant;

async function drain(): Promise<void> {
  while ((await runner.tick()) > 0);
}

async function subscribe(ownerId: string, email: string, lang: 'nb' | 'nn' | 'en'): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('report_subscriptions')
    .values({ id, owner_id: ownerId, email, lang, created_at: testEpoch })
    .execute();
  return id;
}

async function jobsOf(reportId: string): Promise<Job[]> {
  const jobs = await store.db.selectFrom('jobs').selectAll().where('kind', '=', reportEmailJob).execute();
  return jobs.filter((j) => (JSON.parse(j.payload) as { reportId: string }).reportId === reportId);
}

before(async () => {
  store = await createTestStore();
  smtp = await startSmtpCapture();
  await createOperator(store);
  tenant = await createTenant(store);
  ctx = systemContext(store, clock);
  const handlers = defaultJobHandlers({
    store,
    clock,
    calendars: builtInCalendars(),
    smtpUrl: smtp.url,
    mailFrom: 'Nivå <noreply@niva.test>',
    publicUrl,
    linkSecret: 'report-email-test-link-secret',
    outbound: testOutbound(),
  });
  runner = createJobRunner({
    store,
    clock,
    logger: pino({ level: 'silent' }),
    handlers,
    workerId: 'report-email-test',
  });
});

after(async () => {
  await smtp.close();
  await store.destroy();
});

describe('report.email', () => {
  it('mails each subscriber the archived version in their own language', async () => {
    await subscribe('', 'english@test.niva.no', 'en');
    await subscribe('', 'nynorsk@test.niva.no', 'nn');
    await subscribe(tenant.organisation.id, 'bokmal@test.niva.no', 'nb');
    const platform = await generateServiceReport(ctx, { month: '2026-02' }, settings);
    const own = await generateServiceReport(ctx, { month: '2026-02', owner: tenant.organisation.code }, settings);
    await drain();

    const to = (address: string) => {
      const mails = smtp.messages.filter((m) => m.to.includes(address));
      assert.equal(mails.length, 1, address);
      return mails[0] as (typeof mails)[number];
    };
    const english = to('english@test.niva.no');
    assert.equal(english.subject, 'Service report February 2026 – The platform');
    assert.ok(english.text.includes(`${publicUrl}/reports/archive/${platform.id}`), english.text);
    assert.ok(english.text.includes('version 1'), english.text);
    assert.equal(to('nynorsk@test.niva.no').subject, 'Servicerapport februar 2026 – Plattforma');
    const bokmal = to('bokmal@test.niva.no');
    assert.equal(bokmal.subject, `Servicerapport februar 2026 – ${tenant.organisation.name}`);
    assert.ok(bokmal.text.includes(`${publicUrl}/reports/archive/${own.id}`), bokmal.text);
    for (const job of [...(await jobsOf(platform.id)), ...(await jobsOf(own.id))])
      assert.equal(job.status, 'succeeded', job.last_error ?? '');
  });

  it('attaches the version as a PDF in the subscriber’s language', async () => {
    await subscribe('', 'pdf@test.niva.no', 'en');
    const report = await generateServiceReport(ctx, { month: '2026-01' }, settings);
    const sent: OutgoingMail[] = [];
    const handler = sendReportEmail({ db: store.db, send: (mail) => Promise.resolve(void sent.push(mail)), publicUrl });
    const [job] = (await jobsOf(report.id)).filter(
      (j) => (JSON.parse(j.payload) as { email: string }).email === 'pdf@test.niva.no',
    );
    assert.ok(job);
    await handler(job, JSON.parse(job.payload));

    assert.equal(sent.length, 1);
    const [mail] = sent;
    assert.ok(mail);
    assert.deepEqual(mail.to, ['pdf@test.niva.no']);
    assert.ok(mail.subject.includes('Service report January 2026'), mail.subject);
    assert.equal(mail.attachments?.length, 1);
    const [attachment] = mail.attachments ?? [];
    assert.ok(attachment);
    assert.equal(attachment.filename, 'servicerapport-2026-01-plattform-v1.pdf');
    assert.equal(attachment.contentType, 'application/pdf');
    assert.equal(attachment.content.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(attachment.content);
    for (const words of ['Service report January 2026', 'The platform', 'version 1', '1. The platform'])
      assert.ok(text.includes(words), words);
    assert.ok(!text.includes('Servicerapport'), 'not in Norwegian');
  });

  it('sends nothing when the subscription was removed before the job ran', async () => {
    const subscription = await subscribe(tenant.organisation.id, 'leaving@test.niva.no', 'nb');
    await subscribe(tenant.organisation.id, 'staying@test.niva.no', 'nn');
    const report = await generateServiceReport(ctx, { month: '2026-01', owner: tenant.organisation.code }, settings);
    assert.equal(report.mailed, 3, 'bokmal, leaving and staying were subscribed when it was made');
    await store.db.deleteFrom('report_subscriptions').where('id', '=', subscription).execute();
    await drain();

    assert.equal(smtp.messages.filter((m) => m.to.includes('leaving@test.niva.no')).length, 0);
    const staying = smtp.messages.filter((m) => m.to.includes('staying@test.niva.no'));
    assert.equal(staying.length, 1);
    assert.equal(staying[0]?.subject, `Servicerapport januar 2026 – ${tenant.organisation.name}`);
    const jobs = await jobsOf(report.id);
    assert.equal(jobs.length, 3);
    for (const job of jobs) assert.equal(job.status, 'succeeded', 'a removed subscriber’s job ends without retrying');
  });
});
