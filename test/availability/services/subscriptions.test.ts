import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { webhookSignature } from '../../../src/platform/webhooks/deliver-webhook.ts';
import { defaultJobHandlers } from '../../../src/app/job-handlers.ts';
import { createJobRunner, type JobRunner } from '../../../src/platform/jobs/runner.ts';
import { planMaintenance } from '../../../src/modules/availability/services/plan-maintenance.ts';
import { publishMaintenance } from '../../../src/modules/availability/services/publish-maintenance.ts';
import { endOutage } from '../../../src/modules/availability/services/end-outage.ts';
import { recordOutage } from '../../../src/modules/availability/services/record-outage.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { localReceivers, testOutbound } from '../../helpers/outbound.ts';
import { parseAllowList } from '../../../src/platform/net/outbound-allow.ts';
import { expirePendingWebhooks } from '../../../src/modules/availability/services/expire-pending-webhooks.ts';
import { webhookVerificationWindowMs } from '../../../src/modules/availability/services/status-subscriptions.ts';

const publicUrl = 'https://niva.example.no';
const subscriber = 'abonnent@etat.test.niva.no';
const unconfirmed = 'ubekreftet@etat.test.niva.no';

let store: TestStore;
let smtp: SmtpCapture;
let receiver: WebhookReceiver;
/** An endpoint that answers 200 but never echoes a challenge: it never asked for the notices. */
let silent: WebhookReceiver;
let clock: ReturnType<typeof createTestApp>['clock'];
let app: TestApp;
let runner: JobRunner;
let ctx: ServiceContext;
let webhookSecret: string;
let componentId: string;

async function drain(): Promise<void> {
  while ((await runner.tick()) > 0);
}

