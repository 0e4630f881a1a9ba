import type { Command } from 'commander';
import { type CliRun, UsageError } from '../platform/cli/cli-run.ts';

function portOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port: a port number 0–65535');
  return port;
}

export function registerServeCommands(program: Command, run: CliRun): void {
  program
    .command('serve')
    .description('run the web UI, the API and the job runner')
    .option('--demo', 'fill an empty database with demo data first')
    .option('--port <port>', 'listen on this port (default PORT or 8080)')
    .option('--no-jobs', 'do not run background jobs in this process')
    .action(async (opts: { demo?: boolean; port?: string; jobs: boolean }) => {
      const port = portOption(opts.port);
      const { serve } = await import('./serve-action.ts');
      await serve(run, { demo: !!opts.demo, jobs: opts.jobs, ...(port === undefined ? {} : { port }) });
    });

  program
    .command('worker')
    .description('run only the job runner (for extra nodes)')
    .action(async () => (await import('./serve-action.ts')).worker(run));

  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => (await import('./database-actions.ts')).migrate(run, opts));

  program
    .command('seed')
    .description('fill an empty database with demo data')
    .requiredOption('--demo', 'the demo organisations, services, components and logins')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => (await import('./database-actions.ts')).seed(run, opts));
}
