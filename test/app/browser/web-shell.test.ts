// The web shell in a real browser: the server runs as a child process over its own database, Chromium drives it,
// and axe-core checks every page visited against WCAG 2.1 A/AA.
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { receiveCaseMail } from '../../../src/modules/mail-in/services/receive-case-mail.ts';
import { systemContext } from '../../helpers/factories.ts';
import {
  type BrowserSession,
  checkAccessibility,
  heading,
  logIn,
  newPage as openPage,
  pathOf,
  sessionOrSkip,
  startBrowserSession,
  visit,
} from '../../helpers/browser.ts';

let session: BrowserSession | null = null;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

/** The browser is a prerequisite: without it the tests skip, or fail when NIVA_REQUIRE_BROWSER=1 demands it. */
function browserOrSkip(t: TestContext): Browser | null {
  return sessionOrSkip(t, session)?.browser ?? null;
}

async function newPage(_browser: Browser): Promise<Page> {
  if (!session) throw new Error('no browser session');
  return openPage(session);
}

async function switchLanguage(page: Page, label: string, lang: string): Promise<void> {
  const link = page
    .getByRole('navigation', { name: /^(Språk|Language)$/ })
    .getByRole('link', { name: label, exact: true });
  await Promise.all([page.waitForURL((url) => url.searchParams.get('lang') === lang), link.click()]);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  await checkAccessibility(page, `/ in ${lang}`);
}

void test(
  'an operator admin logs in, switches language, browses the shell and logs out',
  { timeout: 180_000 },
  async (t) => {
    const b = browserOrSkip(t);
    if (!b) return;
    const page = await newPage(b);
    try {
      await logIn(page, 'admin@asf.demo.niva.no');
      assert.equal(await heading(page), 'Oversikt over tjenesteeiere');
      assert.equal(
        await page.getByRole('link', { name: 'Skatteetaten', exact: true }).count(),
        1,
        'Skatteetaten is listed',
      );
      await checkAccessibility(page, 'operator home');

      await switchLanguage(page, 'Nynorsk', 'nn');
      assert.equal(await heading(page), 'Oversikt over tenesteeigarar');
      await switchLanguage(page, 'English', 'en');
      assert.equal(await heading(page), 'Service owners at a glance');
      await switchLanguage(page, 'Bokmål', 'nb');
      assert.equal(await heading(page), 'Oversikt over tjenesteeiere');

      await visit(page, '/organisations');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/organisations/skd'),
        page.getByRole('link', { name: 'Skatteetaten', exact: true }).click(),
      ]);
      assert.equal(await heading(page), 'Skatteetaten');
      assert.equal(
        await page.locator('main dd', { hasText: '974761076' }).count(),
        1,
        'the organisation number is shown',
      );
      await checkAccessibility(page, 'organisation Skatteetaten');

      for (const path of ['/users', '/tokens', '/audit', '/jobs']) await visit(page, path);

      await Promise.all([
        page.waitForURL((url) => url.pathname === '/login'),
        page.getByRole('button', { name: 'Logg ut', exact: true }).click(),
      ]);
      assert.equal(await heading(page), 'Logg inn i Nivå');
      await checkAccessibility(page, 'login after logout');
      await visit(page, '/');
      assert.equal(pathOf(page), '/login', 'a signed-out visit to / ends at the login page');
    } finally {
      await page.context().close();
    }
  },
);

void test('a service-owner member sees only its own organisation', { timeout: 120_000 }, async (t) => {
  const b = browserOrSkip(t);
  if (!b) return;
  const page = await newPage(b);
  try {
    await logIn(page, 'medarbeider@skd.demo.niva.no');
    assert.equal(await heading(page), 'Oversikt for Skatteetaten');
    await checkAccessibility(page, 'owner home');

    await visit(page, '/organisations');
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Skatteetaten/);
    assert.doesNotMatch(main, /Arbeids- og velferdsetaten|\bNAV\b/, 'another owner is not listed');

    await visit(page, '/organisations/nav', 404);
    assert.equal(await heading(page), 'Fant ikke siden');
  } finally {
    await page.context().close();
  }
});

