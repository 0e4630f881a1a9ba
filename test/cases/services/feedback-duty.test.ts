import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { createJobRunner, type JobRunner } from '../../../src/platform/jobs/runner.ts';
import { defaultJobHandlers } from '../../../src/app/job-handlers.ts';
import { appendCaseEvent } from '../../../src/modules/cases/services/append-case-event.ts';
import { getCase } from '../../../src/modules/cases/services/get-case.ts';
import { listCases } from '../../../src/modules/cases/services/list-cases.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { createOperator, createTenant, systemContext, testEpoch, type TestTenant } from '../../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { localReceivers, testOutbound } from '../../helpers/outbound.ts';

const minute = 60_000;
let store: TestStore;
let tenant: TestTenant;
let smtp: SmtpCapture;
/** A port that takes connections and closes them at once: a mail server that refuses every message. */
let refusing: Server;
let refusingUrl: string;
const clock = fixedClock(testEpoch);
let ctx: ServiceContext;

function runnerFor(smtpUrl: string, workerId: string): JobRunner {
  const handlers = defaultJobHandlers({
    store,
    clock,
    calendars: builtInCalendars(),
    smtpUrl,
    mailFrom: 'Nivå <noreply@niva.test>',
    publicUrl: 'https://niva.example.no',
    linkSecret: 'feedback-duty-test-link-secret',
    outbound: testOutbound(localReceivers),
  });
  return createJobRunner({ store, clock, logger: pino({ level: 'silent' }), handlers, workerId });
}

async function drain(runner: JobRunner): Promise<void> {
  while ((await runner.tick()) > 0);
}

async function resolvedIncident(title: string, reporterEmail: string | null) {
  const { row } = await registerCase(ctx, {
    organisationId: tenant.organisation.id,
    kind: 'incident',
    category: 'C',
    title,
    ...(reporterEmail ? { reporterEmail } : {}),
  });
  clock.advance(30 * minute);
  await appendCaseEvent(ctx, { caseId: row.id, type: 'resolved', body: 'Rettet i dag' });
  return row;
}

async function openReferences(): Promise<string[]> {
  const page = await listCases(ctx, { organisationId: tenant.organisation.id, limit: 500 });
  return page.items.map((i) => i.row.reference);
}

before(async () => {
  store = await createTestStore();
  await createOperator(store);
  tenant = await createTenant(store);
  ctx = systemContext(store, clock);
  smtp = await startSmtpCapture();
  refusing = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  const address = refusing.address();
  assert.ok(address && typeof address === 'object');
  refusingUrl = `smtp://127.0.0.1:${address.port}`;
});

after(async () => {
  await smtp.close();
  await new Promise<void>((resolve) => refusing.close(() => resolve()));
  await store.destroy();
});

describe('the feedback duty of 2.2', () => {
  it('keeps a resolved incident in the open queue, with no due time, until feedback is recorded', async () => {
    const row = await resolvedIncident('Kvittering mangler', null);
    const detail = await getCase(ctx, { id: row.id });
    const duty = detail.clocks.find((c) => c.policyId === 'incident-feedback');
    assert.equal(duty?.kind, 'follow-up');
    assert.equal(duty?.state, 'at-risk');
    assert.equal(duty?.dueAt, null, 'the duty has no deadline of its own');
    assert.equal(detail.row.is_open, 0, 'resolved');
    assert.ok((await openReferences()).includes(row.reference), 'still in the work queue');
    assert.deepEqual(detail.resolutionNotice, { state: 'no-address', attempts: 0, error: null, at: null });

    clock.advance(9 * minute);
    await appendCaseEvent(ctx, {
      caseId: row.id,
      type: 'feedback-given',
      channel: 'phone',
      body: 'Ringte melderen og forklarte løsningen',
    });
    const after = await getCase(ctx, { id: row.id });
    assert.equal(after.clocks.find((c) => c.policyId === 'incident-feedback')?.state, 'met');
    assert.ok(!(await openReferences()).includes(row.reference), 'the met duty lets the case leave the queue');
    const given = after.events.findLast((e) => e.type === 'feedback-given');
    assert.deepEqual(JSON.parse(given?.data ?? '{}'), { channel: 'phone' });
    assert.equal(given?.visibility, 'public');
  });

  it('says why the resolution e-mail did not go, and that the duty is still owed', async () => {
    const row = await resolvedIncident('Innlogging feiler', 'melder@etat.test.niva.no');
    await drain(runnerFor(refusingUrl, 'refusing'));
    const detail = await getCase(ctx, { id: row.id });
    assert.equal(detail.resolutionNotice?.state, 'failing');
    assert.equal(detail.resolutionNotice?.attempts, 1);
    assert.ok(detail.resolutionNotice?.error, 'the mail server’s answer is kept');
    assert.equal(detail.clocks.find((c) => c.policyId === 'incident-feedback')?.state, 'at-risk');
    assert.ok((await openReferences()).includes(row.reference));

    const owner = await loadUserActor(store.db, tenant.users['owner-admin'].userId);
    assert.ok(owner);
    const asOwner = await getCase({ ...ctx, actor: owner }, { id: row.id });
    assert.equal(asOwner.resolutionNotice, null, 'the mail server’s answer is the service desk’s to read');
  });

  it('is met by the resolution e-mail once the mail server accepts it', async () => {
    const row = await resolvedIncident('Skjema henger', 'melder2@etat.test.niva.no');
    await drain(runnerFor(smtp.url, 'accepting'));
    const detail = await getCase(ctx, { id: row.id });
    assert.equal(detail.resolutionNotice?.state, 'sent');
    assert.equal(detail.clocks.find((c) => c.policyId === 'incident-feedback')?.state, 'met');
    const given = detail.events.findLast((e) => e.type === 'feedback-given');
    assert.deepEqual(JSON.parse(given?.data ?? '{}'), { channel: 'email' });
    assert.ok(!(await openReferences()).includes(row.reference));
  });

  it('refuses a channel on anything but feedback, and feedback as an internal note, writing nothing', async () => {
    const { row } = await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'B',
      title: 'Treg innsending',
    });
    const wrong = [
      { type: 'commented', body: 'Ser på det', channel: 'phone' as const, field: 'channel' },
      { type: 'feedback-given', body: 'Notat', visibility: 'internal' as const, field: 'visibility' },
      { type: 'feedback-given', body: 'Brev', channel: 'letter', field: 'channel' },
    ];
    for (const { field, ...input } of wrong) {
      await assert.rejects(
        // The third one is not a channel at all: the edge answers with the field, like any bad input.
        appendCaseEvent(ctx, { ...(input as Parameters<typeof appendCaseEvent>[1]), caseId: row.id }),
        (error: unknown) => error instanceof AppError && error.fields.some((f) => f.field === field),
      );
    }
    assert.equal((await getCase(ctx, { id: row.id })).events.length, 1, 'only the registration');
  });
});
