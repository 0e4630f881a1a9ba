import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { builtInMetrics } from '../../../src/modules/usage/domain/metric-catalogue.ts';
import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { bearer, callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

interface Statistics {
  metric: { id: string; names: { nb: string } };
  owner: { code: string; name: string } | null;
  years: {
    year: number;
    months: (number | null)[];
    total: number | null;
    change: (number | null)[];
    totalChange: number | null;
  }[];
}
interface Problem {
  status: number;
  errors?: { field: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: Record<string, string>;
let owner: Record<string, string>;

function csvRows(text: string): string[][] {
  const rows: unknown = parse(text, { bom: true });
  assert.ok(Array.isArray(rows));
  return rows as string[][];
}

const call = <T>(headers: Record<string, string>, path: string) => callApi<T>(app, headers, 'GET', path);

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
  owner = sessionHeaders(await logIn(app, a.users['owner-member'].email, testPassword));
  await insertUsageRows(store, {
    daily: [
      { metric: 'sms_notifications', day: '2025-01-10', ownerId: a.organisation.id, count: 1_200_000 },
      { metric: 'sms_notifications', day: '2026-01-10', ownerId: a.organisation.id, count: 1_500_000 },
      { metric: 'sms_notifications', day: '2026-01-11', ownerId: b.organisation.id, count: 77 },
      { metric: 'sms_notifications', day: '2026-02-01', count: 400 },
    ],
    imports: [{ metric: 'sms_notifications', month: '2026-03', ownerId: a.organisation.id, count: 30 }],
    adjustments: [{ metric: 'sms_notifications', month: '2026-03', ownerId: a.organisation.id, delta: -5 }],
  });
});
after(() => store.destroy());

describe('GET /usage/metrics', () => {
  it('lists the seven metrics of the report in its order', async () => {
    const { status, body } = await call<{ items: { id: string; names: { nb: string; nn: string; en: string } }[] }>(
      owner,
      '/usage/metrics',
    );
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((m) => m.id),
      builtInMetrics.map((m) => m.id),
    );
    assert.equal(body.items[0]?.names.nb, 'Meldingstjeneste – meldinger sendt ut');
  });
});

describe('GET /usage/statistics', () => {
  it('gives the operator the platform figures for the years asked, oldest first', async () => {
    const { status, body } = await call<Statistics>(
      agent,
      '/usage/statistics?metric=sms_notifications&year=2026&years=2',
    );
    assert.equal(status, 200);
    assert.equal(body.owner, null);
    assert.deepEqual(
      body.years.map((y) => y.year),
      [2025, 2026],
    );
    assert.deepEqual(body.years[1]?.months.slice(0, 4), [1_500_077, 400, 25, null]);
    assert.equal(body.years[1]?.total, 1_500_502);
    assert.equal(body.years[1]?.change[0], 25);
    assert.equal(body.years[0]?.total, 1_200_000);
  });

  it('gives an owner its own figures, also when it names itself, and 404 for another owner', async () => {
    const own = await call<Statistics>(owner, '/usage/statistics?metric=sms_notifications&year=2026');
    assert.equal(own.status, 200);
    assert.equal(own.body.owner?.code, a.organisation.code);
    assert.deepEqual(
      own.body.years.map((y) => y.year),
      [2026],
    );
    assert.deepEqual(own.body.years[0]?.months.slice(0, 4), [1_500_000, null, 25, null]);
    const named = await call<Statistics>(
      owner,
      `/usage/statistics?metric=sms_notifications&year=2026&owner=${a.organisation.code}`,
    );
    assert.deepEqual(named.body, own.body);
    const other = await call<Problem>(
      owner,
      `/usage/statistics?metric=sms_notifications&year=2026&owner=${b.organisation.code}`,
    );
    assert.equal(other.status, 404);
    assert.ok(!JSON.stringify(other.body).includes(b.organisation.code));
    const byOperator = await call<Statistics>(
      agent,
      `/usage/statistics?metric=sms_notifications&year=2026&owner=${b.organisation.code}`,
    );
    assert.deepEqual(byOperator.body.years[0]?.months.slice(0, 2), [77, null]);
  });

  it('answers a token with usage:read for its own owner', async () => {
    const { secret } = await createApiToken(systemContext(store), {
      organisationId: a.organisation.id,
      name: 'statistikk',
      scopes: ['usage:read'],
    });
    const { status, body } = await call<Statistics>(
      bearer(secret),
      '/usage/statistics?metric=sms_notifications&year=2026',
    );
    assert.equal(status, 200);
    assert.equal(body.years[0]?.total, 1_500_025);
  });

  it('names the field of bad input', async () => {
    const cases: [string, string][] = [
      ['/usage/statistics?metric=pizzas&year=2026', 'metric'],
      ['/usage/statistics?metric=sms_notifications&year=twenty', 'year'],
      ['/usage/statistics?metric=sms_notifications', 'year'],
      ['/usage/statistics?metric=sms_notifications&year=2026&years=99', 'years'],
    ];
    for (const [path, field] of cases) {
      const { status, body } = await call<Problem>(agent, path);
      assert.equal(status, 400, path);
      assert.deepEqual(
        body.errors?.map((e) => e.field),
        [field],
        path,
      );
    }
  });
});