function signUp(target: TestApp, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return target.request(`${publicUrl}/status/subscribe`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

function mailsTo(address: string) {
  return smtp.messages.filter((m) => m.to.includes(address));
}

function link(text: string | undefined, path: string): string {
  const found = new RegExp(`${publicUrl}${path}\\?\\S+`).exec(text ?? '')?.[0];
  assert.ok(found, `a ${path} link in the e-mail`);
  return found;
}

interface ReceivedEvent {
  id: string;
  type: string;
  data: { component: { name: string }; challenge?: string };
}

/** Status events received by the webhook, each signature checked against the secret shown at sign-up. */
function receivedEvents(from: WebhookReceiver = receiver, secret = webhookSecret): ReceivedEvent[] {
  return from.deliveries.map((d) => {
    const header = String(d.headers['niva-signature'] ?? '');
    const t = Number(/^t=(\d+),/.exec(header)?.[1]);
    assert.equal(header, webhookSignature(secret, d.body, t), 'signed with the secret from the sign-up page');
    assert.equal(d.headers['content-type'], 'application/cloudevents+json');
    return JSON.parse(d.body) as ReceivedEvent;
  });
}

before(async () => {
  store = await createTestStore();
  smtp = await startSmtpCapture();
  receiver = await startWebhookReceiver({ echoChallenges: true });
  silent = await startWebhookReceiver();
  // The receivers listen on loopback, which sign-ups and deliveries may reach only because it is allowed here.
  const testApp = createTestApp(store, { publicUrl, outboundAllow: parseAllowList(localReceivers) });
  app = testApp.app;
  clock = testApp.clock;
  ctx = systemContext(store, testApp.clock);
  const handlers = defaultJobHandlers({
    store,
    clock: testApp.clock,
    calendars: builtInCalendars(),
    smtpUrl: smtp.url,
    mailFrom: 'Nivå <noreply@niva.test>',
    publicUrl,
    linkSecret: testApp.linkSecret,
    outbound: testOutbound(localReceivers),
  });
  runner = createJobRunner({
    store,
    clock: testApp.clock,
    logger: pino({ level: 'silent' }),
    handlers,
    workerId: 'subscriptions-test',
  });
  componentId = (
    await createComponent(ctx, {
      code: unique('c'),
      name: 'Autentisering',
      calendarId: 'always',
      targetBasisPoints: 9990,
    })
  ).id;
});

after(async () => {
  await receiver.close();
  await silent.close();
  await smtp.close();
  await store.destroy();
});

describe('status subscriptions', () => {
  it('offers a sign-up form without login', async () => {
    const response = await app.request('/status/subscribe?lang=en');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /name="address"/);
    assert.match(html, /Subscribe to service status/);
  });

  it('refuses a sign-up posted from another site', async () => {
    const response = await signUp(
      app,
      { kind: 'email', address: subscriber, locale: 'nb' },
      { origin: 'https://evil.example' },
    );
    assert.equal(response.status, 403);
    assert.equal(await store.db.selectFrom('status_subscriptions').select('id').executeTakeFirst(), undefined);
  });

  it('keeps a webhook pending, with no notices, until its endpoint echoes the challenge', async () => {
    const response = await signUp(app, { kind: 'webhook', address: receiver.url, locale: 'nb' });
    assert.equal(response.status, 201);
    const html = await response.text();
    assert.match(html, /no\.niva\.status\.subscription\.verify/, 'the page says how to verify');
    webhookSecret = /data-testid="webhook-secret">([^<]+)</.exec(html)?.[1] ?? '';
    assert.match(webhookSecret, /^whsec_/);
    const silentPage = await signUp(app, { kind: 'webhook', address: silent.url, locale: 'en' });
    assert.equal(silentPage.status, 201);
    const silentSecret = /data-testid="webhook-secret">([^<]+)</.exec(await silentPage.text())?.[1] ?? '';
    const state = (address: string) =>
      store.db
        .selectFrom('status_subscriptions')
        .select(['confirmed_at', 'unsubscribed_at'])
        .where('address', '=', address)
        .executeTakeFirstOrThrow();
    assert.equal((await state(receiver.url)).confirmed_at, null, 'pending after the sign-up');
    const verifyJobs = await store.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'status.webhook-verify')
      .where('status', '=', 'pending')
      .execute();
    assert.equal(verifyJobs.length, 2, 'the verification is queued with the subscription');

    // An outage while both are pending: neither hears of it.
    const outage = await recordOutage(ctx, {
      componentId,
      start: '2026-03-01T08:00:00+01:00',
      publicText: 'Treg innlogging.',
    });
    await drain();
    assert.deepEqual(
      receivedEvents().map((e) => e.type),
      ['no.niva.status.subscription.verify'],
      'only the verification request, signed with the secret shown',
    );
    assert.equal(receivedEvents()[0]?.data.challenge?.length, 43);
    assert.notEqual((await state(receiver.url)).confirmed_at, null, 'active once the challenge was echoed');
    assert.deepEqual(
      receivedEvents(silent, silentSecret).map((e) => e.type),
      ['no.niva.status.subscription.verify'],
    );
    assert.equal((await state(silent.url)).confirmed_at, null, 'a 200 without the challenge does not verify');

    await endOutage(ctx, { id: outage.id, end: '2026-03-01T08:20:00+01:00' });
    await drain();
    assert.deepEqual(
      receivedEvents().map((e) => e.type),
      ['no.niva.status.subscription.verify', 'no.niva.status.outage-ended'],
      'notices once active',
    );
    assert.equal(silent.deliveries.length, 1, 'still nothing for the pending one');
    receiver.deliveries.length = 0;
  });

  it('refuses sign-ups of webhooks that point into local or private networks', async () => {
    // No NIVA_OUTBOUND_ALLOW here, as in production.
    const { app: strict } = createTestApp(store, { publicUrl });
    const before = await store.db.selectFrom('status_subscriptions').select('id').execute();
    for (const address of [
      'http://example.com/hook',
      'http://0x7f000001:6379/',
      'http://127.1:8090/',
      'http://2130706433/',
      'http://[::1]:8090/',
      'https://10.0.0.5/',
      'https://[fd00::1]/',
      'https://169.254.169.254/latest/meta-data/',
      'https://localhost/hook',
    ]) {
      const response = await signUp(strict, { kind: 'webhook', address, locale: 'en' });
      assert.equal(response.status, 400, address);
      const html = await response.text();
      assert.match(html, /private or local network address|plain http:\/\/ is not allowed/, address);
    }
    assert.equal(
      (await store.db.selectFrom('status_subscriptions').select('id').execute()).length,
      before.length,
      'nothing stored, nothing queued',
    );
  });

  it('confirms an e-mail address through the link in the confirmation mail', async () => {
    assert.equal((await signUp(app, { kind: 'email', address: subscriber, locale: 'nb' })).status, 200);
    assert.equal((await signUp(app, { kind: 'email', address: unconfirmed, locale: 'en' })).status, 200);
    assert.equal((await signUp(app, { kind: 'email', address: 'not-an-address', locale: 'nb' })).status, 400);
    await drain();
    const confirmation = mailsTo(subscriber);
    assert.equal(confirmation.length, 1);
    assert.match(confirmation[0]?.subject ?? '', /Bekreft abonnementet/);
    assert.match(
      mailsTo(unconfirmed)[0]?.subject ?? '',
      /Confirm your service status subscription/,
      'in the language asked for',
    );

    const confirmLink = link(confirmation[0]?.text, '/status/confirm');
    const confirmed = await app.request(confirmLink);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Abonnementet er bekreftet/);
    assert.equal((await app.request(confirmLink)).status, 200, 'following the link again is harmless');
    assert.equal((await app.request(`${publicUrl}/status/confirm?token=${'x'.repeat(43)}`)).status, 404);
  });

  it('announces published maintenance to confirmed subscribers, by e-mail once and by signed CloudEvent', async () => {
    const planned = await planMaintenance(ctx, {
      componentId,
      kind: 'maintenance',
      title: 'Oppgradering av database',
      publicText: 'Innlogging kan feile i perioden.',
      start: '2026-03-20T22:00:00+01:00',
      end: '2026-03-20T23:00:00+01:00',
    });
    await drain();
    assert.equal(mailsTo(subscriber).length, 1, 'a draft is not announced');
    await publishMaintenance(ctx, { id: planned.id });
    await drain();

    const notices = mailsTo(subscriber).slice(1);
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.subject ?? '', /Planlagt vedlikehold: Autentisering – Oppgradering av database/);
    assert.ok(notices[0]?.text.includes('Innlogging kan feile i perioden.'));
    link(notices[0]?.text, '/status/unsubscribe');
    assert.equal(mailsTo(unconfirmed).length, 1, 'an unconfirmed address gets only its confirmation mail');

    const events = receivedEvents();
    assert.deepEqual(
      events.map((e) => [e.id, e.type]),
      [[`${planned.id}:maintenance-published`, 'no.niva.status.maintenance-published']],
    );
    assert.equal(events[0]?.data.component.name, 'Autentisering');
  });

  it('refuses a tampered unsubscribe link and unsubscribes with a good one, idempotently', async () => {
    const good = link(mailsTo(subscriber)[1]?.text, '/status/unsubscribe');
    const url = new URL(good);
    const sig = url.searchParams.get('sig') ?? '';
    url.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`);
    assert.equal((await app.request(url.toString())).status, 403);
    assert.equal((await app.request(url.toString(), { method: 'POST' })).status, 403);

    const page = await app.request(good);
    assert.equal(page.status, 200);
    assert.match(
      await page.text(),
      /Avslutt abonnementet/,
      'a GET only shows the button: link scanners must not unsubscribe',
    );
    const row = () =>
      store.db
        .selectFrom('status_subscriptions')
        .select('unsubscribed_at')
        .where('address', '=', subscriber)
        .executeTakeFirstOrThrow();
    assert.equal((await row()).unsubscribed_at, null);

    // What a mail client sends for the List-Unsubscribe-Post header (RFC 8058).
    const oneClick = await app.request(good, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(oneClick.status, 200);
    assert.notEqual((await row()).unsubscribed_at, null);
    assert.equal((await app.request(good, { method: 'POST' })).status, 200, 'a second click is fine');

    const outage = await recordOutage(ctx, {
      componentId,
      start: '2026-03-02T09:30:00+01:00',
      publicText: 'Innlogging feiler.',
    });
    await endOutage(ctx, { id: outage.id, end: '2026-03-02T09:50:00+01:00' });
    await drain();
    assert.equal(mailsTo(subscriber).length, 2, 'nothing more after unsubscribing');
    // Jobs of one batch are delivered in parallel, so the arrival order is not part of the contract (each event has its time).
    assert.deepEqual(
      receivedEvents()
        .map((e) => e.type)
        .sort(),
      ['no.niva.status.maintenance-published', 'no.niva.status.outage-ended', 'no.niva.status.outage-started'],
    );
  });

  it('answers the eleventh sign-up from one address within the hour with 429', async () => {
    const { app: fresh } = createTestApp(store, { publicUrl });
    for (let i = 0; i < 10; i++)
      assert.equal(
        (await signUp(fresh, { kind: 'email', address: `rate${i}@etat.test.niva.no`, locale: 'nb' })).status,
        200,
      );
    const refused = await signUp(fresh, { kind: 'email', address: 'rate10@etat.test.niva.no', locale: 'nb' });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });

  it('ends a webhook never verified within its window, and stops trying it', async () => {
    const tries = silent.deliveries.length;
    clock.advance(webhookVerificationWindowMs);
    assert.equal(await expirePendingWebhooks(ctx), 1);
    const row = await store.db
      .selectFrom('status_subscriptions')
      .select(['confirmed_at', 'unsubscribed_at'])
      .where('address', '=', silent.url)
      .executeTakeFirstOrThrow();
    assert.equal(row.confirmed_at, null);
    assert.notEqual(row.unsubscribed_at, null);
    await drain();
    assert.equal(silent.deliveries.length, tries, 'its verification job gives up without asking again');
    assert.equal(await expirePendingWebhooks(ctx), 0, 'once');
  });
});
