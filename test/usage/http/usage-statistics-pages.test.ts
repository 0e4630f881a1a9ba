import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: Session;
let owner: Session;

async function get(session: Session, path: string): Promise<Response> {
  return app.request(path, { headers: { cookie: session.cookie } });
}

async function html(session: Session, path: string): Promise<string> {
  const response = await get(session, path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
}

/** The cells of one row of the table with the given class, as text. */
function rowCells(page: string, tableClass: string, year: number): string[] {
  const table = new RegExp(`<table[^>]*${tableClass}.*?</table>`, 's').exec(page)?.[0] ?? '';
  const row = new RegExp(`<tr[^>]*data-year="${year}".*?</tr>`, 's').exec(table)?.[0] ?? '';
  return [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) =>
    (m[1] ?? '').replace(/<span aria-hidden="true">–<\/span><span class="ds-sr-only">([^<]*)<\/span>/, '–($1)'),
  );
}

const nbsp = '\u00a0';

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  owner = await logIn(app, a.users['owner-member'].email, testPassword);
  // The test clock is March 2026, so the page shows 2023–2026.
  await insertUsageRows(store, {
    daily: [
      { metric: 'messages_sent', day: '2026-01-05', ownerId: a.organisation.id, count: 1_234_567 },
      { metric: 'messages_sent', day: '2026-01-06', ownerId: b.organisation.id, count: 98_765 },
      { metric: 'messages_sent', day: '2026-02-01', count: 500 },
    ],
    imports: [
      { metric: 'messages_sent', month: '2025-01', ownerId: a.organisation.id, count: 1_000_000 },
      { metric: 'messages_sent', month: '2023-12', ownerId: b.organisation.id, count: 4_444 },
    ],
  });
});
after(() => store.destroy());

describe('statistics page', () => {
  it('shows the operator the platform table for four years, the change and the chart, linked from the menu', async () => {
    const page = await html(agent, '/statistics');
    assert.match(page, /<a[^>]*href="\/statistics"[^>]*>Statistikk<\/a>/);
    assert.match(page, /<select[^>]*name="metric"/);
    assert.equal(
      page
        .match(/<option value="[a-z0-9_]+"/g)
        ?.filter((o) => !o.includes(a.organisation.code) && !o.includes(b.organisation.code)).length,
      7,
    );
    assert.match(page, /<label[^>]*for="f-owner"[^>]*>Tjenesteeier<\/label>/);
    assert.match(page, /<option value=""[^>]*>Hele plattformen<\/option>/);
    assert.match(page, new RegExp(`<option value="${b.organisation.code}"`));
    assert.match(page, /<caption>Meldingstjeneste – meldinger sendt ut per måned og år, Hele plattformen<\/caption>/);
    assert.match(page, /<th scope="col"[^>]*>År<\/th>/);
    const y2026 = rowCells(page, 'niva-usage-table', 2026);
    assert.deepEqual(y2026.slice(0, 4), ['2026', `1${nbsp}333${nbsp}332`, '500', '–(ingen tall)']);
    assert.equal(y2026[13], `1${nbsp}333${nbsp}832`);
    assert.deepEqual(rowCells(page, 'niva-usage-table', 2023)[12], `4${nbsp}444`);
    assert.equal(page.match(/<tr[^>]*data-year=/g)?.length, 5, 'four years and the change row');
    assert.match(page, /Endring fra 2025 til 2026/);
    assert.equal(rowCells(page, 'niva-usage-change', 2026)[1], `+33,3${nbsp}%`);
    assert.match(
      page,
      /<svg[^>]*role="img"[^>]*aria-labelledby="usage-chart-title" aria-describedby="usage-chart-desc"/,
    );
    assert.match(
      page,
      /<title id="usage-chart-title">Meldingstjeneste – meldinger sendt ut per måned, Hele plattformen<\/title>/,
    );
    assert.match(page, /<desc id="usage-chart-desc">Linjediagram med én linje per år \(2023, 2024, 2025, 2026\)/);
    for (const year of [2023, 2024, 2025, 2026])
      assert.match(page, new RegExp(`<text[^>]*>${year}</text>`), `the legend names ${year}`);
    assert.match(page, /<polyline /, 'the months with figures are joined by lines');
    assert.match(
      page,
      /href="\/api\/v1\/usage\/statistics\.csv\?metric=messages_sent&amp;year=2026&amp;years=4&amp;lang=nb"/,
    );
    assert.match(page, /href="\/api\/v1\/usage\/statistics\.xlsx\?/);
  });

  it('lets the operator pick an owner and another metric', async () => {
    const page = await html(agent, `/statistics?metric=messages_sent&owner=${b.organisation.code}`);
    assert.match(page, new RegExp(`<option value="${b.organisation.code}" selected`));
    assert.equal(rowCells(page, 'niva-usage-table', 2026)[1], `98${nbsp}765`);
    assert.match(page, new RegExp(`owner=${b.organisation.code}`));
    const empty = await html(agent, '/statistics?metric=consents');
    assert.match(empty, /<option value="consents" selected/);
    assert.equal(rowCells(empty, 'niva-usage-table', 2026)[13], '–(ingen tall)');
  });

  it('shows an owner only its own figures, with no owner choice', async () => {
    const page = await html(owner, '/statistics');
    assert.doesNotMatch(page, /name="owner"/);
    assert.match(page, new RegExp(`Tallene gjelder ${a.organisation.name}\\.`));
    assert.equal(rowCells(page, 'niva-usage-table', 2026)[1], `1${nbsp}234${nbsp}567`);
    assert.equal(rowCells(page, 'niva-usage-table', 2026)[2], '–(ingen tall)');
    assert.equal(rowCells(page, 'niva-usage-table', 2023)[12], '–(ingen tall)');
    assert.equal(rowCells(page, 'niva-usage-change', 2026)[1], `+23,5${nbsp}%`);
    assert.ok(!page.includes(b.organisation.code) && !page.includes(b.organisation.name));
    assert.ok(!page.includes('98 765') && !page.includes(`98${nbsp}765`));
  });

  it("refuses an owner asking for another owner's figures", async () => {
    const response = await get(owner, `/statistics?owner=${b.organisation.code}`);
    assert.equal(response.status, 404);
    const text = await response.text();
    assert.ok(!text.includes(b.organisation.name));
    assert.ok(!text.includes(`98${nbsp}765`));
  });

  it('speaks nynorsk and English', async () => {
    const nn = await html(agent, '/statistics?lang=nn');
    assert.match(nn, /Heile plattforma/);
    assert.equal(rowCells(nn, 'niva-usage-table', 2026)[1], `1${nbsp}333${nbsp}332`);
    const en = await html(agent, '/statistics?lang=en');
    assert.match(en, /Messaging – messages sent per month and year, The whole platform/);
    assert.equal(rowCells(en, 'niva-usage-table', 2026)[1], '1,333,332');
  });

  it('sends anonymous visitors to the login page', async () => {
    const response = await app.request('/statistics');
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/login\?next=/);
  });
});
