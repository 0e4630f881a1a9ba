import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { createMonitor, type MonitorKind } from '../../../src/modules/availability/services/create-monitor.ts';
import { systemContext, testEpoch, unique } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let componentId = '';

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store));
  componentId = (
    await createComponent(systemContext(store), {
      code: unique('k'),
      name: 'Altinn Apps',
      calendarId: 'always',
      targetBasisPoints: 9990,
    })
  ).id;
});

after(async () => {
  await store.destroy();
});

async function pushMonitor(
  kind: Exclude<MonitorKind, 'http'>,
  intervalSeconds = 300,
): Promise<{ id: string; token: string }> {
  const { monitor, token } = await createMonitor(
    systemContext(store),
    {
      component: componentId,
      kind,
      name: `${kind} ${unique('')}`,
      intervalSeconds,
    },
    testOutbound(),
  );
  assert.ok(token);
  return { id: monitor.id, token };
}

/** A push as the sender makes it: no session, no bearer token, only the token in the path. */
function push(path: string, body?: unknown, raw?: string): Promise<Response> {
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' } };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  return Promise.resolve(app.request(`/api/v1${path}`, init));
}

const runs = (monitorId: string) =>
  store.db
    .selectFrom('monitor_intervals')
    .select(['state', 'start_at', 'end_at', 'samples'])
    .where('monitor_id', '=', monitorId)
    .orderBy('start_at')
    .execute();
const outages = (monitorId: string) =>
  store.db
    .selectFrom('outages')
    .select(['start_at', 'end_at', 'source', 'component_id'])
    .where('monitor_id', '=', monitorId)
    .execute();

