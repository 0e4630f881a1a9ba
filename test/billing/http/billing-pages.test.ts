// The billing pages over the demo (seeded on 2 March 2026: 2025 billed with one correction, 2026 planned under
// alternative 2), as the operator's admin, its service desk and owners read them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listStatements } from '../../../src/modules/billing/services/billing-statements.ts';
import { billingSummary } from '../../../src/modules/billing/services/billing-summary.ts';
import { formatOre } from '../../../src/modules/billing/web/billing-money.ts';
import { adjustUsage } from '../../../src/modules/usage/services/adjust-usage.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { systemContext, testEpoch } from '../../helpers/factories.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import type { TestStore } from '../../helpers/test-store.ts';

const password = 'demo-passord-2026';
let store: TestStore;
let app: TestApp;
let admin: Session;
let agent: Session;
let navAdmin: Session;
let skdMember: Session;

function get(session: Session, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: { cookie: session.cookie } }));
}

async function html(session: Session, path: string, status = 200): Promise<string> {
  const response = await get(session, path);
  assert.equal(response.status, status, `GET ${path}`);
  return response.text();
}

function post(session: Session, path: string, fields: Record<string, string>, csrf = session.csrf): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
    }),
  );
}

/** The page's text without tags, runs of white space as one (no-break spaces kept: the figures are written with them). */
function textOf(page: string): string {
  return page
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/[ \t\r\n]+/g, ' ');
}

/** The text of each cell of the table row carrying `attribute`. */
function rowCells(page: string, attribute: string): string[] {
  const row = new RegExp(`<tr[^>]*${attribute}[^>]*>.*?</tr>`, 's').exec(page)?.[0] ?? '';
  return [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => textOf(m[1] ?? '').trim());
}

const nbsp = '\u00a0';
const kr = (ore: number) => formatOre(ore, 'nb');

before(async () => {
  store = await createDemoTestStore(testEpoch);
  ({ app } = createTestApp(store));
  admin = await logIn(app, 'admin@asf.demo.niva.no', password);
  agent = await logIn(app, 'agent@asf.demo.niva.no', password);
  navAdmin = await logIn(app, 'admin@nav.demo.niva.no', password);
  skdMember = await logIn(app, 'medarbeider@skd.demo.niva.no', password);
});
after(() => store.destroy());

