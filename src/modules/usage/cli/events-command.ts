import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { IngestOptions } from './events-actions.ts';

export function registerEventsCommand(program: Command, run: CliRun): void {
  program
    .command('events')
    .description('usage events (CloudEvents 1.0)')
    .command('ingest <file>')
    .description(
      'count the usage events of a file (NDJSON, or one JSON array) exactly once, as POST /api/v1/events does; exit 1 when any was rejected',
    )
    .option('--json', 'machine-readable output: {"accepted": N, "duplicates": N, "rejected": N}')
    .action(async (file: string, opts: IngestOptions) => (await import('./events-actions.ts')).ingest(run, file, opts));
}