describe('push endpoints', () => {
  it('takes a heartbeat as an up result now', async () => {
    clock.set(testEpoch);
    const m = await pushMonitor('heartbeat', 60);
    const response = await push(`/heartbeats/${m.token}`);
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { recorded: 1 });
    assert.deepEqual(await runs(m.id), [{ state: 'up', start_at: testEpoch, end_at: testEpoch + 60_000, samples: 1 }]);
  });

  it('turns a firing Alertmanager group into an outage and its resolution into its end', async () => {
    clock.set(testEpoch); // 09:00Z, ten minutes after the alert started
    const m = await pushMonitor('alertmanager');
    const firing = fixture('alertmanager-v4.json');
    assert.equal((await push(`/intake/alertmanager/${m.token}`, firing)).status, 202);
    const startsAt = Date.parse('2026-03-02T08:50:12.345Z');
    assert.deepEqual(await outages(m.id), [
      { start_at: startsAt, end_at: null, source: 'monitor', component_id: componentId },
    ]);
    assert.deepEqual(
      (await push(`/intake/alertmanager/${m.token}`, firing)).status,
      202,
      'a repeated notification is harmless',
    );

    clock.set(testEpoch + 12 * 60_000);
    const [alert] = firing.alerts as Record<string, unknown>[];
    const resolved = {
      ...firing,
      status: 'resolved',
      alerts: [{ ...alert, status: 'resolved', endsAt: '2026-03-02T09:10:00Z' }],
    };
    assert.equal((await push(`/intake/alertmanager/${m.token}`, resolved)).status, 202);
    const endsAt = Date.parse('2026-03-02T09:10:00Z');
    assert.deepEqual(await outages(m.id), [
      { start_at: startsAt, end_at: endsAt, source: 'monitor', component_id: componentId },
    ]);
    assert.deepEqual(
      (await runs(m.id)).map((r) => [r.state, r.start_at, r.end_at]),
      [
        ['down', startsAt, endsAt],
        ['up', endsAt, testEpoch + 17 * 60_000],
      ],
    );
  });

  it('turns Uptime Kuma down and up notifications into an outage', async () => {
    clock.set(testEpoch);
    const m = await pushMonitor('uptime-kuma');
    const down = fixture('uptime-kuma-down.json');
    assert.equal((await push(`/intake/uptime-kuma/${m.token}`, down)).status, 202);
    const downAt = Date.parse('2026-03-02T08:55:00.123Z');
    assert.deepEqual(
      (await outages(m.id)).map((o) => [o.start_at, o.end_at]),
      [[downAt, null]],
    );
    clock.set(testEpoch + 3 * 60_000);
    const up = {
      ...down,
      heartbeat: {
        ...(down.heartbeat as Record<string, unknown>),
        status: 1,
        time: '2026-03-02 09:02:00.000',
        msg: '200 - OK',
      },
    };
    assert.equal((await push(`/intake/uptime-kuma/${m.token}`, up)).status, 202);
    assert.deepEqual(
      (await outages(m.id)).map((o) => [o.start_at, o.end_at]),
      [[downAt, testEpoch + 2 * 60_000]],
    );
  });

  it("accepts Uptime Kuma's test notification and pending beats without recording", async () => {
    const m = await pushMonitor('uptime-kuma');
    const test = await push(`/intake/uptime-kuma/${m.token}`, {
      heartbeat: null,
      monitor: null,
      msg: 'Uptime Kuma Webhook Testing',
    });
    assert.deepEqual([test.status, await test.json()], [202, { recorded: 0 }]);
    const pending = { ...fixture('uptime-kuma-down.json'), heartbeat: { status: 2, time: '2026-03-02 08:59:00.000' } };
    assert.deepEqual(await (await push(`/intake/uptime-kuma/${m.token}`, pending)).json(), { recorded: 0 });
    assert.deepEqual(await runs(m.id), []);
  });

  it('answers 404 to an unknown token, a token of another kind and a disabled monitor', async () => {
    const heartbeat = await pushMonitor('heartbeat');
    const cases = [
      push('/heartbeats/nivm_unknown'),
      push('/heartbeats/not-even-a-token'),
      push(`/intake/alertmanager/${heartbeat.token}`, fixture('alertmanager-v4.json')),
      push(`/intake/uptime-kuma/${heartbeat.token}`, fixture('uptime-kuma-down.json')),
    ];
    for (const response of await Promise.all(cases)) {
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    await store.db.updateTable('monitors').set({ enabled: 0 }).where('id', '=', heartbeat.id).execute();
    assert.equal((await push(`/heartbeats/${heartbeat.token}`)).status, 404);
  });

  it('answers 400 naming the field to a malformed payload, and records nothing', async () => {
    const am = await pushMonitor('alertmanager');
    const kuma = await pushMonitor('uptime-kuma');
    const firing = fixture('alertmanager-v4.json');
    const cases: [Response, string][] = [
      [
        await push(`/intake/alertmanager/${am.token}`, {
          ...firing,
          alerts: [{ ...(firing.alerts as object[])[0], startsAt: 'i går' }],
        }),
        'alerts.0.startsAt',
      ],
      [await push(`/intake/alertmanager/${am.token}`, { ...firing, version: '3' }), 'version'],
      [await push(`/intake/alertmanager/${am.token}`, undefined, '{"status": "firing"'), '(body)'],
      [
        await push(`/intake/uptime-kuma/${kuma.token}`, {
          ...fixture('uptime-kuma-down.json'),
          heartbeat: { status: 0, time: 'snart' },
        }),
        'heartbeat.time',
      ],
    ];
    for (const [response, field] of cases) {
      assert.equal(response.status, 400, field);
      const problem = (await response.json()) as { errors?: { field: string }[] };
      assert.equal(problem.errors?.[0]?.field, field);
    }
    assert.deepEqual([...(await runs(am.id)), ...(await runs(kuma.id))], []);
  });

  it('limits pushes per client address', async () => {
    const limited = createTestApp(store, { intakeRatePerMinute: 2 });
    const m = await pushMonitor('heartbeat', 10);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      limited.clock.advance(10_000);
      statuses.push((await limited.app.request(`/api/v1/heartbeats/${m.token}`, { method: 'POST' })).status);
    }
    assert.deepEqual(statuses, [202, 202, 429]);
  });

  it('keeps the push endpoints out of the OpenAPI document, whose routes all need a session or bearer token', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok('/monitors' in doc.paths);
    assert.deepEqual(
      Object.keys(doc.paths).filter((p) => p.startsWith('/heartbeats') || p.startsWith('/intake')),
      [],
    );
  });
});
