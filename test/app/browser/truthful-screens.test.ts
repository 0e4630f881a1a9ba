// What the screens say must be true, walked in a real browser on a fresh demo with its jobs running and no mail
// server configured: clock tags and time left, the reporter-feedback duty, the month-to-date availability after late
// maintenance, outgoing messages kept for the operator to read, and links that point where the server really is.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { formatInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { outgoingLog } from '../../../src/platform/outgoing/record-outgoing-message.ts';
import {
  type BrowserSession,
  checkAccessibility,
  heading,
  logIn,
  newPage,
  pathOf,
  sessionOrSkip,
  startBrowserSession,
  visit,
} from '../../helpers/browser.ts';

const hour = 3_600_000;
let session: BrowserSession | null = null;

before(async () => {
  session = await startBrowserSession({ NIVA_JOBS: 'on', NIVA_JOB_POLL_MS: '100' });
});

after(async () => {
  await session?.close();
});

/** Registers a case through the service desk's form and returns its reference. */
async function registerByPhone(
  page: Page,
  fields: { kind: string; category?: string; title: string; registeredAt?: string; reporterEmail?: string },
): Promise<string> {
  await visit(page, '/cases/new');
  await page.locator('#f-organisationId').selectOption({ label: 'Skatteetaten' });
  await page.locator('#f-kind').selectOption(fields.kind);
  if (fields.category) await page.locator(`#f-category-${fields.category}`).check();
  await page.locator('#f-title').fill(fields.title);
  await page.locator('#f-description').fill('Meldt på telefon til servicedesken.');
  await page.locator('#f-channel').selectOption('phone');
  await page.locator('#f-reporterName').fill('Kari Melder');
  if (fields.reporterEmail) await page.locator('#f-reporterEmail').fill(fields.reporterEmail);
  if (fields.registeredAt) await page.locator('#f-registeredAt').fill(fields.registeredAt);
  await Promise.all([
    page.waitForURL((url) => /^\/cases\/NIVA-\d+$/.test(url.pathname)),
    page.getByRole('button', { name: /^(Send inn|Registrer)/ }).click(),
  ]);
  return pathOf(page).split('/')[2] ?? '';
}

