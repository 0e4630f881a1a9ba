import type { Command } from 'commander';
import { supportLines } from '../domain/support-kpis.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import { callColumns, emailColumns } from './support-columns.ts';

const actions = () => import('./support-actions.ts');

export function registerSupportCommands(program: Command, run: CliRun): void {
  const support = program
    .command('support')
    .description('support lines: import call and e-mail logs, KPIs against the agreement (4.2, 4.3, 5.2)');
  support
    .command('import-calls <file>')
    .description(
      `import a CSV of calls: ${callColumns.map((c) => c.csv + (c.optional ? '?' : '')).join(',')}; already imported ones are skipped`,
    )
    .option('--dry-run', 'validate and count; write nothing')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) =>
      (await actions()).importCalls(run, file, opts),
    );
  support
    .command('import-emails <file>')
    .description(
      `import a CSV of e-mails: ${emailColumns.map((c) => c.csv + (c.optional ? '?' : '')).join(',')}; already imported ones are skipped`,
    )
    .option('--dry-run', 'validate and count; write nothing')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) =>
      (await actions()).importEmails(run, file, opts),
    );
  support
    .command('kpis')
    .description('the support KPIs of a month (Europe/Oslo), or of its ISO weeks with --weeks')
    .requiredOption('--month <yyyy-mm>', 'calendar month')
    .option('--line <line>', `one of ${supportLines.join(', ')}`, 'brukerservice')
    .option('--weeks', 'per ISO week (whole weeks touching the month) instead of the month')
    .option('--json', 'machine-readable output')
    .action(async (opts: { month: string; line: string; weeks?: boolean; json?: boolean }) =>
      (await actions()).kpis(run, opts),
    );
}
