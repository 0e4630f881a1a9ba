// The outgoing-message log on the real stack: a runtime as `niva serve` opens it in development without SMTP, its jobs
// run by its own runner, and the pages and API read through the app.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { openRuntime, type Runtime } from '../../../src/app/runtime.ts';
import { inviteMember } from '../../../src/modules/access/services/invite-member.ts';
import { appendCaseEvent } from '../../../src/modules/cases/services/append-case-event.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import type { CaseRow } from '../../../src/modules/cases/schema.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { enqueueJob } from '../../../src/platform/jobs/enqueue-job.ts';
import { emailJob } from '../../../src/platform/mail/send-email.ts';
import { parseAllowList } from '../../../src/platform/net/outbound-allow.ts';
import { outgoingLog } from '../../../src/platform/outgoing/record-outgoing-message.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testEpoch,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { bearer, logIn, testConfig, type Session } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { createWebhookEndpoint, startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';

const reporter = 'melder@etat.test.niva.no';
const minute = 60_000;
const day = 86_400_000;
const clock = fixedClock(testEpoch);

let store: TestStore;
let runtime: Runtime;
let operator: TestOperator;
let tenant: TestTenant;
let ctx: ServiceContext;
let receiver: WebhookReceiver;
let failing: WebhookReceiver;
let incident: CaseRow;

async function drain(): Promise<void> {
  while ((await runtime.jobs.tick()) > 0);
}

function get(session: Session | null, path: string): Promise<Response> {
  return Promise.resolve(runtime.app.request(path, { headers: session ? { cookie: session.cookie } : {} }));
}

function outgoing() {
  return store.db.selectFrom('outgoing_messages').selectAll().orderBy('created_at').orderBy('id').execute();
}

function heading(html: string): string {
  return /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  tenant = await createTenant(store);
  receiver = await startWebhookReceiver();
  failing = await startWebhookReceiver();
  failing.respondWith(500);
  await createWebhookEndpoint(store, tenant.organisation.id, receiver.url, testEpoch);
  await createWebhookEndpoint(store, tenant.organisation.id, `${failing.url}?key=receiver-access-key`, testEpoch);
  // Development (the default) without NIVA_SMTP_URL; the local receivers are reachable because they are allowed here.
  const config = testConfig({
    databaseUrl: store.url,
    smtpUrl: null,
    outboundAllow: parseAllowList('127.0.0.1'),
    loginRatePerMinute: 1_000,
  });
  assert.equal(config.environment, 'development');
  runtime = await openRuntime(config, { clock, logger: pino({ level: 'silent' }), migrate: false });
  // The first tick runs the periodic tasks; on a fixed clock, later ticks only claim jobs.
  await runtime.jobs.tick();
  ctx = systemContext(store, clock);
});

after(async () => {
  await runtime.close();
  await receiver.close();
  await failing.close();
  await store.destroy();
});

describe('the development transport', () => {
  it('keeps the resolution e-mail instead of sending it, and the case records the feedback as after an SMTP accept', async () => {
    ({ row: incident } = await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'B',
      title: 'Innsending feiler',
      reporterEmail: reporter,
    }));
    await drain();
    clock.set(testEpoch + 5 * minute);
    await appendCaseEvent(ctx, { caseId: incident.id, type: 'work-started' });
    await drain();
    clock.set(testEpoch + 10 * minute);
    await appendCaseEvent(ctx, { caseId: incident.id, type: 'resolved', body: 'Rettet lastbalansereren' });
    await drain();

    const mails = (await outgoing()).filter((m) => m.kind === 'email');
    assert.deepEqual(
      mails.map((m) => [m.target, m.subject?.split(':')[0], m.outcome, m.job_kind]),
      [
        [reporter, `[${incident.reference}] Registrert`, 'kept', 'case.email'],
        [reporter, `[${incident.reference}] Under arbeid`, 'kept', 'case.email'],
        [reporter, `[${incident.reference}] Løst`, 'kept', 'case.email'],
      ],
    );
    const resolution = mails[2];
    assert.ok(resolution?.body?.includes('Rettet lastbalansereren'));
    assert.ok(resolution?.body?.includes(`http://localhost:8080/cases/${incident.reference}`), 'links are kept');
    const feedback = await store.db
      .selectFrom('case_events')
      .select(['body', 'actor_type'])
      .where('case_id', '=', incident.id)
      .where('type', '=', 'feedback-given')
      .execute();
    assert.deepEqual(feedback, [{ body: `Status sent by e-mail to ${reporter}`, actor_type: 'system' }]);
    const jobs = await store.db
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .where('kind', '=', 'case.email')
      .execute();
    assert.ok(jobs.length === 3 && jobs.every((j) => j.status === 'succeeded'), JSON.stringify(jobs));
  });

  it('logs every webhook call with its answer, sent for real to the local receivers', async () => {
    const calls = (await outgoing()).filter((m) => m.kind === 'webhook');
    const delivered = calls.filter((c) => c.outcome === 'delivered');
    const failed = calls.filter((c) => c.outcome === 'failed');
    assert.deepEqual(
      delivered.map((c) => [c.target, c.subject, c.response_status, c.job_kind]),
      [
        [receiver.url, 'no.niva.case.registered', 200, 'webhook.deliver'],
        [receiver.url, 'no.niva.case.work-started', 200, 'webhook.deliver'],
        [receiver.url, 'no.niva.case.resolved', 200, 'webhook.deliver'],
      ],
    );
    assert.equal(receiver.deliveries.length, 3, 'each was sent');
    assert.equal(delivered[0]?.response_body, 'ok');
    assert.ok(failed.length >= 1 && failing.deliveries.length === failed.length);
    assert.deepEqual(
      [failed[0]?.target, failed[0]?.response_status, failed[0]?.response_body],
      [`${failing.url}?key=…`, 500, 'failed'],
      "the receiver's access key is not shown",
    );
    assert.match(failed[0]?.error ?? '', /answered 500/);
    const headers = JSON.parse(delivered[0]?.headers ?? '{}') as Record<string, string>;
    assert.match(headers['niva-signature'] ?? '', /^t=\d+,v1=…$/, 'the signature is shown without its MAC');
    assert.equal((JSON.parse(delivered[0]?.body ?? '{}') as { type?: string }).type, 'no.niva.case.registered');
  });
});

