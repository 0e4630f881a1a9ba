import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { StatsOptions } from './stats-actions.ts';

export function registerStatsCommand(program: Command, run: CliRun): void {
  program
    .command('stats')
    .description(
      'a usage metric per month for one year (Europe/Oslo months): daily counts + imported figures + adjustments',
    )
    .requiredOption('--metric <id>', 'a metric id, e.g. messages_sent')
    .requiredOption('--year <yyyy>', 'the calendar year')
    .option('--owner <code>', "one owner's figures (its organisation code); without it, the whole platform")
    .option('--json', 'machine-readable output: {"metric", "year", "months": [12, null where no figures], "total"}')
    .action(async (opts: StatsOptions) => (await import('./stats-actions.ts')).stats(run, opts));
}
