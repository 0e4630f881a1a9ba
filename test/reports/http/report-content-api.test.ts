import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}
interface Block {
  id: string;
  month: string;
  kind: string;
  title: string;
  bodyMarkdown: string;
  position: number;
}
interface Entry {
  id: string;
  title: string;
  period: string;
  status: string;
}
interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  format: string;
  url: string | null;
}
interface Subscription {
  id: string;
  owner: { code: string } | null;
  email: string;
  lang: string;
}
interface Items<T> {
  items: T[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let other: TestTenant;
let editorToken: Record<string, string>;
let readerToken: Record<string, string>;
let ownerAdmin: Record<string, string>;

const call = <T>(headers: Record<string, string>, method: string, path: string, body?: unknown) =>
  callApi<T>(app, headers, method, path, body);

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  other = await createTenant(store);
  editorToken = bearer(
    (
      await createApiToken(systemContext(store), {
        organisationId: operator.organisation.id,
        name: 'redaksjon',
        scopes: ['reports:write'],
      })
    ).secret,
  );
  readerToken = bearer(
    (
      await createApiToken(systemContext(store), {
        organisationId: tenant.organisation.id,
        name: 'lesing',
        scopes: ['reports:read'],
      })
    ).secret,
  );
  ownerAdmin = sessionHeaders(await logIn(app, tenant.users['owner-admin'].email, testPassword));
});
after(() => store.destroy());