describe('the billing entry', () => {
  it("shows the operator the year's summary, its periods, statements and owners, linked from the menu", async () => {
    const page = await html(admin, '/billing?year=2025');
    assert.match(page, /<a href="\/billing" aria-current="page">Fakturering<\/a>/);
    assert.match(page, /<h1[^>]*>Fakturering<\/h1>/);
    assert.match(page, /<select[^>]*name="year"[^>]*>.*<option value="2025" selected="">2025<\/option>/s);
    const summary = await billingSummary(systemContext(store), { year: 2025 });
    const figure = (name: string) =>
      textOf(new RegExp(`data-figure="${name}".*?</p>\\s*</div>`, 's').exec(page)?.[0] ?? '');
    assert.match(figure('total'), new RegExp(`Samlet kostnad ${kr(47_000_000_000)}`));
    assert.match(figure('central'), new RegExp(kr(summary.centralOre)));
    assert.match(figure('owners'), new RegExp(kr(summary.ownersOre)));
    assert.match(figure('billed'), new RegExp(kr(summary.billedOre)));
    assert.match(figure('coverage'), /Dekningsgrad \d+,\d\u00a0%/);
    assert.match(page, /Finansieringsalternativ 0: /);
    assert.deepEqual(rowCells(page, 'data-period="year"').slice(0, 3), [
      '2025 (hele året)',
      String(summary.periods[0]?.statements),
      String(summary.periods[0]?.corrections),
    ]);
    const statements = await listStatements(systemContext(store), { year: 2025 });
    assert.equal(page.match(/<tr[^>]*data-statement=/g)?.length, statements.length);
    const correction = statements.find((s) => s.purpose === 'correction');
    assert.ok(correction?.correctsNumber);
    assert.match(page, new RegExp(`<a[^>]*href="/billing/statements/${correction.number}"`));
    assert.match(textOf(page), new RegExp(`\\(korrigerer ${correction.correctsNumber}\\)`));
    assert.match(page, /<a[^>]*href="\/billing\/owners\/nav\?year=2025"[^>]*>Arbeids- og velferdsetaten \(NAV\)<\/a>/);
    assert.match(page, /<a[^>]*href="\/billing\/scenarios\?year=2025"/);
    assert.match(page, /<form[^>]*action="\/billing\/runs" method="post"/);
    assert.match(page, new RegExp(`name="_csrf" value="${admin.csrf}"`));
    const dryRun = /<input[^>]*name="dryRun"[^>]*>/.exec(page)?.[0] ?? '';
    assert.match(dryRun, /type="checkbox"/);
    assert.match(dryRun, /value="yes"/);
    assert.match(dryRun, /checked/, 'a run is a preview unless the admin says otherwise');
  });

  it('opens on this year, and says so when a year has no budget', async () => {
    const page = await html(agent, '/billing');
    assert.match(page, /<option value="2026" selected="">/);
    assert.match(textOf(page), new RegExp(`Samlet kostnad ${kr(53_000_000_000)}`));
    assert.match(textOf(page), /Finansieringsalternativ 2: /);
    assert.match(textOf(page), /Ingen perioder er fakturert ennå\./);
    assert.doesNotMatch(page, /action="\/billing\/runs"/, 'the service desk plans but does not bill');
    assert.match(textOf(await html(agent, '/billing?year=2031')), /2031 har ikke budsjett\./);
    assert.match(textOf(await html(agent, '/billing?year=20x1', 400)), /Oppgi et år med fire sifre\./);
  });

  it('takes an owner straight to its own overview', async () => {
    const response = await get(navAdmin, '/billing');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/billing/owners/nav');
    assert.equal((await get(skdMember, '/billing')).headers.get('location'), '/billing/owners/skd');
    assert.match(
      await html(navAdmin, '/billing/owners/nav'),
      /<a href="\/billing" aria-current="page">Fakturering<\/a>/,
    );
  });
});

