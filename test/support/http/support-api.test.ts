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

interface Report {
  dryRun: boolean;
  records: number;
  inserted: number;
  skipped: number;
}
interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
interface Kpi {
  id: string;
  shown: number | null;
  met: boolean | null;
  target: { policyId: string; threshold: number } | null;
}
interface Period {
  period: string;
  kind: string;
  phone: {
    offered: number;
    answeredDirectly: number;
    meanWaitSeconds: number | null;
    answerRatePercent: number | null;
  };
  email: { count: number; inTime: number };
  kpis: Kpi[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let systemToken: Record<string, string>;
let readToken: Record<string, string>;

const call = <T>(headers: Record<string, string>, method: string, path: string, body?: unknown) =>
  callApi<T>(app, headers, method, path, body);
const count = async (table: 'support_calls' | 'support_emails') =>
  (await store.db.selectFrom(table).select('id').execute()).length;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  systemToken = bearer(
    (
      await createApiToken(systemContext(store), {
        organisationId: operator.organisation.id,
        name: 'telefoni',
        scopes: ['support:write'],
      })
    ).secret,
  );
  readToken = bearer(
    (
      await createApiToken(systemContext(store), {
        organisationId: tenant.organisation.id,
        name: 'rapport',
        scopes: ['support:read'],
      })
    ).secret,
  );
});
after(() => store.destroy());

const calls = [
  {
    line: 'brukerservice',
    externalId: 'a1',
    queuedAt: '2026-01-05T09:00:00+01:00',
    answeredAt: '2026-01-05T09:00:50+01:00',
  },
  {
    line: 'brukerservice',
    externalId: 'a2',
    queuedAt: '2026-01-05T09:10:00+01:00',
    answeredAt: '2026-01-05T09:11:00+01:00',
    abandoned: 0,
    callback: 0,
  },
  {
    line: 'brukerservice',
    externalId: 'a3',
    queuedAt: '2026-01-05T09:20:00+01:00',
    answeredAt: '2026-01-05T10:20:00+01:00',
    callback: true,
  },
  { line: 'brukerservice', externalId: 'a4', queuedAt: '2026-01-12T09:30:00+01:00', abandoned: 1 },
];

