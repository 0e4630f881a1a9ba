// The figures pages in a real browser: statistics and the support lines' KPIs, as the service desk and an owner read
// them, with axe checking every page against WCAG 2.1 A/AA.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type BrowserSession,
  checkAccessibility,
  heading,
  logIn,
  newPage as openPage,
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

void test('the service desk and an owner read the statistics page', { timeout: 120_000 }, async (t) => {
  const s = sessionOrSkip(t, session);
  if (!s) return;
  const page = await openPage(s);
  try {
    await logIn(page, 'agent@asf.demo.niva.no');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/statistics'),
      page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Statistikk', exact: true })
        .click(),
    ]);
    assert.equal(await heading(page), 'Statistikk');
    assert.equal(
      await page
        .getByRole('img', { name: /^Meldingstjeneste – meldinger sendt ut per måned, Hele plattformen$/ })
        .count(),
      1,
      'the chart is one named image',
    );
    await checkAccessibility(page, 'statistics (agent)');
    await page.getByLabel('Tall', { exact: true }).selectOption('sms_notifications');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('metric') === 'sms_notifications'),
      page.getByRole('button', { name: 'Vis', exact: true }).click(),
    ]);
    assert.equal(await page.getByRole('table', { name: /^Varslingstjeneste – SMS per måned og år/ }).count(), 1);
  } finally {
    await page.context().close();
  }
  const owner = await openPage(s);
  try {
    await logIn(owner, 'medarbeider@skd.demo.niva.no');
    await visit(owner, '/statistics');
    assert.equal(await owner.getByLabel('Tjenesteeier').count(), 0, 'an owner has no owner choice');
  } finally {
    await owner.context().close();
  }
});
