import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { xlsxMediaType } from '../../../src/modules/usage/services/usage-import-file.ts';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let admin: Record<string, string>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  admin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword), false);
});
after(() => store.destroy());

function upload(
  query: string,
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
  type = 'text/csv',
  headers = admin,
): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([content], name, { type }));
  return Promise.resolve(app.request(`/api/v1/usage/imports${query}`, { method: 'POST', headers, body: form }));
}

async function counts(month: string): Promise<number[]> {
  return (await store.db.selectFrom('usage_monthly_imports').select('count').where('month', '=', month).execute()).map(
    (r) => Number(r.count),
  );
}

describe('POST /api/v1/usage/imports', () => {
  it('imports a wide CSV for an owner and answers the summary', async () => {
    const response = await upload(
      `?metric=messages_sent&owner=${a.organisation.code}`,
      'mars.csv',
      'year,mars,april\n2020,10 267 169,5\n',
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      file: 'mars.csv',
      shape: 'wide',
      dryRun: false,
      rows: 1,
      imported: 2,
      replaced: 0,
      months: ['2020-03', '2020-04'],
      metrics: ['messages_sent'],
    });
    assert.deepEqual(await counts('2020-03'), [10_267_169]);
  });

  it('imports an XLSX workbook, and checks without writing in a dry run', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('consents').addRows([
      ['year', 'jan'],
      [2021, 3],
    ]);
    const content = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dry = await upload('?dryRun=true', 'samtykker.xlsx', content, xlsxMediaType);
    assert.equal(dry.status, 200);
    assert.deepEqual(await dry.json(), {
      file: 'samtykker.xlsx',
      shape: 'wide',
      dryRun: true,
      rows: 1,
      imported: 1,
      replaced: 0,
      months: ['2021-01'],
      metrics: ['consents'],
    });
    assert.deepEqual(await counts('2021-01'), []);
    assert.equal((await upload('', 'samtykker.xlsx', content, xlsxMediaType)).status, 200);
    assert.deepEqual(await counts('2021-01'), [3]);
  });

  it('answers 400 naming each row and column, and imports nothing', async () => {
    const response = await upload(
      '',
      'bad.csv',
      'metric,year,month,count,owner\nmessages_sent,2022,1,5,\nmessages_sent,2022,2,-1,\nmessages_sent,2022,3,1,nobody\n',
    );
    assert.equal(response.status, 400);
    const problem = (await response.json()) as Problem;
    assert.equal(problem.detail, 'bad.csv: 2 problems; nothing was imported');
    assert.deepEqual(problem.errors, [
      { field: 'row 3, column count', message: '-1 is negative; counts are 0 or more' },
      { field: 'row 4, column owner', message: 'unknown organisation nobody' },
    ]);
    assert.deepEqual(await counts('2022-01'), []);
  });

  it('answers 400 for a file that is neither CSV nor XLSX, a missing file and an unknown metric', async () => {
    const pdf = await upload('', 'notes.pdf', '%PDF-1.7', 'application/pdf');
    assert.equal(pdf.status, 400);
    assert.deepEqual(((await pdf.json()) as Problem).errors, [
      { field: 'file', message: 'notes.pdf: neither a CSV nor an XLSX file (.csv or .xlsx)' },
    ]);
    const none = await app.request('/api/v1/usage/imports', { method: 'POST', headers: admin, body: new FormData() });
    assert.equal(none.status, 400);
    assert.deepEqual(
      ((await none.json()) as Problem).errors?.map((e) => e.field),
      ['file'],
    );
    const metric = await upload('?metric=hugs', 'x.csv', 'year,jan\n2023,1');
    assert.equal(metric.status, 400);
    assert.deepEqual(
      ((await metric.json()) as Problem).errors?.map((e) => e.field),
      ['metric'],
    );
  });

  it('is refused to an owner admin', async () => {
    const owner = sessionHeaders(await logIn(app, a.users['owner-admin'].email, testPassword), false);
    const response = await upload(
      `?metric=messages_sent&owner=${a.organisation.code}`,
      'own.csv',
      'year,jan\n2024,1',
      'text/csv',
      owner,
    );
    assert.equal(response.status, 403);
    assert.deepEqual(await counts('2024-01'), []);
  });
});
