import type { Command } from 'commander';
import type { AvailabilityOptions } from './availability-actions.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';

export function registerAvailabilityCommand(program: Command, run: CliRun): void {
  program
    .command('availability')
    .description(
      'availability for a calendar month (Europe/Oslo), up to now while it is in progress: of a stored component, or of a service window from outage and maintenance files',
    )
    .option('--component <id>', 'a component (id or code) from the database; not with --calendar')
    .option(
      '--calendar <id>',
      'the service window: always (24/7), studio-hours, or a configured calendar; not with --component',
    )
    .requiredOption('--month <yyyy-mm>', 'calendar month in Europe/Oslo')
    .option(
      '--outages <file>',
      'with --calendar: JSON array of {"start": ISO, "end": ISO, "severity"?: unavailable|partial|degraded}',
    )
    .option(
      '--maintenance <file>',
      'with --calendar: JSON array of {"start": ISO, "end": ISO, "announced": ISO, "kind": maintenance|change|major-change|emergency}',
    )
    .option(
      '--at <iso>',
      'with --calendar: the present instant, ISO 8601 (default: now); a month in progress is counted up to it',
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: AvailabilityOptions) => (await import('./availability-actions.ts')).availability(run, opts));
}
