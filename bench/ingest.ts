/**
 * bench:ingest — sustained usage-event ingestion over HTTP, against parsing the same payloads with JSON.parse.
 *
 * The server is the real application (token check, per-event checks, registry lookup, dedupe keys, daily
 * aggregates, one transaction per request) on loopback. The client runs in a worker thread and keeps
 * BENCH_CONCURRENCY requests of BENCH_BATCH events in flight until BENCH_EVENTS events are sent; about 2 % of the
 * events are retries of earlier ones, so deduplication does real work. The baseline is JSON.parse of the very
 * same request bodies in this process, in the same run.
 * Targets: ≥ 200 000 events/s and ≥ 25 % of the parse-only rate. DATABASE_URL=postgres://… measures PostgreSQL
 * (a throwaway database next to it); otherwise a temporary SQLite file. The last line is one JSON object.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig } from '../src/platform/config/config.ts';
import { openRuntime, type Runtime } from '../src/app/runtime.ts';
import { systemActor } from '../src/platform/services/actor.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { createOrganisation } from '../src/modules/access/services/create-organisation.ts';
import { createService } from '../src/modules/access/services/create-service.ts';
import { createApiToken } from '../src/modules/access/services/create-api-token.ts';
import { createThrowawayDatabase, positiveInt } from './bench-support.ts';
import { mulberry32 } from '../src/app/demo/seeded-random.ts';
import { defaultInputLimits } from '../src/platform/domain/input-bounds.ts';

const targetRate = 200_000;
const targetRatio = 0.25;
const owners = 60;
const servicesPerOwner = 5;

function organisationNumber(n: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let candidate = 910_000_000 + n * 97; ; candidate++) {
    const digits = String(candidate).slice(0, 8).split('').map(Number);
    const rest = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
}

/** Request bodies of `batch` events each: Altinn events resolved through their resource, and source-side counts. */
function buildBodies(total: number, batch: number, now: number): string[] {
  const random = mulberry32(20261123);
  const bodies: string[] = [];
  const sent: string[] = [];
  let n = 0;
  while (n < total) {
    const events: string[] = [];
    for (let i = 0; i < batch && n < total; i++, n++) {
      // A retry repeats an event already sent, byte for byte.
      if (sent.length > batch && random() < 0.02) {
        events.push(sent[Math.floor(random() * sent.length)] ?? '');
        continue;
      }
      const owner = Math.floor(random() * owners);
      const service = Math.floor(random() * servicesPerOwner);
      const time = new Date(now - Math.floor(random() * 20 * 86_400_000)).toISOString();
      const id = `${n.toString(16).padStart(8, '0')}-${Math.floor(random() * 1e9).toString(16)}-4c1e-9a51-bench`;
      const event =
        random() < 0.7
          ? {
              specversion: '1.0',
              id,
              source: 'https://platform.altinn.no/correspondence/api/v1/correspondence',
              type: 'no.altinn.correspondence.correspondencepublished',
              subject: `/organisation/${organisationNumber(owner)}`,
              time,
              resource: `urn:altinn:resource:bench-${owner}-${service}`,
              resourceinstance: id,
            }
          : {
              specversion: '1.0',
              id,
              source: 'https://platform.altinn.no/authorization',
              type: 'no.niva.usage',
              time,
              data: {
                metric: 'authorizations',
                owner: `bench${owner}`,
                service: `bench-${owner}-${service}`,
                count: 1 + Math.floor(random() * 5000),
              },
            };
      const text = JSON.stringify(event);
      if (sent.length < 50_000) sent.push(text);
      events.push(text);
    }
    bodies.push(`[${events.join(',')}]`);
  }
  return bodies;
}

function parseRate(bodies: readonly string[], events: number): number {
  const rounds = 3;
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    let checksum = 0;
    for (const body of bodies) checksum += (JSON.parse(body) as unknown[]).length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (checksum !== events) throw new Error('parse baseline lost events');
    best = Math.max(best, events / seconds);
  }
  return best;
}

const clientSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, secret, bodies, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function send(body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/events', method: 'POST', agent, headers: { authorization: 'Bearer ' + secret, 'content-type': 'application/cloudevents-batch+json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error('status ' + res.statusCode + ': ' + Buffer.concat(chunks).toString().slice(0, 300))));
    });
    req.on('error', reject);
    req.end(body);
  });
}
(async () => {
  let next = 0; const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const started = process.hrtime.bigint();
  async function lane() { while (next < bodies.length) { const r = await send(bodies[next++]); totals.accepted += r.accepted; totals.duplicates += r.duplicates; totals.rejected += r.rejected.length; } }
  await Promise.all(Array.from({ length: concurrency }, lane));
  parentPort.postMessage({ seconds: Number(process.hrtime.bigint() - started) / 1e9, ...totals });
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

interface ClientResult {
  seconds: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error?: string;
}

function runClient(
  port: number,
  secret: string,
  bodies: readonly string[],
  concurrency: number,
): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(clientSource, { eval: true, workerData: { port, secret, bodies, concurrency } });
    worker.once('message', (result: ClientResult) => {
      void worker.terminate();
      if (result.error) reject(new Error(result.error));
      else resolve(result);
    });
    worker.once('error', reject);
  });
}

function listen(runtime: Runtime): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  const total = positiveInt('BENCH_EVENTS', 400_000);
  const batch = positiveInt('BENCH_BATCH', 1000);
  const concurrency = positiveInt('BENCH_CONCURRENCY', 4);
  const database = await createThrowawayDatabase(process.env.DATABASE_URL, 'niva-ingest-');
  let runtime: Runtime | null = null;
  let server: ServerType | null = null;
  try {
    runtime = await openRuntime(
      loadConfig({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', NIVA_JOBS: 'off' }),
    );
    const ctx: ServiceContext = {
      db: runtime.store.db,
      dialect: runtime.store.dialect,
      clock: runtime.clock,
      calendars: runtime.calendars,
      limits: defaultInputLimits,
      actor: systemActor('bench'),
      requestId: null,
    };
    const operator = await createOrganisation(ctx, {
      kind: 'operator',
      name: 'Plattformforvalter',
      code: 'benchop',
      orgNumber: organisationNumber(999),
      contactEmail: 'ops@bench.niva.no',
    });
    for (let o = 0; o < owners; o++) {
      const org = await createOrganisation(ctx, {
        name: `Etat ${o}`,
        code: `bench${o}`,
        orgNumber: organisationNumber(o),
        contactEmail: `post@bench${o}.niva.no`,
      });
      for (let s = 0; s < servicesPerOwner; s++)
        await createService(ctx, {
          organisationId: org.id,
          name: `Tjeneste ${o}-${s}`,
          platform: 'altinn3',
          resourceId: `bench-${o}-${s}`,
        });
    }
    const { secret } = await createApiToken(ctx, {
      organisationId: operator.id,
      name: 'event bridge',
      scopes: ['usage:write'],
    });
    const bodies = buildBodies(total, batch, runtime.clock.now());
    const bytes = bodies.reduce((n, b) => n + b.length, 0);
    process.stdout.write(
      `bench:ingest — ${database.dialect}, ${total} events in batches of ${batch} (${(bytes / 1e6).toFixed(1)} MB), ${concurrency} requests in flight, ${os.cpus().length} cores\n`,
    );

    const baseline = parseRate(bodies, total);
    process.stdout.write(`JSON.parse only: ${Math.round(baseline)} events/s\n`);
    const listening = await listen(runtime);
    server = listening.server;
    // A short warm-up on a separate slice of ids, so JIT and caches are warm before the measured run.
    const warmUp = buildBodies(20 * batch, batch, runtime.clock.now() - 86_400_000).map((b) =>
      b.replaceAll('-bench"', '-warm"'),
    );
    await runClient(listening.port, secret, warmUp, concurrency);
    const run = await runClient(listening.port, secret, bodies, concurrency);
    const rate = total / run.seconds;
    const counted = await runtime.store.db
      .selectFrom('usage_event_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    process.stdout.write(
      `ingest over HTTP: ${Math.round(rate)} events/s (${run.accepted} counted, ${run.duplicates} duplicates, ${run.rejected} rejected, ${run.seconds.toFixed(2)} s); keys stored: ${Number(counted.n)}\n`,
    );
    if (run.rejected > 0) throw new Error(`${run.rejected} events were rejected`);
    const ratio = rate / baseline;
    const result = {
      benchmark: 'ingest',
      dialect: database.dialect,
      events: total,
      batch,
      eventsPerSecond: Math.round(rate),
      parseOnlyEventsPerSecond: Math.round(baseline),
      ratio: Number(ratio.toFixed(3)),
      duplicates: run.duplicates,
      target: { eventsPerSecond: targetRate, ratio: targetRatio },
      pass: rate >= targetRate && ratio >= targetRatio,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (server) {
      const s = server;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        if ('closeAllConnections' in s) s.closeAllConnections();
      });
    }
    await runtime?.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
