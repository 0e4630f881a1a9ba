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
import { parseAllowList } from '../../../src/platform/net/outbound-allow.ts';

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

  // Each form an attacker used to reach the platform's own network; all were accepted before the outbound policy.
  const inside: [string, string][] = [
    ['http://0x7f000001:6379/', 'loopback in hexadecimal'],
    ['http://127.1:8090/', 'loopback in short form'],
    ['http://2130706433/', 'loopback as one number'],
    ['http://[::1]:8090/', 'IPv6 loopback'],
    ['https://10.0.0.5/', 'a private address over https'],
    ['https://[fd00::1]/', 'an IPv6 unique-local address'],
    ['https://169.254.169.254/latest/meta-data/', 'the cloud metadata service'],
    ['https://[::ffff:127.0.0.1]/', 'loopback mapped into IPv6'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://localhost/hook', 'a name that resolves to loopback'],
  ];
  for (const [url, what] of inside) {
    it(`refuses ${what}: ${url}`, async () => {
      const response = await call<Problem>(ownerAdmin, 'POST', '/webhooks', {
        organisationId: a.organisation.id,
        url,
        eventTypes: ['*'],
      });
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.deepEqual(
        response.body.errors?.map((e) => e.field),
        ['url'],
      );
      assert.match(response.body.errors?.[0]?.message ?? '', /private or local network address/);
    });
  }

  it('accepts loopback, plain http included, only where NIVA_OUTBOUND_ALLOW allows it', async () => {
    const { app: allowing } = createTestApp(store, { outboundAllow: parseAllowList('localhost,127.0.0.1,::1') });
    const session = sessionHeaders(await logIn(allowing, a.users['owner-admin'].email, testPassword));
    for (const url of ['http://localhost:8081/hook', 'http://127.0.0.1:9000/hook', 'http://[::1]:9000/hook']) {
      const response = await callApi<Endpoint>(allowing, session, 'POST', '/webhooks', {
        organisationId: a.organisation.id,
        url,
        eventTypes: ['*'],
      });
      assert.equal(response.status, 201, `${url}: ${JSON.stringify(response.body)}`);
    }
    const elsewhere = await callApi<Problem>(allowing, session, 'POST', '/webhooks', {
      organisationId: a.organisation.id,
      url: 'https://10.0.0.5/',
      eventTypes: ['*'],
    });
    assert.equal(elsewhere.status, 400, 'the allow-list opens only what it names');
  });

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