describe('report content over the API', () => {
  it('adds, lists, changes and deletes a month’s blocks', async () => {
    const created = await call<Block>(editorToken, 'POST', '/report-blocks', {
      month: '2026-02',
      kind: 'news',
      title: 'Altinn har tatt i bruk status.digdir.no',
      bodyMarkdown: '- Se [status.digdir.no](https://status.digdir.no/)',
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.position, 0);
    const second = await call<Block>(editorToken, 'POST', '/report-blocks', {
      month: '2026-02',
      kind: 'project-status',
      title: 'Altinn Studio',
      bodyMarkdown: 'Betaling',
    });
    assert.equal(second.body.position, 1);
    const listed = await call<Items<Block>>(readerToken, 'GET', '/report-blocks?month=2026-02');
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.items.map((b) => b.title),
      ['Altinn har tatt i bruk status.digdir.no', 'Altinn Studio'],
    );
    const patched = await call<Block>(editorToken, 'PATCH', `/report-blocks/${second.body.id}`, { position: -1 });
    assert.equal(patched.status, 400);
    assert.equal((patched.body as unknown as Problem).errors?.[0]?.field, 'position');
    const moved = await call<Block>(editorToken, 'PATCH', `/report-blocks/${second.body.id}`, {
      position: 0,
      title: 'Altinn Studio i februar',
    });
    assert.equal(moved.body.title, 'Altinn Studio i februar');
    assert.equal((await call(editorToken, 'DELETE', `/report-blocks/${created.body.id}`)).status, 204);
    assert.equal((await call(editorToken, 'DELETE', `/report-blocks/${created.body.id}`)).status, 404);
    assert.equal((await call(editorToken, 'PATCH', '/report-blocks/missing', { title: 'X' })).status, 404);
    assert.equal((await call<Items<Block>>(readerToken, 'GET', '/report-blocks?month=2026-02')).body.items.length, 1);
  });

  it('names the field it refuses and keeps writing to the operator', async () => {
    const bad = await call<Problem>(editorToken, 'POST', '/report-blocks', {
      month: '2026-2',
      kind: 'news',
      title: '',
      bodyMarkdown: '',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors?.map((e) => e.field).sort(), ['month', 'title']);
    assert.equal((await call<Problem>(readerToken, 'GET', '/report-blocks')).status, 400, 'the month is required');
    assert.equal(
      (
        await call(readerToken, 'POST', '/report-blocks', {
          month: '2026-02',
          kind: 'news',
          title: 'X',
          bodyMarkdown: '',
        })
      ).status,
      403,
    );
    assert.equal((await call(ownerAdmin, 'POST', '/roadmap-entries', { title: 'X', period: '2026' })).status, 403);
  });

  it('keeps the roadmap in period order', async () => {
    for (const [title, period, status] of [
      ['Altinn II stenges', '2026-06', 'planned'],
      ['Samtykke', '2026-Q2', 'in-progress'],
      ['Systembruker', '2025', 'in-progress'],
    ] as const) {
      assert.equal((await call(editorToken, 'POST', '/roadmap-entries', { title, period, status })).status, 201);
    }
    const refused = await call<Problem>(editorToken, 'POST', '/roadmap-entries', { title: 'X', period: '2026-Q5' });
    assert.equal(refused.body.errors?.[0]?.field, 'period');
    const listed = await call<Items<Entry>>(readerToken, 'GET', '/roadmap-entries');
    assert.deepEqual(
      listed.body.items.map((e) => e.period),
      ['2025', '2026-Q2', '2026-06'],
    );
    const planned = await call<Items<Entry>>(readerToken, 'GET', '/roadmap-entries?status=planned');
    assert.deepEqual(
      planned.body.items.map((e) => e.title),
      ['Altinn II stenges'],
    );
    const id = listed.body.items[0]?.id ?? '';
    assert.equal(
      (await call<Entry>(editorToken, 'PATCH', `/roadmap-entries/${id}`, { status: 'done' })).body.status,
      'done',
    );
    assert.equal((await call(editorToken, 'DELETE', `/roadmap-entries/${id}`)).status, 204);
  });

  it('lists meetings in a window of days and refuses a meeting that ends before it starts', async () => {
    const council = await call<Meeting>(editorToken, 'POST', '/meetings', {
      title: 'Styringsråd',
      series: 'Styringsråd',
      startsAt: '2026-06-03T11:30:00+02:00',
      endsAt: '2026-06-04T12:30:00+02:00',
      format: 'physical',
      url: 'https://samarbeid.digdir.no/digital-postkasse/styringsradet/128',
    });
    assert.equal(council.status, 201);
    assert.equal(council.body.startsAt, '2026-06-03T09:30:00.000Z');
    const backwards = await call<Problem>(editorToken, 'POST', '/meetings', {
      title: 'X',
      startsAt: '2026-06-03T12:00:00+02:00',
      endsAt: '2026-06-03T11:00:00+02:00',
      format: 'digital',
    });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors?.[0]?.field, 'endsAt');
    const ftp = await call<Problem>(editorToken, 'POST', '/meetings', {
      title: 'X',
      startsAt: '2026-06-03T10:00:00+02:00',
      endsAt: '2026-06-03T11:00:00+02:00',
      format: 'digital',
      url: 'ftp://example.no/x',
    });
    assert.equal(ftp.body.errors?.[0]?.field, 'url');
    assert.deepEqual(
      (await call<Items<Meeting>>(readerToken, 'GET', '/meetings?from=2026-06-04&to=2026-06-30')).body.items.map(
        (m) => m.id,
      ),
      [council.body.id],
      'a meeting over two days is in a window touching the second',
    );
    assert.equal((await call<Items<Meeting>>(readerToken, 'GET', '/meetings?from=2026-06-05')).body.items.length, 0);
    assert.equal((await call<Problem>(readerToken, 'GET', '/meetings?from=5.6.2026')).status, 400);
    assert.equal(
      (await call<Meeting>(editorToken, 'PATCH', `/meetings/${council.body.id}`, { url: null })).body.url,
      null,
    );
    assert.equal((await call(editorToken, 'DELETE', `/meetings/${council.body.id}`)).status, 204);
  });

  it('lets an owner’s admin subscribe its own people, never another owner’s or the platform’s', async () => {
    const own = await call<Subscription>(ownerAdmin, 'POST', '/report-subscriptions', {
      owner: tenant.organisation.code,
      email: 'leder@a.no',
      lang: 'en',
    });
    assert.equal(own.status, 201);
    assert.deepEqual(
      { owner: own.body.owner?.code, email: own.body.email, lang: own.body.lang },
      { owner: tenant.organisation.code, email: 'leder@a.no', lang: 'en' },
    );
    assert.equal(
      (
        await call(ownerAdmin, 'POST', '/report-subscriptions', {
          owner: tenant.organisation.code,
          email: 'leder@a.no',
        })
      ).status,
      409,
    );
    assert.equal(
      (await call(ownerAdmin, 'POST', '/report-subscriptions', { owner: other.organisation.code, email: 'x@a.no' }))
        .status,
      404,
    );
    assert.equal((await call(ownerAdmin, 'POST', '/report-subscriptions', { email: 'x@a.no' })).status, 403);
    const operatorAdmin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
    const platform = await call<Subscription>(operatorAdmin, 'POST', '/report-subscriptions', {
      email: 'ledelse@plattform.no',
    });
    assert.equal(platform.body.owner, null);
    const mine = await call<Items<Subscription>>(ownerAdmin, 'GET', '/report-subscriptions');
    assert.deepEqual(
      mine.body.items.map((s) => s.email),
      ['leder@a.no'],
    );
    const all = await call<Items<Subscription>>(operatorAdmin, 'GET', '/report-subscriptions');
    assert.deepEqual(
      all.body.items.map((s) => s.email),
      ['ledelse@plattform.no', 'leder@a.no'],
    );
    assert.equal((await call(ownerAdmin, 'DELETE', `/report-subscriptions/${platform.body.id}`)).status, 404);
    assert.equal((await call(ownerAdmin, 'DELETE', `/report-subscriptions/${own.body.id}`)).status, 204);
  });
});
