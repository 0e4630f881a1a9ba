import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { AdjustOptions, ImportOptions } from './usage-actions.ts';

const actions = () => import('./usage-actions.ts');

/** `niva usage …`: metering commands. Further subcommands join this group. */
export function registerUsageCommands(program: Command, run: CliRun): void {
  const usage = program.command('usage').description('usage metering: monthly figures per metric, owner and service');
  usage
    .command('import')
    .description(
      'import monthly figures from a CSV or XLSX file (see docs/usage-import.md); a file with any problem imports nothing',
    )
    .argument(
      '<file>',
      'a .csv or .xlsx file: wide (year, jan … dec for one metric) or long (metric,year,month,count[,owner][,service])',
    )
    .option('--metric <id>', 'the metric of a wide table (a workbook may instead name each sheet by its metric)')
    .option('--owner <code>', 'organisation code of the owner of every figure (long rows may name their own)')
    .option('--dry-run', 'check everything and write nothing')
    .option(
      '--json',
      'machine-readable output: {file, shape, dryRun, rows, imported, replaced, months, metrics, errors}',
    )
    .action(async (file: string, opts: ImportOptions) => (await actions()).usageImport(run, file, opts));
  usage
    .command('adjust')
    .description("correct a month's figure by a signed amount (audited); the way a closed month changes")
    .requiredOption('--metric <id>', 'a metric id, e.g. messages_sent')
    .requiredOption('--month <yyyy-mm>', 'the month to correct')
    .option('--owner <code>', 'organisation code; without it the platform-wide figure')
    .option('--service <resource-id>', "one of the owner's services")
    .requiredOption('--delta <n>', 'a signed whole number, e.g. -1200')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .option('--json', 'machine-readable output')
    .action(async (opts: AdjustOptions) => (await actions()).usageAdjust(run, opts));
  usage
    .command('close')
    .description('close a month of usage now rather than after the grace period (audited)')
    .requiredOption('--month <yyyy-mm>', 'the month to close')
    .option('--json', 'machine-readable output')
    .action(async (opts: { month: string; json?: boolean }) => (await actions()).usageClose(run, opts));
}
