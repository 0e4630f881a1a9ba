import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import { createOperator, createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { bearer, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

interface Result {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id: string | null; field: string; reason: string }[];
}
interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let tenant: TestTenant;
let other: TestTenant;
let sender: Record<string, string>;

const now = Date.parse('2026-03-10T12:00:00Z');

async function post<T>(body: string, contentType: string, headers = sender): Promise<{ status: number; body: T }> {
  const response = await app.request('/api/v1/events', {
    method: 'POST',
    body,
    headers: { ...headers, 'content-type': contentType },
  });
  return { status: response.status, body: (await response.json()) as T };
}

function usage(id: string, fields: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  return {
    specversion: '1.0',
    id,
    source: 'https://platform.test/authorization',
    type: 'no.niva.usage',
    time: '2026-03-09T10:00:00Z',
    data: { metric: 'authorizations', owner: tenant.organisation.code, service: null, count: 10, ...data },
    ...fields,
  };
}

async function daily(ownerId: string, metric: string): Promise<{ day: string; service_id: string; count: number }[]> {
  return store.db
    .selectFrom('usage_daily')
    .select(['day', 'service_id', 'count'])
    .where('owner_id', '=', ownerId)
    .where('metric', '=', metric)
    .orderBy('day')
    .execute();
}

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store));
  clock.set(now);
  const operator = await createOperator(store);
  tenant = await createTenant(store);
  other = await createTenant(store);
  const { secret } = await createApiToken(systemContext(store), {
    organisationId: operator.organisation.id,
    name: 'event-bridge',
    scopes: ['usage:write'],
  });
  sender = bearer(secret);
});
after(() => store.destroy());