void test(
  'an owner reports a C incident through the form and the service desk starts work on it',
  { timeout: 180_000 },
  async (t) => {
    const b = browserOrSkip(t);
    if (!b) return;
    const title = `Kvitteringen mangler logo ${Date.now()}`;
    let reference = '';
    const owner = await newPage(b);
    try {
      await logIn(owner, 'medarbeider@skd.demo.niva.no');
      await Promise.all([
        owner.waitForURL((url) => url.pathname === '/cases'),
        owner.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker', exact: true }).click(),
      ]);
      await checkAccessibility(owner, 'owner case queue');
      await Promise.all([
        owner.waitForURL((url) => url.pathname === '/cases/new'),
        owner.getByRole('link', { name: 'Meld ny sak', exact: true }).click(),
      ]);
      await checkAccessibility(owner, 'new-case form');
      await owner.locator('#f-kind').selectOption('incident');
      await owner.getByRole('radio', { name: 'C – Mindre alvorlig' }).check();
      await owner.getByRole('checkbox', { name: /Det finnes en midlertidig løsning/ }).check();
      await owner.locator('#f-title').fill(title);
      await owner.locator('#f-description').fill('Logoen vises ikke på kvitteringen etter innsending.');
      await Promise.all([
        owner.waitForURL((url) => /^\/cases\/NIVA-\d+$/.test(url.pathname)),
        owner.getByRole('button', { name: 'Send inn', exact: true }).click(),
      ]);
      reference = pathOf(owner).split('/')[2] ?? '';
      assert.equal(await heading(owner), `${reference}: ${title}`);
      assert.equal(await owner.getByRole('status').filter({ hasText: 'Saken er registrert.' }).count(), 1);
      assert.equal(
        await owner.locator('[data-policy="incident-c-resolve"] [data-clock-state="running"]').count(),
        1,
        'the C clock runs',
      );
      await checkAccessibility(owner, 'case page (owner)');
    } finally {
      await owner.context().close();
    }

    const agent = await newPage(b);
    try {
      await logIn(agent, 'agent@asf.demo.niva.no');
      await visit(agent, '/cases?org=skd&kind=incident&category=C');
      await Promise.all([
        agent.waitForURL((url) => url.pathname === `/cases/${reference}`),
        agent.getByRole('link', { name: reference, exact: true }).click(),
      ]);
      await checkAccessibility(agent, 'case page (agent)');
      await Promise.all([
        agent.waitForURL((url) => url.searchParams.get('done') === 'event'),
        agent.getByRole('button', { name: 'Start arbeidet', exact: true }).click(),
      ]);
      assert.equal(await agent.locator('[data-event="work-started"]').count(), 1, 'the timeline shows the start');
      assert.equal(
        await agent.getByRole('button', { name: 'Start arbeidet', exact: true }).count(),
        0,
        'work starts once',
      );
      assert.match((await agent.locator('main dl').textContent()) ?? '', /Under arbeid/);
      await agent.getByLabel('Kommentar', { exact: true }).fill('Logoen mangler i malen; retting planlagt.');
      await agent.getByRole('checkbox', { name: /Intern merknad/ }).check();
      await Promise.all([
        agent.waitForURL((url) => url.searchParams.get('done') === 'event'),
        agent.getByRole('button', { name: 'Legg til kommentar', exact: true }).click(),
      ]);
      assert.equal(
        await agent.locator('[data-visibility="internal"]', { hasText: 'Intern' }).count(),
        1,
        'the internal note is marked',
      );
      await checkAccessibility(agent, 'case page with an internal note');
      await visit(agent, '/cases/new');
    } finally {
      await agent.context().close();
    }
  },
);

