import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';

export function registerBackupCommand(program: Command, run: CliRun): void {
  program
    .command('backup')
    .description('copy the database to FILE (SQLite: online backup; PostgreSQL: pg_dump, or the command to run)')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite FILE if it exists')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) =>
      (await import('./backup-action.ts')).backup(run, file, opts),
    );
}