describe('the outgoing messages page', () => {
  it('lists the newest first for an operator, with kind, recipient, subject, outcome and job', async () => {
    const session = await logIn(runtime.app, operator.users['operator-admin'].email, testPassword);
    const response = await get(session, '/outgoing');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(heading(html), /Utgående meldinger/);
    assert.ok(html.includes('href="/outgoing"'), 'the operator menu links to it');
    assert.ok(html.includes('NIVA_SMTP_URL'), 'it says that e-mail is kept, not sent');
    const resolvedAt = html.indexOf(`[${incident.reference}] Løst`);
    const registeredAt = html.indexOf(`[${incident.reference}] Registrert`);
    assert.ok(resolvedAt > 0 && registeredAt > resolvedAt, 'newest first');
    for (const text of [reporter, 'Holdt tilbake', 'Levert (200)', 'Feilet (500)', 'case.email', 'webhook.deliver'])
      assert.ok(html.includes(text), text);

    const webhooks = await (await get(session, '/outgoing?kind=webhook&lang=en')).text();
    assert.ok(webhooks.includes('no.niva.case.resolved') && !webhooks.includes(`[${incident.reference}]`));
    assert.match(heading(webhooks), /Outgoing messages/);
  });

  it('shows an e-mail and a webhook call in full', async () => {
    const session = await logIn(runtime.app, operator.users['operator-agent'].email, testPassword);
    const rows = await outgoing();
    const mail = rows.find((m) => m.subject?.startsWith(`[${incident.reference}] Løst`));
    const call = rows.find((m) => m.outcome === 'delivered');
    assert.ok(mail && call);
    const mailPage = await (await get(session, `/outgoing/${mail.id}?lang=nn`)).text();
    assert.ok(mailPage.includes('Rettet lastbalansereren'));
    assert.ok(mailPage.includes(`http://localhost:8080/cases/${incident.reference}`));
    assert.ok(mailPage.includes('Halde tilbake'));
    const callPage = await (await get(session, `/outgoing/${call.id}`)).text();
    assert.ok(callPage.includes('no.niva.case.registered'));
    assert.ok(callPage.includes('Svarstatus') && callPage.includes('>200<'));
    assert.doesNotMatch(callPage, /v1=[0-9a-f]{64}/);
  });

  it('shows HTML without letting it run, and hides links that work without signing in', async () => {
    await store.db.transaction().execute((trx) =>
      enqueueJob(trx, ctx, {
        kind: emailJob,
        payload: {
          to: ['mottaker@test.niva.no'],
          subject: 'HTML-prøve',
          text: 'Tekst',
          html: '<p>Hei</p><script>alert("xss")</script><img src=x onerror="alert(1)">',
        },
      }),
    );
    await inviteMember(
      ctx,
      { organisationId: tenant.organisation.id, email: 'ny@test.niva.no', role: 'owner-admin' },
      { publicUrl: 'http://localhost:8080', locale: 'nb' },
    );
    await drain();
    const rows = await outgoing();
    const html = rows.find((m) => m.subject === 'HTML-prøve');
    const invitation = rows.find((m) => m.target === 'ny@test.niva.no');
    assert.ok(html && invitation);
    const invitationJob = await store.db
      .selectFrom('jobs')
      .select('payload')
      .where('payload', 'like', '%ny@test.niva.no%')
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invitationJob.payload)?.[1] ?? '';
    assert.ok(token.length > 30);
    assert.ok(!invitation.body?.includes(token), 'the invitation token is not kept');
    assert.ok(invitation.body?.includes('http://localhost:8080/invitations/…'));

    const session = await logIn(runtime.app, operator.users.auditor.email, testPassword);
    const page = await (await get(session, `/outgoing/${html.id}`)).text();
    assert.match(page, /<iframe sandbox="" srcDoc="&lt;p&gt;Hei/i);
    assert.ok(!page.includes('<script>alert'), 'the e-mail brings no script of its own into the page');
    assert.ok(!page.includes('<img src=x'), 'nor an element');
    assert.ok(!(await (await get(session, `/outgoing/${invitation.id}`)).text()).includes(token));
  });

  it('pages through older messages', async () => {
    const session = await logIn(runtime.app, operator.users['operator-admin'].email, testPassword);
    const all = await outgoing();
    const seen: string[] = [];
    let path: string | null = '/api/v1/outgoing-messages?limit=2';
    while (path) {
      const response = await get(session, path);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { items: { id: string; createdAt: string }[]; next: string | null };
      assert.ok(body.items.length <= 2);
      seen.push(...body.items.map((i) => i.id));
      path = body.next ? `/api/v1/outgoing-messages?limit=2&before=${body.next}` : null;
    }
    assert.equal(seen.length, all.length);
    assert.equal(new Set(seen).size, all.length, 'no message twice, none left out');
    const detail = await get(session, `/api/v1/outgoing-messages/${seen[0] ?? ''}`);
    assert.equal(detail.status, 200);
    assert.equal(((await detail.json()) as { id: string }).id, seen[0]);

    const newest = await (await get(session, '/outgoing')).text();
    const older = /href="(\/outgoing\?before=[^"]+)"/.exec(newest);
    assert.equal(older, null, 'one page holds them all');
    const [first, second] = [...all].reverse();
    assert.ok(first && second);
    const later = await (await get(session, `/outgoing?before=${first.created_at}.${first.id}`)).text();
    assert.ok(later.includes('href="/outgoing"') && later.includes('Nyeste meldinger'), 'a later page leads back');
    assert.ok(later.includes(`data-outgoing="${second.id}"`) && !later.includes(`data-outgoing="${first.id}"`));
  });

  it('answers a service owner as any forbidden page does, and the API refuses owner tokens', async () => {
    const session = await logIn(runtime.app, tenant.users['owner-admin'].email, testPassword);
    const [jobs, list, detail] = await Promise.all(
      ['/jobs', '/outgoing', `/outgoing/${(await outgoing())[0]?.id ?? ''}`].map((path) => get(session, path)),
    );
    assert.deepEqual([jobs?.status, list?.status, detail?.status], [403, 403, 403]);
    const [jobsHeading, listHeading] = await Promise.all(
      [jobs, list].map(async (r) => heading((await r?.text()) ?? '')),
    );
    assert.equal(listHeading, jobsHeading);
    assert.ok(!(await (await get(session, '/')).text()).includes('href="/outgoing"'), 'nor is it in their menu');
    const api = await runtime.app.request('/api/v1/outgoing-messages', { headers: bearer(tenant.token.secret) });
    assert.equal(api.status, 403);
    assert.equal((await get(null, '/outgoing')).status, 303, 'anonymous visitors are sent to sign in');
  });
});

describe('the outgoing log', () => {
  it('forgets entries older than NIVA_OUTGOING_KEEP_DAYS in its periodic task', async () => {
    const now = testEpoch + 2 * 3_600_000;
    const log = outgoingLog(store.db, null);
    const entry = { kind: 'email' as const, to: ['gammel@test.niva.no'], subject: 'x', body: 'x', headers: {} };
    const old = await log.record({ ...entry, outcome: 'kept', at: now - 15 * day });
    const recent = await log.record({ ...entry, outcome: 'kept', at: now - 13 * day });
    const before = (await outgoing()).length;
    // The runner's periodic tasks run again an hour after their last turn.
    clock.set(now);
    await runtime.jobs.tick();
    const ids = (await outgoing()).map((m) => m.id);
    assert.ok(!ids.includes(old), 'the entry older than 14 days is gone');
    assert.ok(ids.includes(recent), 'the newer one stays');
    assert.ok(ids.length >= before - 1);
  });
});
