import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { UsageError } from './output.ts';

function portOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port: a port number 0–65535');
  return port;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('run the web UI, the API and the job runner')
    .option('--demo', 'fill an empty database with demo data first')
    .option('--port <port>', 'listen on this port (default PORT or 8080)')
    .option('--no-jobs', 'do not run background jobs in this process')
    .action(async (opts: { demo?: boolean; port?: string; jobs: boolean }) => {
      const config = loadConfig();
      const port = portOption(opts.port) ?? config.port;
      // Loaded here so that the admin commands start without compiling the web application.
      const [{ openRuntime }, { demoPassword, seedDemo }] = await Promise.all([
        import('../runtime.ts'),
        import('../demo/seed-demo.ts'),
      ]);
      const runtime = await openRuntime(config);
      const seed = opts.demo ? await seedDemo({ store: runtime.store, clock: runtime.clock }) : null;
      if (opts.jobs && config.jobsEnabled) runtime.jobs.start();
      const server = serve({ fetch: runtime.app.fetch, port, hostname: config.host }, (info) => {
        const url = `http://localhost:${info.port}`;
        const lines = [
          `Nivå is running on ${url} (database: ${runtime.store.dialect}${runtime.store.sqliteFile ? ` ${runtime.store.sqliteFile}` : ''})`,
        ];
        if (seed) {
          lines.push(
            seed.seeded ? 'Demo data created. Demo logins (password for all):' : 'Demo logins (password for all):',
            `  password: ${demoPassword}`,
          );
          for (const login of seed.logins)
            lines.push(`  ${login.email.padEnd(36)} ${login.role} (${login.organisation})`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
      const shutdown = () => {
        server.close();
        void runtime.close().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('worker')
    .description('run only the job runner (for extra nodes)')
    .action(async () => {
      const { openRuntime } = await import('../runtime.ts');
      const runtime = await openRuntime(loadConfig());
      runtime.jobs.start();
      runtime.logger.info({ workerId: runtime.jobs.workerId }, 'job runner started');
      const shutdown = () => void runtime.close().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