async function act(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'event'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** The latest open day before today in the service desk's calendar, as a local date. */
function previousBusinessDay(now: number): string {
  const desk = builtInCalendars().get('servicedesk');
  assert.ok(desk);
  let t = now - 24 * hour;
  while (desk.openTimeBetween(t - (t % (24 * hour)), t - (t % (24 * hour)) + 24 * hour) === 0) t -= 24 * hour;
  return formatInstant(t).slice(0, 10);
}

void test(
  'clocks due at the same minute carry the same tag, and time left names its unit',
  { timeout: 180_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const page = await newPage(s);
    try {
      await logIn(page, 'agent@asf.demo.niva.no');
      const day = previousBusinessDay(Date.now());
      const stamp = Date.now();
      const morning = await registerByPhone(page, {
        kind: 'incident',
        category: 'C',
        title: `Morgensak ${stamp}`,
        registeredAt: `${day}T08:00`,
      });
      const afternoon = await registerByPhone(page, {
        kind: 'incident',
        category: 'C',
        title: `Ettermiddagssak ${stamp}`,
        registeredAt: `${day}T14:00`,
      });
      const change = await registerByPhone(page, { kind: 'change-request', title: `Endringsønske ${stamp}` });

      await visit(page, '/cases?org=skd');
      const clockOf = (reference: string, policy: string) =>
        page.locator(`tr[data-case="${reference}"] li[data-policy="${policy}"]`);
      const [a, b] = [clockOf(morning, 'incident-c-resolve'), clockOf(afternoon, 'incident-c-resolve')];
      const metaA = (await a.locator('.niva-clocks__meta').textContent()) ?? '';
      const metaB = (await b.locator('.niva-clocks__meta').textContent()) ?? '';
      assert.equal(metaA, metaB, 'the same deadline and the same time left');
      assert.equal(
        await a.locator('[data-clock-state]').getAttribute('data-clock-state'),
        await b.locator('[data-clock-state]').getAttribute('data-clock-state'),
        'the same tag',
      );
      assert.match(metaA, /arbeidstid igjen|fristen gikk ut/, 'time left in working time, with its unit named');
      const changeMeta =
        (await clockOf(change, 'change-request-feedback').locator('.niva-clocks__meta').textContent()) ?? '';
      assert.match(
        changeMeta,
        /Frist: innen utgangen av \d+\. \w+/,
        'a midnight deadline is the end of the day before',
      );
      assert.match(changeMeta, /\d+ virkedager \d+ t igjen/, 'days past 24 hours');
      assert.doesNotMatch(changeMeta, /\d{3} t/, 'never hundreds of hours');
      const groups = await page.locator('tr.niva-queue__group').allTextContents();
      assert.ok(groups.length > 0, 'the queue is grouped');
      if (groups.includes('Frist passert')) assert.equal(groups[0], 'Frist passert', 'breached first, as a group');
      await checkAccessibility(page, 'grouped queue');
    } finally {
      await page.context().close();
    }
  },
);

void test(
  'the feedback duty keeps a resolved case in the queue until it is met, and the demo delivers its mail',
  { timeout: 180_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const page = await newPage(s);
    try {
      await logIn(page, 'agent@asf.demo.niva.no');
      const stamp = Date.now();
      // Reported by phone with no e-mail address: the status must be given another way.
      const silent = await registerByPhone(page, { kind: 'incident', category: 'B', title: `Uten e-post ${stamp}` });
      await act(page, 'Start arbeidet');
      await page.getByRole('heading', { name: 'Løs saken' }).waitFor();
      await page.locator('#f-resolved-body').fill('Rettet konfigurasjonen.');
      await act(page, 'Løs saken');
      const duty = page.locator('tr[data-policy="incident-feedback"]');
      assert.equal(await duty.locator('[data-clock-state]').textContent(), 'Tilbakemelding gjenstår');
      assert.match((await duty.textContent()) ?? '', /skal gis før saken lukkes/);
      assert.match((await page.locator('[data-notice-state="no-address"]').textContent()) ?? '', /ingen e-postadresse/);
      await checkAccessibility(page, 'resolved case owing feedback');

      await visit(page, '/cases?org=skd');
      assert.equal(
        await page.locator(`tr[data-case="${silent}"][data-group="owed"]`).count(),
        1,
        'the resolved case owing feedback is in the default queue, in its own group',
      );

      await visit(page, `/cases/${silent}`);
      await page.locator('#f-feedback-given-channel').selectOption('phone');
      await page.locator('#f-feedback-given-body').fill('Ringte Kari og forklarte at feilen er rettet.');
      await act(page, 'Gi tilbakemelding');
      assert.equal(await duty.locator('[data-clock-state]').getAttribute('data-clock-state'), 'met');
      assert.match((await page.locator('[data-event="feedback-given"]').textContent()) ?? '', /Kanal: Telefon/);
      await visit(page, '/cases?org=skd');
      assert.equal(await page.locator(`tr[data-case="${silent}"]`).count(), 0, 'met: it leaves the queue');

      // Reported with an address: the resolution e-mail is the feedback, kept by the development transport.
      const mailed = await registerByPhone(page, {
        kind: 'incident',
        category: 'C',
        title: `Med e-post ${stamp}`,
        reporterEmail: 'kari.melder@example.no',
      });
      await page.locator('#f-resolved-body').fill('Ny versjon er lagt ut.');
      await act(page, 'Løs saken');
      await expectEventually(page, `/cases/${mailed}`, '[data-notice-state="sent"]');
      assert.equal(await duty.locator('[data-clock-state]').getAttribute('data-clock-state'), 'met');
    } finally {
      await page.context().close();
    }

    const admin = await newPage(s);
    try {
      await logIn(admin, 'admin@asf.demo.niva.no');
      await visit(admin, '/outgoing');
      assert.match(await heading(admin), /Utgående meldinger/);
      assert.ok(
        (await admin.getByText('kari.melder@example.no').count()) > 0,
        'the kept resolution e-mail is listed with its recipient',
      );
    } finally {
      await admin.context().close();
    }
  },
);

void test(
  'maintenance published too late for work still ahead leaves the month-to-date figure as it was',
  { timeout: 180_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const page = await newPage(s);
    try {
      await logIn(page, 'admin@asf.demo.niva.no');
      await visit(page, '/availability');
      const code = await page.locator('tr[data-component]').first().getAttribute('data-component');
      assert.ok(code, 'the demo has components');
      const row = page.locator(`tr[data-component="${code}"]`);
      const before = ((await row.locator('[data-figure]').textContent()) ?? '').replace(/\s+/g, ' ');
      const verdictBefore = (await row.locator('td').nth(4).textContent()) ?? '';
      assert.equal(await row.locator('[data-figure]').getAttribute('data-progress'), 'to-date');
      assert.match(
        (await page.locator('caption').first().textContent()) ?? '',
        /hittil/,
        'the month in progress is labelled as counted so far',
      );

      // Tomorrow 22:00–23:00: far too late for five business days' notice, so it will count as downtime when it
      // happens, but it has not happened.
      const tomorrow = formatInstant(Date.now() + 24 * hour).slice(0, 10);
      await visit(page, `/availability/${encodeURIComponent(code)}`);
      await page.locator('#f-kind').selectOption('maintenance');
      await page.locator('#f-title').fill('Oppgradering av databasen');
      await page.locator('#plan-start').fill(`${tomorrow}T22:00`);
      await page.locator('#plan-end').fill(`${tomorrow}T23:00`);
      await page.locator('#plan-publicText').fill('Tjenesten kan være utilgjengelig i inntil en time.');
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/availability/${code}`),
        page.getByRole('button', { name: 'Lagre som utkast', exact: true }).click(),
      ]);
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Kunngjør nå (for sent)', exact: true }).first().click(),
      ]);
      await checkAccessibility(page, 'component page with late maintenance ahead');

      await visit(page, '/availability');
      const after = ((await row.locator('[data-figure]').textContent()) ?? '').replace(/\s+/g, ' ');
      const figureOf = (text: string) => /\d+,\d+ %/.exec(text)?.[0];
      assert.equal(figureOf(after), figureOf(before), 'work ahead is neither up nor down yet');
      assert.equal(
        (await row.locator('td').nth(4).textContent()) ?? '',
        verdictBefore,
        'nor does it decide the target',
      );
      if (tomorrow.slice(0, 7) === formatInstant(Date.now()).slice(0, 7) && figureOf(before) === '100,00 %')
        assert.match(after, /Fremskrevet/, 'what the late work would do is shown apart, labelled a projection');
    } finally {
      await page.context().close();
    }
  },
);

/** Reloads a page until a selector appears: the job that sends the e-mail runs beside the request. */
async function expectEventually(page: Page, path: string, selector: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.goto(path);
    if ((await page.locator(selector).count()) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`${selector} never appeared on ${path}`);
}

void test('links point to where the server really listens', { timeout: 60_000 }, async (t) => {
  const s = sessionOrSkip(t, session);
  if (!s) return;
  const response = await fetch(`${s.baseUrl}/status.json`);
  assert.equal(response.status, 200);
  const text = await response.text();
  assert.match(text, new RegExp(`http://localhost:${s.port}/`), 'the public URL follows the port');
  assert.doesNotMatch(text, /localhost:8080/);
});

/** Whether the page is wider than its window, i.e. scrolls sideways. */
function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

void test(
  'the service desk reads the outgoing messages, on a wide and on a 320 px screen',
  { timeout: 120_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const log = outgoingLog(s.store.db, { id: 'browser-job', kind: 'case.email' });
    const subject = `[NIVA-9999] Løst: Innsendingen feilet for https://etat.example.no/tjenester/innsending ${Date.now()}`;
    const mail = await log.record({
      kind: 'email',
      to: ['melder-med-en-lang-adresse@etaten-med-et-langt-navn.example.no'],
      subject,
      body: `Saken er løst.\n\nhttps://niva.example.no/cases/NIVA-9999?fane=tidslinje-og-hendelser-i-rekkefolge\n`,
      html: '<p style="font-family: sans-serif">Saken er <strong>løst</strong>.</p>',
      headers: { From: 'Nivå <noreply@niva.localhost>' },
      outcome: 'kept',
      at: Date.now(),
    });
    await log.record({
      kind: 'webhook',
      to: 'https://hooks.etaten-med-et-langt-navn.example.no/mottak/niva/hendelser?tilgang=hemmelig',
      subject: 'no.niva.case.resolved',
      body: JSON.stringify({ specversion: '1.0', type: 'no.niva.case.resolved', data: { reference: 'NIVA-9999' } }),
      headers: { 'content-type': 'application/cloudevents+json', 'niva-signature': 't=1,v1=abc' },
      outcome: 'delivered',
      responseStatus: 200,
      responseBody: 'ok',
      at: Date.now(),
    });
    const page = await newPage(s);
    try {
      await logIn(page, 'agent@asf.demo.niva.no');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/outgoing'),
        page
          .getByRole('navigation', { name: 'Hovedmeny' })
          .getByRole('link', { name: 'Utgående meldinger', exact: true })
          .click(),
      ]);
      assert.equal(await heading(page), 'Utgående meldinger');
      await checkAccessibility(page, 'outgoing messages');
      await page.setViewportSize({ width: 320, height: 640 });
      assert.equal(await overflows(page), false, 'the list fits 320 px (its table scrolls in its own box)');
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/outgoing/${mail}`),
        page.getByRole('link', { name: subject, exact: true }).click(),
      ]);
      assert.equal(await heading(page), subject);
      assert.equal(await page.locator('iframe[sandbox=""]').count(), 1, 'the HTML is shown in an empty sandbox');
      await checkAccessibility(page, 'an outgoing e-mail');
      assert.equal(await overflows(page), false, 'the e-mail fits 320 px');
    } finally {
      await page.context().close();
    }
  },
);