describe('POST /api/v1/events', () => {
  it('counts a structured event once and acknowledges its retry as a duplicate', async () => {
    const event = JSON.stringify(usage('single-1'));
    const first = await post<Result>(event, 'application/cloudevents+json');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { accepted: 1, duplicates: 0, rejected: [] });
    const retry = await post<Result>(event, 'application/cloudevents+json');
    assert.deepEqual(retry.body, { accepted: 0, duplicates: 1, rejected: [] });
    assert.deepEqual(await daily(tenant.organisation.id, 'authorizations'), [
      { day: '2026-03-09', service_id: '', count: 10 },
    ]);
  });

  it('resolves Altinn events to owner and service through the resource, on the Oslo day', async () => {
    // Recorded shape of an Altinn 3 app event; 23:30 UTC on 8 March is 9 March in Oslo.
    const recorded = JSON.parse(readFileSync('test/fixtures/altinn-app-process-completed.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const events = [0, 1, 2].map((i) => ({
      ...recorded,
      id: `app-${i}`,
      time: '2026-03-08T23:30:00.1234567Z',
      resource: `urn:altinn:resource:${tenant.service.resource_id}`,
    }));
    const result = await post<Result>(JSON.stringify(events), 'application/cloudevents-batch+json');
    assert.deepEqual(result.body, { accepted: 3, duplicates: 0, rejected: [] });
    assert.deepEqual(await daily(tenant.organisation.id, 'altinn3_submissions'), [
      { day: '2026-03-09', service_id: tenant.service.id, count: 3 },
    ]);
  });

  it('keeps the valid rest of a batch and reports each refused event by index and field', async () => {
    const batch = [
      usage('mixed-ok'),
      usage('mixed-neg', {}, { count: -1 }),
      usage('mixed-frac', {}, { count: 1.5 }),
      usage('mixed-metric', {}, { metric: 'page_views' }),
      { ...usage('x'), id: undefined },
      usage('mixed-owner', {}, { owner: 'nobody' }),
      usage('mixed-service', {}, { service: other.service.resource_id }),
      usage('mixed-old', { time: '2026-01-01T10:00:00Z' }),
      usage('mixed-future', { time: '2026-03-11T10:00:00Z' }),
      usage('mixed-ok'),
    ];
    const result = await post<Result>(JSON.stringify(batch), 'application/cloudevents-batch+json');
    assert.equal(result.status, 200);
    assert.equal(result.body.accepted, 1);
    assert.equal(result.body.duplicates, 1);
    assert.deepEqual(
      result.body.rejected.map((r) => [r.index, r.field]),
      [
        [1, 'data.count'],
        [2, 'data.count'],
        [3, 'data.metric'],
        [4, 'id'],
        [5, 'data.owner'],
        [6, 'data.service'],
        [7, 'time'],
        [8, 'time'],
      ],
    );
    assert.match(result.body.rejected[6]?.reason ?? '', /late-event horizon/);
  });

  it('accepts NDJSON, rejecting a broken line on its own', async () => {
    const body = [
      JSON.stringify(usage('nd-1', {}, { metric: 'consents', count: 2 })),
      '{not json',
      JSON.stringify(usage('nd-2', {}, { metric: 'consents', count: 3 })),
      '',
    ].join('\n');
    const result = await post<Result>(body, 'application/x-ndjson');
    assert.equal(result.body.accepted, 2);
    assert.deepEqual(
      result.body.rejected.map((r) => [r.index, r.field]),
      [[1, '(event)']],
    );
    assert.deepEqual(
      (await daily(tenant.organisation.id, 'consents')).map((r) => r.count),
      [5],
    );
  });

  it('refuses a request whole when nothing in it can be counted, and counts nothing', async () => {
    const before = await daily(tenant.organisation.id, 'sms_notifications');
    const cases: [string, string, number, string][] = [
      ['{"specversion":"1.0",', 'application/cloudevents+json', 400, '(body)'],
      [
        JSON.stringify({
          ...usage('gone'),
          id: undefined,
          data: { metric: 'sms_notifications', owner: tenant.organisation.code, count: 1 },
        }),
        'application/cloudevents+json',
        400,
        'id',
      ],
      [
        JSON.stringify(usage('neg', {}, { metric: 'sms_notifications', count: -5 })),
        'application/cloudevents+json',
        400,
        'data.count',
      ],
      [
        JSON.stringify([usage('a', {}, { metric: 'nope' })]),
        'application/cloudevents-batch+json',
        400,
        '[0].data.metric',
      ],
      [JSON.stringify(usage('obj')), 'application/cloudevents-batch+json', 400, '(body)'],
      ['[]', 'application/cloudevents-batch+json', 400, '(body)'],
      ['id,count\n1,2', 'text/csv', 415, 'content-type'],
    ];
    for (const [body, type, status, field] of cases) {
      const result = await post<Problem>(body, type);
      assert.equal(result.status, status, `${type} ${body}: ${JSON.stringify(result.body)}`);
      assert.equal(result.body.errors?.[0]?.field, field, JSON.stringify(result.body));
    }
    assert.deepEqual(await daily(tenant.organisation.id, 'sms_notifications'), before);
  });

  it('counts overlapping batches sent at once exactly once, without deadlocks', async () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      usage(
        `overlap-${i}`,
        { time: `2026-03-0${1 + (i % 9)}T10:00:00Z` },
        { metric: 'forms_archived', count: 1 + (i % 7) },
      ),
    );
    const orders = [0, 1, 2, 3, 4, 5].map((seed) =>
      [...events].sort(
        (a, b) =>
          ((a.id.length * 31 + Number(a.id.slice(8)) * (seed + 3)) % 97) -
          ((b.id.length * 31 + Number(b.id.slice(8)) * (seed + 3)) % 97),
      ),
    );
    const results = await Promise.all(
      orders.map((batch) => post<Result>(JSON.stringify(batch), 'application/cloudevents-batch+json')),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200, 200, 200, 200, 200],
    );
    assert.deepEqual(
      [results.reduce((n, r) => n + r.body.accepted, 0), results.reduce((n, r) => n + r.body.duplicates, 0)],
      [300, 1500],
    );
    const total = (await daily(tenant.organisation.id, 'forms_archived')).reduce((n, r) => n + Number(r.count), 0);
    assert.equal(
      total,
      events.reduce((n, e) => n + e.data.count, 0),
    );
  });

  it('refuses a 50 MB body with 413 before reading it all', async () => {
    const big = `[${'"x",'.repeat(12_500_000)}"x"]`;
    const result = await post<Problem>(big, 'application/cloudevents-batch+json');
    assert.equal(result.status, 413);
    assert.match(result.body.detail ?? '', /5 MiB/);
  });

  it('refuses events in a closed month and lets only senders with usage:write in', async () => {
    await store.db
      .insertInto('usage_month_closures')
      .values({ month: '2026-02', closed_at: now, closed_by: null })
      .execute();
    const late = await post<Problem>(
      JSON.stringify(usage('closed-1', { time: '2026-02-27T10:00:00Z' })),
      'application/cloudevents+json',
    );
    assert.equal(late.status, 400);
    assert.match(late.body.errors?.[0]?.message ?? '', /2026-02.*closed/);
    const owner = await post<Problem>(
      JSON.stringify(usage('owner-1')),
      'application/cloudevents+json',
      bearer(tenant.token.secret),
    );
    assert.equal(owner.status, 403);
  });
});
