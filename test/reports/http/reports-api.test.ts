import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { pdfText } from '../../helpers/pdf-text.ts';
import { callApi, logIn, sessionHeaders, createTestApp, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: Session;
let ownerA: Session;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  ownerA = await logIn(app, a.users['owner-admin'].email, testPassword);
  await insertUsageRows(store, {
    imports: [
      { metric: 'messages_sent', month: '2026-02', ownerId: a.organisation.id, count: 1_000 },
      { metric: 'messages_sent', month: '2026-02', ownerId: b.organisation.id, count: 3_000 },
    ],
  });
});
after(() => store.destroy());

type Data = {
  month: string;
  owner: { code: string } | null;
  statistics: {
    metricId: string;
    rows: { year: number; months: (number | null)[] }[];
    shareOfPlatform: number | null;
  }[];
  compliance: { rows: { requirement: string }[] };
};

describe('report API', () => {
  it('gives the previous month’s platform figures by default, and an owner its own with its share', async () => {
    const platform = await callApi<Data>(app, sessionHeaders(agent), 'GET', '/reports');
    assert.equal(platform.status, 200);
    assert.equal(platform.body.month, '2026-02', 'the test clock is in March 2026');
    const messages = platform.body.statistics.find((s) => s.metricId === 'messages_sent');
    assert.equal(messages?.rows.at(-1)?.months[1], 4_000);
    assert.ok(platform.body.compliance.rows.some((r) => r.requirement === '2.2.1'));
    const own = await callApi<Data>(
      app,
      sessionHeaders(ownerA),
      'GET',
      `/reports?month=2026-02&owner=${a.organisation.code}`,
    );
    assert.equal(own.status, 200);
    const ownMessages = own.body.statistics.find((s) => s.metricId === 'messages_sent');
    assert.equal(ownMessages?.rows.at(-1)?.months[1], 1_000);
    assert.equal(ownMessages?.shareOfPlatform, 0.25);
  });

  it("never gives an owner another owner's report", async () => {
    const other = await callApi<{ errors: { field: string }[] }>(
      app,
      sessionHeaders(ownerA),
      'GET',
      `/reports?month=2026-02&owner=${b.organisation.code}`,
    );
    assert.equal(other.status, 404);
    assert.equal(other.body.errors[0]?.field, 'owner');
  });

  it('rejects a bad month, a month not begun and CSV without a table, naming the field', async () => {
    for (const [path, field] of [
      ['/reports?month=2026-13', 'month'],
      ['/reports?month=2099-01', 'month'],
      ['/reports/export?month=2026-02&format=csv', 'table'],
      ['/reports/export?month=2026-02&format=csv&table=nope', 'table'],
      ['/reports/export?month=2026-02&format=doc', 'format'],
    ] as const) {
      const response = await callApi<{ errors: { field: string }[] }>(app, sessionHeaders(agent), 'GET', path);
      assert.equal(response.status, 400, path);
      assert.equal(response.body.errors[0]?.field, field, path);
    }
  });

  it('exports PDF, XLSX, HTML and one table as CSV in the asked language', async () => {
    const pdf = await app.request('/api/v1/reports/export?month=2026-02&format=pdf&lang=en', {
      headers: sessionHeaders(agent),
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /servicerapport-2026-02-plattform\.pdf/);
    assert.match(await pdfText(Buffer.from(await pdf.arrayBuffer())), /Service report February 2026/);
    const xlsx = await app.request('/api/v1/reports/export?month=2026-02&format=xlsx', {
      headers: sessionHeaders(agent),
    });
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const html = await (
      await app.request('/api/v1/reports/export?month=2026-02&format=html&lang=nn', { headers: sessionHeaders(agent) })
    ).text();
    assert.match(html, /<html lang="nn">/);
    assert.match(html, /1\. Plattforma/);
    const csv = await app.request('/api/v1/reports/export?month=2026-02&format=csv&table=statistics-messages_sent', {
      headers: sessionHeaders(agent),
    });
    assert.match(await csv.text(), /2026,,4000,/);
  });

  it('archives versions that never change, numbered per month and owner', async () => {
    const first = await callApi<{ id: string; version: number; digest: string }>(
      app,
      sessionHeaders(agent),
      'POST',
      '/reports/versions',
      { month: '2026-02' },
    );
    assert.equal(first.status, 201);
    assert.equal(first.body.version, 1);
    await insertUsageRows(store, {
      imports: [{ metric: 'consents', month: '2026-02', ownerId: a.organisation.id, count: 7 }],
    });
    const second = await callApi<{ id: string; version: number; digest: string }>(
      app,
      sessionHeaders(agent),
      'POST',
      '/reports/versions',
      { month: '2026-02' },
    );
    assert.equal(second.body.version, 2);
    assert.notEqual(second.body.digest, first.body.digest);
    const old = await callApi<{ version: number; data: Data }>(
      app,
      sessionHeaders(ownerA),
      'GET',
      `/reports/versions/${first.body.id}`,
    );
    assert.equal(old.status, 200);
    assert.equal(
      old.body.data.statistics.find((s) => s.metricId === 'consents')?.rows.at(-1)?.months[1],
      null,
      'version 1 keeps the figures it was made with',
    );
    const list = await callApi<{ items: { version: number; ownerCode: string | null }[] }>(
      app,
      sessionHeaders(ownerA),
      'GET',
      '/reports/versions?month=2026-02',
    );
    assert.deepEqual(
      list.body.items.map((v) => [v.ownerCode, v.version]),
      [
        [null, 2],
        [null, 1],
      ],
    );
    const exported = await app.request(`/api/v1/reports/versions/${first.body.id}/export?format=pdf`, {
      headers: sessionHeaders(ownerA),
    });
    assert.match(exported.headers.get('content-disposition') ?? '', /servicerapport-2026-02-plattform-v1\.pdf/);
    assert.match(await pdfText(Buffer.from(await exported.arrayBuffer())), /versjon 1/);
  });

  it('lets only the operator’s staff archive', async () => {
    const refused = await callApi(app, sessionHeaders(ownerA), 'POST', '/reports/versions', {
      month: '2026-02',
      owner: a.organisation.code,
    });
    assert.equal(refused.status, 403);
  });
});
