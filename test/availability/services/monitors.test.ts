import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { unknownWithin } from '../../../src/modules/availability/domain/probe-intervals.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { createMonitor } from '../../../src/modules/availability/services/create-monitor.ts';
import { disableMonitor } from '../../../src/modules/availability/services/disable-monitor.ts';
import { recordProbeResults } from '../../../src/modules/availability/services/record-probe-results.ts';
import { runDueProbes } from '../../../src/modules/availability/services/run-due-probes.ts';
import { systemContext, testEpoch, unique } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';
import { outboundSender } from '../../../src/platform/net/outbound-request.ts';
import { OutboundRefusedError } from '../../../src/platform/net/outbound-url.ts';

const minute = 60_000;
// The probed server listens on loopback, which the policy refuses unless allowed, as an operator would allow it.
const outbound = testOutbound('localhost');
const send = outboundSender(outbound);
let store: TestStore;
let server: Server;
let port = 0;
let hits = 0;
/** What the probed server answers, in turn; the last status repeats. */
let statuses: number[] = [];

before(async () => {
  store = await createTestStore();
  server = createServer((_req, res) => {
    const status = statuses.length > 1 ? (statuses.shift() ?? 200) : (statuses[0] ?? 200);
    hits += 1;
    const location: Record<string, string> = status >= 300 && status < 400 ? { location: '/elsewhere' } : {};
    res.writeHead(status, { 'content-type': 'text/plain', ...location }).end(status === 200 ? 'ok' : 'feil');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.destroy();
});

async function setUp(intervalSeconds = 60) {
  const clock = fixedClock(testEpoch);
  const ctx = systemContext(store, clock);
  const component = await createComponent(ctx, {
    code: unique('k'),
    name: 'Forside',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
  const { monitor } = await createMonitor(
    ctx,
    {
      component: component.code,
      kind: 'http',
      name: 'Forside-probe',
      url: `http://localhost:${port}/health`,
      intervalSeconds,
      timeoutMs: 2_000,
    },
    outbound,
  );
  return { clock, ctx, component, monitor };
}

function intervalsOf(monitorId: string) {
  return store.db
    .selectFrom('monitor_intervals')
    .select(['state', 'start_at', 'end_at', 'samples'])
    .where('monitor_id', '=', monitorId)
    .orderBy('start_at')
    .execute();
}

function outagesOf(monitorId: string) {
  return store.db
    .selectFrom('outages')
    .select(['component_id', 'source', 'severity', 'start_at', 'end_at'])
    .where('monitor_id', '=', monitorId)
    .orderBy('start_at')
    .execute();
}

/** Fails every write to monitor_intervals, as a database in trouble would. */
const brokenIntervals: KyselyPlugin = {
  transformQuery({ node }): RootOperationNode {
    if (node.kind !== 'SelectQueryNode' && JSON.stringify(node).includes('"monitor_intervals"'))
      throw new Error('database unavailable');
    return node;
  },
  transformResult: ({ result }) => Promise.resolve(result),
};

describe('http probes', () => {
  it('turns 200, 500, 500, 200 into runs, and opens and closes the monitor outage', async () => {
    const { clock, ctx, component, monitor } = await setUp();
    statuses = [200, 500, 500, 200];
    for (let i = 0; i < 4; i += 1) {
      const run = await runDueProbes(ctx, send);
      assert.equal(run.claimed, 1, `probe ${i}`);
      if (i === 2)
        assert.deepEqual(
          await outagesOf(monitor.id),
          [
            {
              component_id: component.id,
              source: 'monitor',
              severity: 'unavailable',
              start_at: testEpoch + minute,
              end_at: null,
            },
          ],
          'open after the second failure',
        );
      clock.advance(minute);
    }
    assert.deepEqual(await intervalsOf(monitor.id), [
      { state: 'up', start_at: testEpoch, end_at: testEpoch + minute, samples: 1 },
      { state: 'down', start_at: testEpoch + minute, end_at: testEpoch + 3 * minute, samples: 2 },
      { state: 'up', start_at: testEpoch + 3 * minute, end_at: testEpoch + 4 * minute, samples: 1 },
    ]);
    assert.deepEqual(await outagesOf(monitor.id), [
      {
        component_id: component.id,
        source: 'monitor',
        severity: 'unavailable',
        start_at: testEpoch + minute,
        end_at: testEpoch + 3 * minute,
      },
    ]);
  });

  it('leaves a gap without probes unknown, never up', async () => {
    const { clock, ctx, monitor } = await setUp();
    statuses = [200];
    await runDueProbes(ctx, send);
    clock.advance(minute);
    await runDueProbes(ctx, send);
    clock.advance(10 * minute); // the runner was away
    await runDueProbes(ctx, send);
    const runs = (await intervalsOf(monitor.id)).map((r) => ({ start: r.start_at, end: r.end_at }));
    assert.deepEqual(runs, [
      { start: testEpoch, end: testEpoch + 2 * minute },
      { start: testEpoch + 11 * minute, end: testEpoch + 12 * minute },
    ]);
    assert.deepEqual(unknownWithin(runs, testEpoch, testEpoch + 12 * minute), [
      { start: testEpoch + 2 * minute, end: testEpoch + 11 * minute },
    ]);
  });

  it('probes a monitor once per slot, however many runners ask at the same time', async () => {
    const { ctx, monitor } = await setUp();
    statuses = [200];
    const before = hits;
    const runs = await Promise.all([runDueProbes(ctx, send), runDueProbes(ctx, send), runDueProbes(ctx, send)]);
    assert.equal(
      runs.reduce((n, r) => n + r.claimed, 0),
      1,
    );
    assert.equal(hits - before, 1);
    assert.equal((await intervalsOf(monitor.id)).length, 1);
    assert.equal((await runDueProbes(ctx, send)).claimed, 0, 'not due again before its interval');
  });

  it('counts an unreachable target as down', async () => {
    const { ctx, monitor } = await setUp();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await store.db
      .updateTable('monitors')
      .set({ url: `http://localhost:${deadPort}/health` })
      .where('id', '=', monitor.id)
      .execute();
    await runDueProbes(ctx, send);
    assert.deepEqual(
      (await intervalsOf(monitor.id)).map((r) => r.state),
      ['down'],
    );
  });

  it('does not follow a redirect: a 3xx is the status the probe got', async () => {
    const { ctx, monitor } = await setUp();
    statuses = [302];
    const before = hits;
    await runDueProbes(ctx, send);
    assert.equal(hits - before, 1, 'only the monitored URL was asked');
    assert.deepEqual(
      (await intervalsOf(monitor.id)).map((r) => r.state),
      ['down'],
    );
  });

  it('records nothing for a target the outbound policy refuses at connection, and asks it nothing', async () => {
    const { ctx, monitor } = await setUp();
    statuses = [200];
    const before = hits;
    // As if NIVA_OUTBOUND_ALLOW had been emptied since the monitor was made: localhost is loopback.
    const run = runDueProbes(ctx, outboundSender(testOutbound('')));
    await assert.rejects(run, (error: AggregateError) => error.errors[0] instanceof OutboundRefusedError);
    assert.equal(hits, before);
    assert.deepEqual(await intervalsOf(monitor.id), [], 'unknown, not down: the component was never asked');
  });

  it('records nothing when Nivå itself fails, neither a result nor an outage', async () => {
    const { clock, ctx, monitor } = await setUp();
    statuses = [500];
    const failingFetch = () => Promise.reject(new RangeError('a bug on our side'));
    await assert.rejects(runDueProbes(ctx, failingFetch), AggregateError);
    clock.advance(minute);
    const brokenDb: ServiceContext = { ...ctx, db: store.db.withPlugin(brokenIntervals) };
    await assert.rejects(runDueProbes(brokenDb, send), AggregateError);
    clock.advance(minute);
    await assert.rejects(runDueProbes(brokenDb, send), AggregateError);
    assert.deepEqual(await intervalsOf(monitor.id), []);
    assert.deepEqual(await outagesOf(monitor.id), []);
  });
});

describe('recordProbeResults', () => {
  it('ignores re-sent results and extends the stored run in place', async () => {
    const { ctx, monitor } = await setUp();
    const batch = [
      { at: testEpoch, ok: true },
      { at: testEpoch + minute, ok: true },
    ];
    assert.equal((await recordProbeResults(ctx, monitor.id, batch)).recorded, 2);
    assert.equal((await recordProbeResults(ctx, monitor.id, batch)).recorded, 0);
    assert.equal((await recordProbeResults(ctx, monitor.id, [{ at: testEpoch + 2 * minute, ok: true }])).recorded, 1);
    assert.deepEqual(await intervalsOf(monitor.id), [
      { state: 'up', start_at: testEpoch, end_at: testEpoch + 3 * minute, samples: 3 },
    ]);
  });

  it('needs two failures in a row for an outage, and a gap after them ends it without downtime', async () => {
    const { ctx, monitor } = await setUp();
    await recordProbeResults(ctx, monitor.id, [
      { at: testEpoch, ok: false },
      { at: testEpoch + minute, ok: true },
    ]);
    assert.deepEqual(await outagesOf(monitor.id), [], 'one failure is noise');
    await recordProbeResults(ctx, monitor.id, [
      { at: testEpoch + 2 * minute, ok: false },
      { at: testEpoch + 3 * minute, ok: false },
    ]);
    assert.equal((await outagesOf(monitor.id))[0]?.end_at, null);
    await recordProbeResults(ctx, monitor.id, [{ at: testEpoch + 30 * minute, ok: false }]);
    const outages = await outagesOf(monitor.id);
    assert.deepEqual(
      outages.map((o) => [o.start_at, o.end_at]),
      [[testEpoch + 2 * minute, testEpoch + 4 * minute]],
      'the silence is unknown; one failure after it is not yet an outage',
    );
  });

  it('closes an open outage when the monitor is disabled', async () => {
    const { ctx, monitor } = await setUp();
    await recordProbeResults(ctx, monitor.id, [
      { at: testEpoch - 3 * minute, ok: false },
      { at: testEpoch - 2 * minute, ok: false },
    ]);
    await disableMonitor(ctx, { id: monitor.id });
    assert.deepEqual(
      (await outagesOf(monitor.id)).map((o) => [o.start_at, o.end_at]),
      [[testEpoch - 3 * minute, testEpoch - minute]],
    );
    await assert.rejects(recordProbeResults(ctx, monitor.id, [{ at: testEpoch, ok: true }]), { code: 'not-found' });
  });
});

describe('createMonitor', () => {
  it('applies the outbound policy and hands out a token only to push monitors', async () => {
    const ctx = systemContext(store);
    const component = await createComponent(ctx, {
      code: unique('k'),
      name: 'Studio',
      calendarId: 'studio-hours',
      targetBasisPoints: 9980,
    });
    await assert.rejects(
      createMonitor(
        ctx,
        {
          component: component.id,
          kind: 'http',
          name: 'Klartekst',
          url: 'http://studio.example.no/health',
        },
        outbound,
      ),
      {
        code: 'validation',
        fields: [{ field: 'url', message: 'plain http:// is not allowed here; use https://' }],
      },
    );
    for (const url of ['https://10.0.0.5/health', 'https://169.254.169.254/latest/meta-data/', 'http://127.1:8090/'])
      await assert.rejects(
        createMonitor(ctx, { component: component.id, kind: 'http', name: 'Intern', url }, testOutbound()),
        { code: 'validation', fields: [{ field: 'url', message: 'points to a private or local network address' }] },
        url,
      );
    const internal = await createMonitor(
      ctx,
      { component: component.id, kind: 'http', name: 'Intern', url: 'https://10.0.0.5/health' },
      testOutbound('10.0.0.0/8'),
    );
    assert.equal(internal.monitor.url, 'https://10.0.0.5/health', 'an allowed internal target is the escape hatch');
    await assert.rejects(
      createMonitor(
        ctx,
        {
          component: component.id,
          kind: 'http',
          name: 'Tett',
          url: 'https://studio.example.no/health',
          intervalSeconds: 5,
        },
        outbound,
      ),
      { code: 'validation' },
    );
    await assert.rejects(createMonitor(ctx, { component: 'finnes-ikke', kind: 'heartbeat', name: 'Puls' }, outbound), {
      code: 'not-found',
    });
    const http = await createMonitor(
      ctx,
      {
        component: component.code,
        kind: 'http',
        name: 'Studio-probe',
        url: 'https://studio.example.no/health',
        expectedStatus: 204,
      },
      outbound,
    );
    assert.equal(http.token, null);
    const push = await createMonitor(ctx, { component: component.code, kind: 'heartbeat', name: 'Nattjobb' }, outbound);
    assert.match(push.token ?? '', /^nivm_/);
    const stored = await store.db
      .selectFrom('monitors')
      .select(['token_digest', 'next_run_at'])
      .where('id', '=', push.monitor.id)
      .executeTakeFirstOrThrow();
    const token = push.token ?? '';
    const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
    assert.equal(stored.token_digest, sha256(token), 'only the digest of the push token is stored');
    assert.notEqual(stored.token_digest, sha256(`${token}x`), 'which is not the digest of another token');
    assert.equal(stored.next_run_at, null, 'push monitors are never probed');
  });
});