void test('the service desk reads a quarantined message from an unknown sender', { timeout: 120_000 }, async (t) => {
  const b = browserOrSkip(t);
  if (!b) return;
  assert.ok(session, 'the test database was not created');
  const subject = `Spørsmål om innlogging ${Date.now()}`;
  const raw = Buffer.from(
    `From: Ola Ukjent <ola@example.com>\r\nTo: servicedesk@niva.test\r\nSubject: ${subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVi kommer ikke inn i tjenesten.\r\nHilsen Ola\r\n`,
  );
  const received = await receiveCaseMail(systemContext(session.store), { raw });
  assert.equal(received.outcome, 'quarantined');
  const page = await newPage(b);
  try {
    await logIn(page, 'agent@asf.demo.niva.no');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/mail-quarantine'),
      page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Innboks-karantene', exact: true })
        .click(),
    ]);
    assert.equal(await heading(page), 'Innboks-karantene');
    await checkAccessibility(page, 'mail quarantine list');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/mail-quarantine/${received.quarantineId ?? ''}`),
      page.getByRole('link', { name: subject, exact: true }).click(),
    ]);
    assert.equal(await heading(page), subject);
    assert.match((await page.locator('main pre').textContent()) ?? '', /Vi kommer ikke inn i tjenesten\./);
    assert.equal(
      await page.getByRole('button', { name: 'Opprett sak', exact: true }).count(),
      1,
      'a pending message can be accepted',
    );
    await checkAccessibility(page, 'quarantined message');
  } finally {
    await page.context().close();
  }
});

void test('an anonymous visitor reads the public status page and its feed', { timeout: 120_000 }, async (t) => {
  const b = browserOrSkip(t);
  if (!b) return;
  const page = await newPage(b);
  try {
    await visit(page, '/status');
    assert.equal(pathOf(page), '/status', 'no login is asked for');
    assert.equal(await heading(page), 'Driftsstatus');
    await visit(page, '/status?lang=en');
    assert.equal(await heading(page), 'System status');
    // The browser's own XML parser is strict: a malformed feed yields a parsererror document.
    const feed = await page.evaluate(async () => {
      const xml = await (await fetch('/status/feed.atom')).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        id: doc.documentElement.getElementsByTagName('id').length,
      };
    });
    assert.equal(feed.error, 0, 'the Atom feed is well-formed XML');
    assert.equal(feed.root, 'feed');
    assert.ok(feed.id >= 1, 'the feed has an id');
  } finally {
    await page.context().close();
  }
});

void test(
  'the service desk reads availability and a component page with its forms',
  { timeout: 120_000 },
  async (t) => {
    const b = browserOrSkip(t);
    if (!b) return;
    const page = await newPage(b);
    try {
      await logIn(page, 'agent@asf.demo.niva.no');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/availability'),
        page
          .getByRole('navigation', { name: 'Hovedmeny' })
          .getByRole('link', { name: 'Tilgjengelighet', exact: true })
          .click(),
      ]);
      assert.equal(await heading(page), 'Tilgjengelighet');
      await checkAccessibility(page, 'availability list');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/availability/platform-apis'),
        page.getByRole('link', { name: 'Plattform-API-er', exact: true }).click(),
      ]);
      assert.equal(await heading(page), 'Plattform-API-er');
      assert.equal(
        await page.getByRole('img', { name: 'Tilgjengelighet per måned for Plattform-API-er' }).count(),
        1,
        'the chart is one named image',
      );
      assert.equal(
        await page.getByRole('button', { name: 'Registrer driftsavbrudd', exact: true }).count(),
        1,
        'the agent may record an outage',
      );
      await checkAccessibility(page, 'availability of a component (agent)');
    } finally {
      await page.context().close();
    }
  },
);

void test('an owner reads the support figures of January and February 2026', { timeout: 120_000 }, async (t) => {
  const b = browserOrSkip(t);
  if (!b) return;
  const page = await newPage(b);
  try {
    await logIn(page, 'medarbeider@skd.demo.niva.no');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/support'),
      page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Brukerstøtte', exact: true })
        .click(),
    ]);
    await visit(page, '/support?year=2026&weeksOf=2026-02');
    const text = await page.locator('main').innerText();
    for (const figure of ['289', '270', '87', '86', '6652', '5588', '1649', '1244'])
      assert.match(text.replace(/\u00a0| /g, ''), new RegExp(figure), figure);
    await checkAccessibility(page, 'support KPIs (owner)');
  } finally {
    await page.context().close();
  }
});

void test(
  'the service desk reads the February 2026 service report, an owner its own',
  { timeout: 180_000 },
  async (t) => {
    const b = browserOrSkip(t);
    if (!b) return;
    const page = await newPage(b);
    try {
      await logIn(page, 'agent@asf.demo.niva.no');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/reports'),
        page
          .getByRole('navigation', { name: 'Hovedmeny' })
          .getByRole('link', { name: 'Servicerapport', exact: true })
          .click(),
      ]);
      await visit(page, '/reports?month=2026-02');
      assert.equal(await heading(page), 'Servicerapport februar 2026');
      assert.equal(
        await page.getByRole('img', { name: 'Meldingstjeneste – meldinger sendt ut' }).count(),
        1,
        'each chart is one named image',
      );
      assert.equal(await page.getByRole('table', { name: /^Avtalekrav februar 2026/ }).count(), 1);
      await checkAccessibility(page, 'service report (agent)');
    } finally {
      await page.context().close();
    }
    const owner = await newPage(b);
    try {
      await logIn(owner, 'medarbeider@skd.demo.niva.no');
      await visit(owner, '/reports?month=2026-02&owner=skd');
      assert.match(await owner.locator('main').innerText(), /Andel av plattformens tall for februar 2026/);
      await checkAccessibility(owner, 'service report (owner)');
    } finally {
      await owner.context().close();
    }
  },
);
