// Exactly-once counting through crashes: the server is killed with SIGKILL at random moments during a long
// ingestion and started again; the client retries every batch it has no answer for. At the end each event must be
// counted once: no loss (a 200 means committed) and no double count (a retry of a committed batch is a duplicate).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { mulberry32 } from '../../src/app/demo/seeded-random.ts';
import { createApiToken } from '../../src/modules/access/services/create-api-token.ts';
import { createOperator, createTenant, systemContext, type TestTenant } from '../helpers/factories.ts';
import { nivaEnv, spawnNiva, stopProcess } from '../helpers/cli.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';

let store: TestStore;
let tenants: TestTenant[];
let secret: string;
let server: ChildProcess | null = null;

before(async () => {
  store = await createTestStore();
  const operator = await createOperator(store);
  tenants = [await createTenant(store), await createTenant(store)];
  ({ secret } = await createApiToken(systemContext(store), {
    organisationId: operator.organisation.id,
    name: 'event bridge',
    scopes: ['usage:write'],
  }));
});
after(async () => {
  if (server) await stopProcess(server);
  await store.destroy();
});

/** Starts `niva serve` on a free port and resolves with its origin once it answers. */
function startServer(): Promise<string> {
  const child = spawnNiva(['serve', '--port', '0', '--no-jobs'], nivaEnv(store, { HOST: '127.0.0.1' }));
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.once('exit', () => clearTimeout(timer));
  });
}

function killServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

test('SIGKILL at random moments loses no event and counts none twice', { timeout: 240_000 }, async () => {
  const random = mulberry32(4242);
  const batches = 240;
  const perBatch = 500;
  const expected = new Map<string, number>();
  const bodies: string[] = [];
  const time = new Date(Date.now() - 3_600_000).toISOString();
  for (let b = 0; b < batches; b++) {
    const events = [];
    for (let i = 0; i < perBatch; i++) {
      const tenant = tenants[Math.floor(random() * tenants.length)] as TestTenant;
      const metric = random() < 0.5 ? 'authorizations' : 'consents';
      const count = 1 + Math.floor(random() * 1000);
      expected.set(
        `${tenant.organisation.id}/${metric}`,
        (expected.get(`${tenant.organisation.id}/${metric}`) ?? 0) + count,
      );
      events.push({
        specversion: '1.0',
        id: `crash-${b}-${i}`,
        source: 'https://crash.test/usage',
        type: 'no.niva.usage',
        time,
        data: { metric, owner: tenant.organisation.code, service: null, count },
      });
    }
    bodies.push(JSON.stringify(events));
  }

  // The origin of the server that is up, or of the one starting after the latest kill.
  let serving = startServer();
  let kills = 0;
  let stopKilling = false;
  // The killer strikes 0.15–0.75 s after each start, mostly while a request is in flight, then the server is started again.
  const killer = (async () => {
    await serving;
    while (!stopKilling && kills < 6) {
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * 600));
      if (stopKilling) break;
      // Replaced before the kill signal is sent, so a request failing because of this kill waits for the restart.
      serving = killServer().then(startServer);
      await serving;
      kills++;
    }
  })();

  let retries = 0;
  let counted = 0;
  let duplicates = 0;
  for (const body of bodies) {
    for (;;) {
      const origin = await serving;
      try {
        const response = await fetch(`${origin}/api/v1/events`, {
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/cloudevents-batch+json' },
        });
        assert.equal(response.status, 200, await response.clone().text());
        const result = (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
        assert.deepEqual(result.rejected, []);
        counted += result.accepted;
        duplicates += result.duplicates;
        break;
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        // Killed servers end by signal; one that exits with a code crashed by itself, and no restart is coming.
        if (server?.exitCode != null) assert.fail(`the server exited with ${server.exitCode}: ${String(error)}`);
        // No answer: the server died under us. Whether the batch was committed is unknown, so send it again once the
        // server is back (the next turn awaits the restart; a server that fails to start fails the test).
        retries++;
      }
    }
  }
  stopKilling = true;
  await killer;

  assert.ok(kills >= 2, `the server was killed ${kills} times`);
  const rows = await store.db
    .selectFrom('usage_daily')
    .select(['owner_id', 'metric', (eb) => eb.fn.sum<number | string>('count').as('n')])
    .where(
      'owner_id',
      'in',
      tenants.map((t) => t.organisation.id),
    )
    .groupBy(['owner_id', 'metric'])
    .execute();
  const actual = new Map(rows.map((r) => [`${r.owner_id}/${r.metric}`, Number(r.n)]));
  assert.deepEqual(actual, expected, `after ${kills} kills and ${retries} retries`);
  const keys = await store.db
    .selectFrom('usage_event_keys')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(keys.n), batches * perBatch);
  // A batch committed just before a kill is counted once and its retry answered as duplicates.
  assert.ok(
    counted <= batches * perBatch && counted + duplicates >= batches * perBatch,
    `${counted} counted, ${duplicates} duplicates`,
  );
});
