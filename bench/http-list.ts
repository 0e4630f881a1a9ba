/**
 * bench:http — throughput of an authenticated API list endpoint against a bare endpoint of the same server.
 *
 * Both run in one process against the real HTTP server on loopback:
 *   bare: GET /healthz               (middleware only: no auth, no database)
 *   list: GET /api/v1/organisations  (bearer token check, tenant-scoped query, presenter, JSON)
 * Target: the list endpoint keeps at least 40 % of the bare endpoint's requests per second.
 *
 * The load generator runs in a worker thread so it does not share the server's event loop. Each endpoint gets
 * a short warm-up, then BENCH_SECONDS of load split into BENCH_ROUNDS rounds that alternate between the two.
 * Environment: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 5), and
 * DATABASE_URL: a postgres:// URL benchmarks a throwaway database created next to it (and dropped after);
 * anything else uses a temporary SQLite file. The last line of output is one JSON object with both figures
 * and their ratio. Missing the target is reported there, not by the exit code: exit 1 means the run failed.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve, type ServerType } from '@hono/node-server';
import autocannon from 'autocannon';
import { loadConfig } from '../src/platform/config/config.ts';
import { createThrowawayDatabase, positiveInt, type ThrowawayDatabase } from './bench-support.ts';
import { seedDemo } from '../src/app/demo/seed-demo.ts';
import { openRuntime, type Runtime } from '../src/app/runtime.ts';
import { systemActor } from '../src/platform/services/actor.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { createApiToken } from '../src/modules/access/services/create-api-token.ts';
import { defaultInputLimits } from '../src/platform/domain/input-bounds.ts';

const target = 0.4;
const warmUpSeconds = 2;

function createDatabase(): Promise<ThrowawayDatabase> {
  return createThrowawayDatabase(process.env.DATABASE_URL, 'niva-bench-');
}

function listen(runtime: Runtime): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets from the load generator would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

interface Endpoint {
  name: string;
  url: string;
  headers: Record<string, string>;
}

interface Round {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** One autocannon run; any non-2xx response, connection error or timeout fails the benchmark. */
async function hammer(endpoint: Endpoint, connections: number, seconds: number): Promise<Round> {
  const result = await autocannon({
    url: endpoint.url,
    headers: endpoint.headers,
    connections,
    duration: seconds,
    workers: 1,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${endpoint.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  if (result.requests.total === 0) throw new Error(`${endpoint.name}: no responses`);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

interface Measurement {
  rps: number;
  requests: number;
  /** Median of the rounds' medians. */
  p50: number;
  /** Worst round's 99th percentile. */
  p99: number;
}

const rate = (round: Round): number => round.requests / round.seconds;

function summarise(rounds: Round[]): Measurement {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const p50s = rounds.map((r) => r.p50).sort((a, b) => a - b);
  return {
    rps: requests / seconds,
    requests,
    p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99: Math.max(...rounds.map((r) => r.p99)),
  };
}

async function main(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 50);
  const rounds = Math.min(positiveInt('BENCH_ROUNDS', 5), seconds);
  const database = await createDatabase();
  let runtime: Runtime | null = null;
  let server: ServerType | null = null;
  try {
    runtime = await openRuntime(loadConfig({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }));
    await seedDemo({ store: runtime.store, clock: runtime.clock });
    const operator = await runtime.store.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'digdir')
      .executeTakeFirstOrThrow();
    const ctx: ServiceContext = {
      db: runtime.store.db,
      dialect: runtime.store.dialect,
      clock: runtime.clock,
      calendars: runtime.calendars,
      limits: defaultInputLimits,
      actor: systemActor('bench'),
      requestId: null,
    };
    const { secret } = await createApiToken(ctx, {
      organisationId: operator.id,
      name: 'bench',
      scopes: ['organisations:read'],
    });

    const listening = await listen(runtime);
    server = listening.server;
    const origin = `http://127.0.0.1:${listening.port}`;
    const bare: Endpoint = { name: 'bare', url: `${origin}/healthz`, headers: {} };
    const list: Endpoint = {
      name: 'list',
      url: `${origin}/api/v1/organisations`,
      headers: { authorization: `Bearer ${secret}` },
    };

    const probe = await fetch(list.url, { headers: list.headers });
    const body = (await probe.json()) as { items?: unknown[] };
    if (probe.status !== 200 || !Array.isArray(body.items) || body.items.length === 0)
      throw new Error(`list endpoint answered ${probe.status} without organisations`);

    process.stdout.write(
      `bench:http — ${database.dialect}, ${connections} connections, ${seconds} s per endpoint in ${rounds} alternating rounds, ${body.items.length} organisations listed\n`,
    );
    await hammer(bare, connections, warmUpSeconds);
    await hammer(list, connections, warmUpSeconds);
    // Alternating short rounds (bare, list, list, bare, …) expose both endpoints to the same background load,
    // so a busy neighbour on a shared machine skews the ratio far less than one long run of each would.
    const bareRounds: Round[] = [];
    const listRounds: Round[] = [];
    const slice = seconds / rounds;
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? ([bare, list] as const) : ([list, bare] as const);
      for (const endpoint of order)
        (endpoint === bare ? bareRounds : listRounds).push(await hammer(endpoint, connections, slice));
    }
    const bareResult = summarise(bareRounds);
    const listResult = summarise(listRounds);

    for (const [label, m] of [
      ['bare  GET /healthz', bareResult],
      ['list  GET /api/v1/organisations', listResult],
    ] as const) {
      process.stdout.write(
        `${label.padEnd(34)} ${m.rps.toFixed(0).padStart(7)} req/s   p50 ${m.p50} ms   p99 ${m.p99} ms   (${m.requests} requests)\n`,
      );
    }
    const perRound = listRounds.map((r, i) => rate(r) / rate(bareRounds[i] ?? r));
    process.stdout.write(`ratio per round: ${perRound.map((r) => r.toFixed(2)).join(' ')}\n`);
    const ratio = Math.round((listResult.rps / bareResult.rps) * 1000) / 1000;
    const pass = ratio >= target;
    process.stdout.write(
      `ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${target * 100} %): ${pass ? 'pass' : 'MISSED'}\n`,
    );
    const summary = {
      bench: 'http',
      bare_rps: Math.round(bareResult.rps),
      list_rps: Math.round(listResult.rps),
      ratio,
      target,
      pass,
      dialect: database.dialect,
      connections,
      seconds,
      rounds,
      node: process.version,
      cpus: os.availableParallelism(),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (server) await closeServer(server);
    if (runtime) await runtime.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:http failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
