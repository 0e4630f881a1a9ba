import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

interface Endpoint {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: string[];
  createdAt: string;
  disabledAt: string | null;
  secret?: string;
}
interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let ownerAdmin: Record<string, string>;
let operatorAdmin: Record<string, string>;

function call<T>(
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return callApi<T>(app, headers, method, path, body);
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  ownerAdmin = sessionHeaders(await logIn(app, a.users['owner-admin'].email, testPassword));
  operatorAdmin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
});

after(async () => {
  await store.destroy();
});

describe('webhook endpoints over the API', () => {
  it('creates an endpoint and shows its secret once', async () => {
    const created = await call<Endpoint>(ownerAdmin, 'POST', '/webhooks', {
      organisationId: a.organisation.id,
      url: 'https://hooks.etat.no/niva?key=abc',
      eventTypes: ['no.niva.case.resolved', 'no.niva.case.registered', 'no.niva.case.resolved'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.secret ?? '', /^whsec_[A-Za-z0-9_-]{40,}$/);
    assert.deepEqual(created.body.eventTypes, ['no.niva.case.registered', 'no.niva.case.resolved']);
    assert.equal(created.body.disabledAt, null);

    const listed = await call<{ items: Endpoint[] }>(
      ownerAdmin,
      'GET',
      `/webhooks?organisationId=${a.organisation.id}`,
    );
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.items.map((e) => e.id),
      [created.body.id],
    );
    assert.ok(!JSON.stringify(listed.body).includes(created.body.secret ?? '-'), 'the list never shows the secret');

    const audit = await store.db
      .selectFrom('audit_events')
      .select(['summary', 'organisation_id'])
      .where('action', '=', 'webhook.create')
      .where('subject_id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(audit.organisation_id, a.organisation.id);
    assert.ok(!audit.summary.includes(created.body.secret ?? '-'), 'the secret is not audited');
    assert.ok(!audit.summary.includes('key=abc'), 'nor the query string of the URL');
  });

  it('lets "*" stand for every event type', async () => {
    const created = await call<Endpoint>(operatorAdmin, 'POST', '/webhooks', {
      organisationId: operator.organisation.id,
      url: 'https://monitor.plattform.no/hook',
      eventTypes: ['no.niva.case.breached', '*'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.eventTypes, ['*']);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['plain http to another host', { url: 'http://hooks.etat.no/niva' }, 'url'],
    ['credentials in the URL', { url: 'https://user:pw@hooks.etat.no/niva' }, 'url'],
    ['not a URL', { url: 'hooks.etat.no' }, 'url'],
    ['another scheme', { url: 'ftp://hooks.etat.no/' }, 'url'],
    ['an unknown event type', { eventTypes: ['no.niva.case.deleted'] }, 'eventTypes.0'],
    ['no event types', { eventTypes: [] }, 'eventTypes'],
  ];
  for (const [what, change, field] of refused) {
    it(`refuses ${what}`, async () => {
      const response = await call<Problem>(ownerAdmin, 'POST', '/webhooks', {
        organisationId: a.organisation.id,
        url: 'https://hooks.etat.no/niva',
        eventTypes: ['*'],
        ...change,
      });
      assert.equal(response.status, 400);
      assert.ok(
        response.body.errors?.some((e) => e.field === field),
        JSON.stringify(response.body),
      );
    });
  }

  for (const url of ['http://localhost:8081/hook', 'http://127.0.0.1:9000/hook', 'http://[::1]:9000/hook']) {
    it(`accepts plain http on loopback: ${url}`, async () => {
      const response = await call<Endpoint>(ownerAdmin, 'POST', '/webhooks', {
        organisationId: a.organisation.id,
        url,
        eventTypes: ['*'],
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    });
  }

  it('disables an endpoint once, audited, and keeps it listed', async () => {
    const created = await call<Endpoint>(ownerAdmin, 'POST', '/webhooks', {
      organisationId: a.organisation.id,
      url: 'https://hooks.etat.no/old',
      eventTypes: ['*'],
    });
    const disabled = await call<null>(ownerAdmin, 'DELETE', `/webhooks/${created.body.id}`);
    assert.equal(disabled.status, 204);
    const again = await call<Problem>(ownerAdmin, 'DELETE', `/webhooks/${created.body.id}`);
    assert.equal(again.status, 409);
    const listed = await call<{ items: Endpoint[] }>(ownerAdmin, 'GET', '/webhooks');
    assert.ok(listed.body.items.find((e) => e.id === created.body.id)?.disabledAt);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'webhook.disable')
      .where('subject_id', '=', created.body.id)
      .execute();
    assert.equal(audit.length, 1);
  });
});
