// `niva serve` and `niva worker`: the long-running processes. They stop on SIGINT/SIGTERM.
import { serve as listen } from '@hono/node-server';
import { demoPassword, seedDemo } from './demo/seed-demo.ts';
import { openRuntime } from './runtime.ts';
import type { CliRun } from '../platform/cli/cli-run.ts';

export async function serve(run: CliRun, opts: { demo: boolean; port?: number; jobs: boolean }): Promise<void> {
  const config = await run.config();
  const runtime = await openRuntime(config);
  const seed = opts.demo ? await seedDemo({ store: runtime.store, clock: runtime.clock }) : null;
  if (opts.jobs && config.jobsEnabled) runtime.jobs.start();
  const server = listen({ fetch: runtime.app.fetch, port: opts.port ?? config.port, hostname: config.host }, (info) => {
    const url = `http://localhost:${info.port}`;
    const database = `${runtime.store.dialect}${runtime.store.sqliteFile ? ` ${runtime.store.sqliteFile}` : ''}`;
    const lines = [`Nivå is running on ${url} (database: ${database})`];
    if (seed) {
      lines.push(
        seed.seeded ? 'Demo data created. Demo logins (password for all):' : 'Demo logins (password for all):',
        `  password: ${demoPassword}`,
      );
      for (const login of seed.logins) lines.push(`  ${login.email.padEnd(36)} ${login.role} (${login.organisation})`);
    }
    run.io.stdout.write(`${lines.join('\n')}\n`);
  });
  const shutdown = () => {
    server.close();
    void runtime.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export async function worker(run: CliRun): Promise<void> {
  const runtime = await openRuntime(await run.config());
  runtime.jobs.start();
  runtime.logger.info({ workerId: runtime.jobs.workerId }, 'job runner started');
  const shutdown = () => void runtime.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