describe('exports', () => {
  it('writes the report table as CSV: title cell, Jan..Dec and total, one row per year', async () => {
    const response = await app.request('/api/v1/usage/statistics.csv?metric=sms_notifications&year=2026&years=2', {
      headers: agent,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /attachment; filename="sms_notifications-platform-2025-2026\.csv"/,
    );
    const rows = csvRows(await response.text());
    assert.deepEqual(rows[0], [
      'Varslingstjeneste – SMS – Hele plattformen',
      'jan',
      'feb',
      'mar',
      'apr',
      'mai',
      'jun',
      'jul',
      'aug',
      'sep',
      'okt',
      'nov',
      'des',
      'Totalt',
    ]);
    assert.deepEqual(rows[1], ['2025', '1200000', '', '', '', '', '', '', '', '', '', '', '', '1200000']);
    assert.deepEqual(rows[2], ['2026', '1500077', '400', '25', '', '', '', '', '', '', '', '', '', '1500502']);
    assert.equal(rows.length, 3);
  });

  it('speaks the language asked for', async () => {
    const response = await app.request('/api/v1/usage/statistics.csv?metric=sms_notifications&year=2026&lang=en', {
      headers: owner,
    });
    const rows = csvRows(await response.text());
    assert.equal(rows[0]?.[0], `Notifications – SMS – ${a.organisation.name}`);
    assert.equal(rows[0]?.[13], 'Total');
  });

  it('writes the same table as an XLSX workbook with numbers as numbers', async () => {
    const response = await app.request('/api/v1/usage/statistics.xlsx?metric=sms_notifications&year=2026&years=2', {
      headers: agent,
    });
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('sms_notifications');
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, 'Varslingstjeneste – SMS – Hele plattformen');
    assert.equal(sheet.getCell('A2').value, 'År');
    assert.equal(sheet.getCell('N2').value, 'Totalt');
    assert.equal(sheet.getCell('A3').value, 2025);
    assert.equal(sheet.getCell('B4').value, 1_500_077);
    assert.equal(sheet.getCell('D4').value, 25);
    assert.equal(sheet.getCell('E4').value, null);
    assert.equal(sheet.getCell('N4').value, 1_500_502);
    assert.equal(sheet.rowCount, 4);
  });

  it("refuses another owner's export", async () => {
    for (const ext of ['csv', 'xlsx']) {
      const response = await app.request(
        `/api/v1/usage/statistics.${ext}?metric=sms_notifications&year=2026&owner=${b.organisation.code}`,
        { headers: owner },
      );
      assert.equal(response.status, 404, ext);
    }
  });
});