describe('the billing run form', () => {
  it('previews a period with nothing new to bill', async () => {
    const response = await post(admin, '/billing/runs', { year: '2025', quarter: '', dryRun: 'yes' });
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /data-run-result="preview"/);
    assert.match(textOf(page), /Ingenting nytt å fakturere for 2025 \(hele året\)\./);
  });

  it('shows a refusal as a field error, in the reader language, never as an error page', async () => {
    const open = await post(admin, '/billing/runs', { year: '2026', quarter: '1', dryRun: 'yes' });
    assert.equal(open.status, 400);
    const page = await open.text();
    assert.match(page, /<a[^>]*href="#run-quarter">Periode: Bruksmåneder som ikke er lukket: 2026-02, 2026-03\./);
    assert.match(page, /id="run-quarter-error"/);
    assert.match(page, /<option value="1" selected="">1\. kvartal \(foreløpig\)<\/option>/);
    assert.doesNotMatch(page, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
    const typed = await post(admin, '/billing/runs', { year: '20x5', quarter: '7' });
    assert.equal(typed.status, 400);
    const typedText = textOf(await typed.text());
    assert.match(typedText, /År: Oppgi et år med fire sifre\./);
    assert.match(typedText, /Periode: Velg hele året eller et kvartal fra 1 til 4\./);
    const unbudgeted = await post(admin, '/billing/runs', { year: '2024', quarter: '' });
    assert.match(
      textOf(await unbudgeted.text()),
      /2024 har ikke budsjett\. Sett finansieringsnivå og kostnader først\./,
    );
    const english = await post(admin, '/billing/runs?lang=en', { year: '2026', quarter: '1' });
    assert.match(textOf(await english.text()), /Period: Usage months not closed: 2026-02, 2026-03\./);
  });

  it('issues a correction after a change, linked to the new statement', async () => {
    await adjustUsage(
      systemContext(store),
      { metric: 'consents', month: '2025-06', owner: 'ssb', delta: 400_000, reason: 'Etterregistrerte samtykker' },
      builtInCatalogue,
    );
    const response = await post(admin, '/billing/runs', { year: '2025', quarter: '' });
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /data-run-result="issued"/);
    assert.match(textOf(page), /Utstedt for 2025 \(hele året\): \d+ \(fakturaer og kreditnotaer\), til sammen /);
    const issued = (await listStatements(systemContext(store), { year: 2025 }))[0];
    assert.ok(issued?.correctsNumber);
    assert.match(page, new RegExp(`<a[^>]*href="/billing/statements/${issued.number}"[^>]*>${issued.number}</a>`));
    const statement = await html(admin, `/billing/statements/${issued.number}`);
    assert.match(statement, new RegExp(`Korreksjon av <a[^>]*href="/billing/statements/${issued.correctsNumber}"`));
    assert.match(statement, /data-verified="yes"/);
  });

  it('is the admin’s alone, and needs the session’s token', async () => {
    assert.equal((await post(agent, '/billing/runs', { year: '2025', quarter: '' })).status, 403);
    assert.equal((await post(navAdmin, '/billing/runs', { year: '2025', quarter: '' })).status, 403);
    assert.equal((await post(admin, '/billing/runs', { year: '2025', quarter: '' }, 'forged')).status, 403);
  });
});

