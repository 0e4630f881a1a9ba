import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importSupportCalls } from '../../../src/modules/support/services/import-support-calls.ts';
import { importSupportEmails } from '../../../src/modules/support/services/import-support-emails.ts';
import { createOperator, createTenant, systemContext, testPassword, type TestTenant } from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let app: TestApp;
let tenant: TestTenant;
let owner: Session;

async function page(path: string, status = 200): Promise<string> {
  const response = await app.request(path, { headers: { cookie: owner.cookie } });
  assert.equal(response.status, status, `GET ${path}`);
  return response.text();
}

/** The cell of a KPI row in a period's column. */
function cell(html: string, kpi: string, period: string): string {
  return new RegExp(`<td[^>]*data-kpi="${kpi}"[^>]*data-period="${period}"[^>]*>.*?</td>`, 's').exec(html)?.[0] ?? '';
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  await createOperator(store);
  tenant = await createTenant(store);
  owner = await logIn(app, tenant.users['owner-member'].email, testPassword);
  const ctx = systemContext(store);
  // January: waits of 30 s and 90 s (mean 60 s: met), 2 of 3 answered directly (67 %: not met), one callback.
  await importSupportCalls(ctx, [
    {
      line: 'brukerservice',
      externalId: 'p1',
      queuedAt: '2026-01-06T09:00:00+01:00',
      answeredAt: '2026-01-06T09:00:30+01:00',
    },
    {
      line: 'brukerservice',
      externalId: 'p2',
      queuedAt: '2026-01-13T09:00:00+01:00',
      answeredAt: '2026-01-13T09:01:30+01:00',
    },
    {
      line: 'brukerservice',
      externalId: 'p3',
      queuedAt: '2026-01-13T10:00:00+01:00',
      answeredAt: '2026-01-13T11:00:00+01:00',
      callback: 1,
    },
  ]);
  await importSupportEmails(ctx, [
    {
      line: 'brukerservice',
      externalId: 'm1',
      receivedAt: '2026-01-06T09:00:00+01:00',
      firstAnswerAt: '2026-01-06T10:00:00+01:00',
    },
  ]);
});
after(() => store.destroy());

describe('the support page', () => {
  it('shows the service goals per month of the year so far, with met or not met in words', async () => {
    const html = await page('/support');
    assert.match(html, /<a[^>]*href="\/support"[^>]*>Brukerstøtte<\/a>/);
    assert.match(html, /Servicerapport Altinn brukerservice/);
    assert.match(html, /Servicemål per måned i 2026/);
    for (const goal of [
      'Gjennomsnittlig ventetid på telefon',
      'Svarprosent telefonhenvendelser',
      'Antall samtaler m/callback',
      'Antall e-post',
      'E-post besvart innen 8 timer av åpningstiden',
      'Selvbetjente saker besvart innen 3 virkedager',
    ])
      assert.match(html, new RegExp(goal));
    assert.match(html, /Under 60 sek/);
    assert.match(html, /Høyere enn 90 %/);
    // The test clock is 2 March 2026: January, February and March so far.
    assert.match(cell(html, 'phone-wait', '2026-01'), /60 sek.*Nådd/s);
    assert.match(cell(html, 'phone-answer-rate', '2026-01'), /67 %.*Ikke nådd/s);
    assert.match(cell(html, 'phone-callbacks', '2026-01'), />1</);
    assert.match(cell(html, 'emails', '2026-01'), />1</);
    assert.match(cell(html, 'email-reply', '2026-01'), /100 %.*Nådd/s);
    assert.match(cell(html, 'phone-wait', '2026-02'), /Ingen tall/);
    assert.ok(cell(html, 'phone-wait', '2026-03'), 'the current month has a column');
    assert.equal(cell(html, 'phone-wait', '2026-04'), '', 'no column for months to come');
  });

  it('shows the ISO weeks of a chosen month, in nynorsk and English too', async () => {
    const html = await page('/support?year=2026&weeksOf=2026-01&line=brukerservice');
    assert.match(html, /Servicemål per ISO-uke i januar 2026/);
    assert.match(cell(html, 'phone-wait', '2026-W02'), /30 sek.*Nådd/s);
    assert.match(cell(html, 'phone-wait', '2026-W03'), /90 sek.*Ikke nådd/s);
    assert.match(await page('/support?weeksOf=2026-01&lang=nn'), /Servicemål per ISO-veke/);
    assert.match(await page('/support?weeksOf=2026-01&lang=en'), /Average waiting time on the phone.*Not met/s);
  });

  it('shows the service desk line with only the self-service requirement', async () => {
    const html = await page('/support?line=servicedesk&lang=nb');
    assert.match(html, /Servicerapport Servicedesk/);
    const row = /data-kpi-row="phone-wait".*?<\/tr>/s.exec(html)?.[0] ?? '';
    assert.match(row, /Ingen krav/);
  });

  const bad: [string, string][] = [
    ['/support?year=1999', 'year'],
    ['/support?weeksOf=2026-07', 'weeksOf'],
    ['/support?line=sentralbord', 'line'],
  ];
  for (const [path, field] of bad) it(`answers ${path} with 400 (${field})`, async () => void (await page(path, 400)));
});
