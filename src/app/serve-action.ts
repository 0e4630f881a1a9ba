// `niva serve` and `niva worker`: the long-running processes. They stop on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { demoPassword, seedDemo } from './demo/seed-demo.ts';
import type { App } from './http-app.tsx';
import { openRuntime } from './runtime.ts';
import type { CliRun } from '../platform/cli/cli-run.ts';
import { assertReadyToRun, listeningOn } from '../platform/config/config.ts';

/** Binds the port and resolves with the one listened on (the system's pick for port 0). */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function serve(run: CliRun, opts: { demo: boolean; port?: number; jobs: boolean }): Promise<void> {
  const configured = await run.config();
  assertReadyToRun(configured);
  // The port is bound before the runtime is built, so that without NIVA_PUBLIC_URL the links in pages, feeds and
  // e-mails name the port actually listened on, PORT=0 included. Requests arriving meanwhile wait for the app.
  let ready: (app: App) => void = () => undefined;
  const app = new Promise<App>((resolve) => (ready = resolve));
  const server = createAdaptorServer({ fetch: async (request, env) => (await app).fetch(request, env) }) as Server;
  const port = await listen(server, opts.port ?? configured.port, configured.host);
  const config = listeningOn(configured, port);
  let runtime: Awaited<ReturnType<typeof openRuntime>>;
  let seed: Awaited<ReturnType<typeof seedDemo>> | null;
  try {
    runtime = await openRuntime(config);
    seed = opts.demo ? await seedDemo({ store: runtime.store, clock: runtime.clock }) : null;
  } catch (error) {
    server.closeAllConnections();
    server.close();
    throw error;
  }
  ready(runtime.app);
  if (opts.jobs && config.jobsEnabled) runtime.jobs.start();
  const database = `${runtime.store.dialect}${runtime.store.sqliteFile ? ` ${runtime.store.sqliteFile}` : ''}`;
  const lines = [`Nivå is running on http://localhost:${port} (database: ${database})`];
  if (seed && !config.passwordLogin) {
    // NIVA_PASSWORD_LOGIN=off: the demo's passwords would not work, so they are not printed.
    if (seed.seeded) lines.push('Demo data created (password login is off: log in with the national login).');
  } else if (seed) {
    lines.push(
      seed.seeded ? 'Demo data created. Demo logins (password for all):' : 'Demo logins (password for all):',
      `  password: ${demoPassword}`,
    );
    for (const login of seed.logins) lines.push(`  ${login.email.padEnd(36)} ${login.role} (${login.organisation})`);
  }
  run.io.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = () => {
    server.close();
    void runtime.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export async function worker(run: CliRun): Promise<void> {
  const config = await run.config();
  assertReadyToRun(config);
  const runtime = await openRuntime(config);
  runtime.jobs.start();
  runtime.logger.info({ workerId: runtime.jobs.workerId }, 'job runner started');
  const shutdown = () => void runtime.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