describe("an owner's billing overview", () => {
  it('shows weighted transactions per month and product, the forecast, the category and the statements', async () => {
    const page = await html(navAdmin, '/billing/owners/nav?year=2025');
    assert.match(page, /<h1[^>]*>Fakturering for Arbeids- og velferdsetaten \(NAV\)<\/h1>/);
    assert.doesNotMatch(page, /Til faktureringsoversikten/, 'an owner has no summary to go back to');
    const header = rowCells(
      /<thead.*?<\/thead>/s.exec(/<table[^>]*niva-billing-months.*?<\/table>/s.exec(page)?.[0] ?? '')?.[0] ?? '',
      '',
    );
    assert.deepEqual(header, [
      'Måned',
      'Digital post',
      'Kataloger, registre og portaler',
      'Tillitstjenester',
      'Datautveksling',
      'Tjenesteutvikling',
      'Sum',
    ]);
    assert.equal(page.match(/<tr[^>]*data-month="2025-\d\d"/g)?.length, 12);
    const january = rowCells(page, 'data-month="2025-01"');
    assert.equal(january[0], 'januar 2025');
    const values = january.slice(1, 6).map((v) => Number(v.replaceAll(nbsp, '')));
    assert.equal(
      Number(january[6]?.replaceAll(nbsp, '')),
      values.reduce((a, b) => a + b, 0),
      'the row adds up',
    );
    const total = rowCells(page, 'data-month="total"');
    assert.equal(total[0], 'Hittil i år');
    const text = textOf(page);
    assert.match(text, new RegExp(`Hittil i år ${total[6]} \\(12 måneder av 2025 talt\\)`));
    assert.match(text, /Kategori \(etter prognosen\) Svært stor/);
    assert.match(text, /Til neste kategori [\d\u00a0]+ vektede transaksjoner til Størst/);
    assert.match(text, /Prisliste Prisliste 2025 \(størrelseskategorier\)/);
    const own = await listStatements(systemContext(store), { owner: 'nav' });
    for (const s of own) assert.match(page, new RegExp(`href="/billing/statements/${s.number}"`));
    assert.match(page, /<div class="niva-table-scroll" role="region" aria-label="Vektede transaksjoner for/);
  });

  it('names the size categories in English', async () => {
    const page = textOf(await html(navAdmin, '/billing/owners/nav?year=2025&lang=en'));
    assert.match(page, /Category \(on the forecast\) Very large/);
    assert.match(page, /weighted transactions to Largest/);
    assert.match(page, /NOK\u00a0[\d,]+\.\d\d/);
  });

  it("is not found for another owner, and the operator reads every owner's", async () => {
    assert.match(textOf(await html(navAdmin, '/billing/owners/skd', 404)), /Fant ikke siden/);
    assert.equal((await get(skdMember, '/billing/owners/nav?year=2025')).status, 404);
    assert.equal((await get(navAdmin, '/billing/owners/nobody')).status, 404);
    const page = await html(admin, '/billing/owners/skd?year=2025');
    assert.match(page, /<h1[^>]*>Fakturering for Skatteetaten<\/h1>/);
    assert.match(page, /<a[^>]*href="\/billing\?year=2025"[^>]*>Til faktureringsoversikten<\/a>/);
  });
});

describe('a statement', () => {
  it('shows its lines with product and metric names, its total, provenance, verification and documents', async () => {
    const [original] = (await listStatements(systemContext(store), { owner: 'nav', year: 2025 })).filter(
      (s) => s.purpose === 'original',
    );
    assert.ok(original);
    const page = await html(navAdmin, `/billing/statements/${original.number}`);
    assert.match(page, new RegExp(`<h1[^>]*>Faktura ${original.number}</h1>`));
    const text = textOf(page);
    assert.match(text, /Original eller korreksjon Original/);
    assert.match(text, /Periode 2025 \(hele året\)/);
    assert.match(text, /Kontrollert: en ny beregning fra det lagrede grunnlaget gir nøyaktig disse linjene\./);
    assert.match(page, /<td[^>]*>Datautveksling<\/td><td[^>]*>Meldingstjeneste – meldinger sendt ut<\/td>/);
    assert.match(page, /<td[^>]*>Digital post<\/td><td[^>]*>Varslingstjeneste – SMS<\/td>/);
    assert.deepEqual(rowCells(page, 'data-line="total"'), ['Sum', kr(original.totalOre)]);
    assert.match(text, /Kontrollsum for prislisten sha256:[0-9a-f]{64}/);
    assert.match(text, /Bruk til og med desember 2025/);
    assert.match(text, /Kontrollsum for grunnlaget sha256:[0-9a-f]{64}/);
    for (const format of ['pdf', 'csv', 'xlsx', 'ehf'])
      assert.match(
        page,
        new RegExp(`href="/api/v1/billing/statements/${original.number}/document\\?format=${format}&amp;lang=nb"`),
      );
    assert.match(page, /<a[^>]*href="\/billing\/owners\/nav\?year=2025"/);
  });

  it("is not found for another owner's statement, as for one that does not exist", async () => {
    const [skd] = await listStatements(systemContext(store), { owner: 'skd' });
    assert.ok(skd);
    assert.equal((await get(navAdmin, `/billing/statements/${skd.number}`)).status, 404);
    assert.equal((await get(navAdmin, '/billing/statements/2025-99999')).status, 404);
    assert.equal((await get(navAdmin, '/billing/statements/nonsense')).status, 404);
    assert.equal((await get(admin, `/billing/statements/${skd.number}`)).status, 200);
  });
});

describe('the financing scenarios', () => {
  it("compares the six alternatives beside seed 003's figures, per owner and product, with a chart", async () => {
    const page = await html(agent, '/billing/scenarios?year=2026&extraNeedMnok=60');
    assert.match(page, /<h1[^>]*>Alternativer for finansiering<\/h1>/);
    assert.equal(page.match(/<tr[^>]*data-alternative=/g)?.length, 6);
    const alternative2 = rowCells(page, 'data-alternative="2"');
    assert.deepEqual(alternative2.slice(1), ['530,0', '360,0', '360', '170,0', '170']);
    assert.deepEqual(rowCells(page, 'data-alternative="1"').slice(1, 5), ['530,0', '530,0', '530', '0,0']);
    assert.deepEqual(rowCells(page, 'data-alternative="5"').slice(2, 5), ['0,0', '0', '530,0']);
    assert.match(
      page,
      /<svg[^>]*role="img"[^>]*aria-labelledby="billing-scenario-chart-title" aria-describedby="billing-scenario-chart-desc"/,
    );
    assert.match(page, /<title id="billing-scenario-chart-title">Sentral finansiering og tjenesteeiernes andel/);
    assert.equal(page.match(/<text[^>]*>Alt\. \d<\/text>/g)?.length, 6);
    const nav = rowCells(page, 'data-owner="nav"');
    assert.equal(nav[0], 'Arbeids- og velferdsetaten (NAV)');
    assert.equal(nav.length, 1 + 1 + 5 * 2, 'alternative 0, then an amount and a change for each of the other five');
    assert.equal(nav[2], kr(0), 'alternative 1 leaves the owners nothing');
    assert.match(nav[3] ?? '', /^−/, 'which is a fall against today');
    assert.equal(page.match(/<tr[^>]*data-product=/g)?.length, 5);
    assert.match(
      page,
      /href="\/api\/v1\/billing\/scenarios\/export\?year=2026&amp;extraNeedMnok=60&amp;format=csv&amp;lang=nb"/,
    );
    assert.match(page, /href="\/api\/v1\/billing\/scenarios\/export\?year=2026&amp;extraNeedMnok=60&amp;format=xlsx/);
  });

  it('takes a growth per product and carries it to the export links', async () => {
    const page = await html(agent, '/billing/scenarios?year=2026&growth.digital-post=5&growth.data-exchange=-2%2C5');
    assert.match(page, /<input[^>]*id="f-growth-digital-post"[^>]*name="growth.digital-post"[^>]*value="5"/);
    assert.match(page, /<label[^>]*for="f-growth-data-exchange"[^>]*>Vekst for Datautveksling \(%\)<\/label>/);
    assert.match(page, /growth=digital-post%3D5%2Cdata-exchange%3D-2\.5&amp;format=csv/);
  });

  it('says what is wrong with a growth beside its field', async () => {
    const bad = await html(agent, '/billing/scenarios?year=2026&growth.digital-post=abc&growth.nope=5', 400);
    assert.match(
      bad,
      /<a[^>]*href="#f-growth-digital-post">Vekst for Digital post \(%\): Oppgi en prosent mellom −100 og 1000/,
    );
    assert.match(
      bad,
      /<input[^>]*aria-invalid="true"[^>]*id="f-growth-digital-post"|id="f-growth-digital-post"[^>]*aria-invalid="true"/,
    );
    assert.match(textOf(bad), /Ukjent produkt: nope\./);
    assert.doesNotMatch(bad, /data-alternative=/, 'no figures for a question that could not be asked');
    const list = await html(agent, '/billing/scenarios?year=2026&growth=digital-post:5', 400);
    assert.match(textOf(list), /Vekst skrives som produkt=prosent/);
    const need = await html(agent, '/billing/scenarios?year=2026&extraNeedMnok=-9999', 400);
    assert.match(
      need,
      /<a[^>]*href="#f-extraNeedMnok">Økt behov \(MNOK\): Det samlede behovet ville blitt under null\./,
    );
    const year = await html(agent, '/billing/scenarios?year=2031', 400);
    assert.match(year, /<a[^>]*href="#f-year">År: 2031 har ikke budsjett\./);
  });

  it('is the operator side’s: an owner is refused', async () => {
    assert.equal((await get(navAdmin, '/billing/scenarios')).status, 403);
  });
});
