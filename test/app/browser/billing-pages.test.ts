// The billing pages in a real browser on a 320 px wide screen: the operator's admin walks the year, a billing run's
// preview and refusal, a statement, an owner's overview and the financing scenarios; an owner reads its own. axe
// checks every page against WCAG 2.1 A/AA, and no page scrolls sideways (wide tables scroll in their own box).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
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

const narrow = { width: 320, height: 640 };
let session: BrowserSession | null = null;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

/** Axe finds nothing serious, and the page is no wider than the screen. */
async function checkNarrow(page: Page, label: string): Promise<void> {
  await checkAccessibility(page, `${label} at 320 px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow} px at 320 px`);
}

async function submit(page: Page, button: string, url: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), page.getByRole('button', { name: button, exact: true }).click()]);
}

void test('the operator admin walks billing on a 320 px screen', { timeout: 180_000 }, async (t) => {
  const s = sessionOrSkip(t, session);
  if (!s) return;
  const page = await newPage(s, narrow);
  try {
    await logIn(page, 'admin@asf.demo.niva.no');
    await visit(page, '/billing');
    assert.equal(await heading(page), 'Fakturering');
    await checkNarrow(page, 'the billing year');

    await page.getByRole('form', { name: 'Velg år' }).getByLabel('År').selectOption('2025');
    await submit(page, 'Vis', (url) => url.searchParams.get('year') === '2025');
    assert.equal(await page.getByRole('table', { name: /^Fakturaer og kreditnotaer i 2025/ }).count(), 1);
    await checkNarrow(page, 'the billing year 2025');

    // A preview of the third quarter of 2026 (its months are closed in the demo) issues nothing.
    const runForm = page.locator('form[action="/billing/runs"]');
    await runForm.getByLabel('År').selectOption('2026');
    await runForm.getByLabel('Periode').selectOption('3');
    assert.equal(await runForm.getByLabel('Bare forhåndsvisning (utsteder ingenting)').isChecked(), true);
    await submit(page, 'Kjør fakturering', (url) => url.pathname === '/billing/runs');
    assert.equal(await page.getByRole('heading', { name: 'Forhåndsvisning', exact: true }).count(), 1);
    assert.match((await page.getByRole('status').textContent()) ?? '', /ingenting er utstedt/);
    await checkNarrow(page, 'a billing preview');

    // A period whose months are not all closed is refused beside its field.
    await page.locator('form[action="/billing/runs"]').getByLabel('Periode').selectOption('');
    await submit(page, 'Kjør fakturering', (url) => url.pathname === '/billing/runs');
    assert.match(
      (await page.locator('#run-year-error').textContent()) ?? '',
      /^Bruksmåneder som ikke er lukket: 2026-\d\d/,
    );
    await checkNarrow(page, 'a refused billing run');

    await visit(page, '/billing?year=2025');
    const statement = page
      .getByRole('table', { name: /^Fakturaer og kreditnotaer i 2025/ })
      .getByRole('link')
      .first();
    const number = ((await statement.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL((url) => url.pathname === `/billing/statements/${number}`), statement.click()]);
    assert.match(await heading(page), new RegExp(`^(Faktura|Kreditnota) ${number}$`));
    assert.equal(await page.getByRole('table', { name: `Linjene i ${number}` }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'EHF (Peppol BIS 3.0)' }).count(), 1);
    await checkNarrow(page, 'a statement');

    await visit(page, '/billing/owners/nav?year=2025');
    assert.equal(await heading(page), 'Fakturering for Arbeids- og velferdsetaten (NAV)');
    await checkNarrow(page, "an owner's overview");

    await visit(page, '/billing?year=2026');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/billing/scenarios'),
      page.getByRole('link', { name: 'Sammenlign finansieringsalternativene' }).click(),
    ]);
    await page.getByLabel('Økt behov (MNOK)').fill('60');
    await page.getByLabel('Vekst for Digital post (%)').fill('5');
    await submit(page, 'Beregn', (url) => url.searchParams.get('extraNeedMnok') === '60');
    assert.equal(await page.getByRole('img', { name: /^Sentral finansiering og tjenesteeiernes andel/ }).count(), 1);
    assert.equal(await page.getByRole('table', { name: /^Finansieringsalternativene i millioner kroner/ }).count(), 1);
    await checkNarrow(page, 'the financing scenarios');

    await page.getByLabel('Vekst for Digital post (%)').fill('mye');
    await submit(page, 'Beregn', (url) => url.searchParams.get('growth.digital-post') === 'mye');
    assert.match(
      (await page.locator('#f-growth-digital-post-error').textContent()) ?? '',
      /^Oppgi en prosent mellom −100 og 1000/,
    );
    await checkNarrow(page, 'a scenario question with an error');
  } finally {
    await page.context().close();
  }
});

void test(
  'an owner reads its own billing on a 320 px screen, and not another owner’s',
  { timeout: 120_000 },
  async (t) => {
    const s = sessionOrSkip(t, session);
    if (!s) return;
    const page = await newPage(s, narrow);
    try {
      await logIn(page, 'admin@nav.demo.niva.no');
      await Promise.all([page.waitForURL((url) => url.pathname === '/billing/owners/nav'), page.goto('/billing')]);
      assert.equal(await heading(page), 'Fakturering for Arbeids- og velferdsetaten (NAV)');
      await checkNarrow(page, 'an owner on its own overview');
      const statement = page
        .getByRole('table', { name: /^Fakturaer og kreditnotaer til/ })
        .getByRole('link')
        .first();
      await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/billing/statements/')), statement.click()]);
      await checkNarrow(page, 'an owner on its own statement');
      assert.equal(pathOf(page).startsWith('/billing/statements/'), true);
      await visit(page, '/billing/owners/skd', 404);
      await visit(page, '/billing/scenarios', 403);
    } finally {
      await page.context().close();
    }
  },
);
