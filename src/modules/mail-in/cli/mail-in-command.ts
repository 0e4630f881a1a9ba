import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { MailInOptions } from './mail-in-action.ts';

export function registerMailInCommand(program: Command, run: CliRun): void {
  program
    .command('mail-in')
    .description('receive e-mail over SMTP and turn it into cases, comments or quarantined messages')
    .option('--port <port>', 'listen on this port (default NIVA_MAIL_IN_PORT or 2525)')
    .option('--host <host>', 'listen on this interface (default HOST or 0.0.0.0)')
    .option('--case-type <type>', 'what a new message becomes: support-request or incident', 'support-request')
    .option('--category <category>', 'the category of incidents by e-mail: A, B or C')
    .option('--max-size <bytes>', 'the largest message accepted, in bytes (default 26214400: 25 MiB)')
    .option('--json', 'machine-readable output')
    .action(async (opts: MailInOptions) => (await import('./mail-in-action.ts')).mailIn(run, opts));
}