describe('support over the API', () => {
  it('imports calls with a support:write token, idempotently, and counts on a dry run', async () => {
    const dry = await call<Report>(systemToken, 'POST', '/support/calls?dryRun=true', calls);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body, { dryRun: true, records: 4, inserted: 4, skipped: 0 });
    assert.equal(await count('support_calls'), 0);
    const first = await call<Report>(systemToken, 'POST', '/support/calls', calls);
    assert.deepEqual(first.body, { dryRun: false, records: 4, inserted: 4, skipped: 0 });
    const again = await call<Report>(systemToken, 'POST', '/support/calls', calls);
    assert.deepEqual(again.body, { dryRun: false, records: 4, inserted: 0, skipped: 4 });
    const audits = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'support.import-calls')
      .execute();
    assert.equal(audits.length, 2);
  });

  it('refuses a bad record with 400 naming it, and writes none of the request', async () => {
    const before = await count('support_calls');
    const bad = await call<Problem>(systemToken, 'POST', '/support/calls', [
      {
        line: 'brukerservice',
        externalId: 'b1',
        queuedAt: '2026-01-06T09:00:00+01:00',
        answeredAt: '2026-01-06T09:01:00+01:00',
      },
      {
        line: 'brukerservice',
        externalId: 'b2',
        queuedAt: '2026-01-06T09:00:00+01:00',
        answeredAt: '2026-01-06T08:00:00+01:00',
      },
    ]);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors?.[0]?.field, '1.answeredAt');
    const wrongType = await call<Problem>(systemToken, 'POST', '/support/calls', [
      { line: 'brukerservice', externalId: 'b3', queuedAt: true },
    ]);
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.errors?.[0]?.field, '0.queuedAt');
    const notArray = await call<Problem>(systemToken, 'POST', '/support/emails', { line: 'brukerservice' });
    assert.equal(notArray.status, 400);
    const malformed = await app.request('/api/v1/support/emails', {
      method: 'POST',
      headers: { ...systemToken, 'content-type': 'application/json' },
      body: '[{"line": "brukerservice",',
    });
    assert.equal(malformed.status, 400);
    assert.equal(await count('support_calls'), before);
    assert.equal(await count('support_emails'), 0);
  });

  it('lets only the operator import; owners and read tokens are refused', async () => {
    const owner = sessionHeaders(await logIn(app, tenant.users['owner-admin'].email, testPassword));
    assert.equal((await call<Problem>(owner, 'POST', '/support/calls', calls)).status, 403);
    assert.equal(
      (
        await call<Problem>(readToken, 'POST', '/support/emails', [
          { line: 'brukerservice', externalId: 'r1', receivedAt: '2026-01-05T09:00:00+01:00' },
        ])
      ).status,
      403,
    );
    const agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
    const emails = await call<Report>(agent, 'POST', '/support/emails', [
      {
        line: 'brukerservice',
        externalId: 'e1',
        receivedAt: '2026-01-05T09:00:00+01:00',
        firstAnswerAt: '2026-01-05T11:00:00+01:00',
      },
    ]);
    assert.deepEqual(emails.body, { dryRun: false, records: 1, inserted: 1, skipped: 0 });
  });

  it('reports the KPIs per month and per ISO week against the agreement', async () => {
    const months = await call<{ items: Period[] }>(readToken, 'GET', '/support/kpis?from=2026-01&to=2026-02');
    assert.equal(months.status, 200, JSON.stringify(months.body));
    assert.deepEqual(
      months.body.items.map((p) => p.period),
      ['2026-01', '2026-02'],
    );
    const jan = months.body.items[0];
    // Answered directly: 50 s and 60 s → mean 55 s; 2 of 4 offered → 50 %.
    assert.deepEqual(jan?.phone, {
      offered: 4,
      answeredDirectly: 2,
      callbacks: 1,
      abandoned: 1,
      meanWaitSeconds: 55,
      answerRatePercent: 50,
    });
    assert.deepEqual(
      jan?.kpis.map((k) => [k.id, k.shown, k.met]),
      [
        ['phone-wait', 55, true],
        ['phone-answer-rate', 50, false],
        ['phone-callbacks', 1, null],
        ['emails', 1, null],
        ['email-reply', 100, true],
        ['self-service-reply', null, null],
      ],
    );
    assert.equal(jan?.kpis[1]?.target?.policyId, 'phone-answer-rate');
    const weeks = await call<{ items: Period[] }>(readToken, 'GET', '/support/kpis?period=week&from=2026-01');
    assert.deepEqual(
      weeks.body.items.map((p) => [p.period, p.phone.offered]),
      [
        ['2026-W01', 0],
        ['2026-W02', 3],
        ['2026-W03', 1],
        ['2026-W04', 0],
        ['2026-W05', 0],
      ],
    );
    const desk = await call<{ items: Period[] }>(readToken, 'GET', '/support/kpis?from=2026-01&line=servicedesk');
    assert.deepEqual(
      desk.body.items[0]?.kpis.map((k) => k.target?.policyId ?? null),
      [null, null, null, null, null, 'support-portal-reply'],
    );
  });

  const badQueries: [string, string][] = [
    ['/support/kpis', 'from'],
    ['/support/kpis?from=2026-1', 'from'],
    ['/support/kpis?from=2026-02&to=2026-01', 'to'],
    ['/support/kpis?from=2026-01&line=sentralbord', 'line'],
    ['/support/kpis?from=2026-01&period=day', 'period'],
  ];
  for (const [path, field] of badQueries) {
    it(`answers ${path} with 400 naming ${field}`, async () => {
      const response = await call<Problem>(readToken, 'GET', path);
      assert.equal(response.status, 400);
      assert.equal(response.body.errors?.[0]?.field, field);
    });
  }
});
