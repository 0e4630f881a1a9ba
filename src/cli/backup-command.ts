import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openStore, parseDatabaseUrl } from '../store/database.ts';
import { print, UsageError } from './output.ts';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the database to FILE (SQLite: online backup; PostgreSQL: pg_dump, or the command to run)')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite FILE if it exists')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      if (existsSync(file) && !opts.force) throw new UsageError(`${file} exists; pass --force to overwrite`);
      const config = loadConfig();
      const target = parseDatabaseUrl(config.databaseUrl);
      if (target.dialect === 'postgres') {
        const args = ['--format=custom', `--file=${file}`, target.url];
        const run = spawnSync('pg_dump', args, { stdio: ['ignore', 'inherit', 'pipe'] });
        if (run.error) {
          // pg_dump is not installed here: say exactly what to run where it is.
          print(
            !!opts.json,
            { ran: false, command: ['pg_dump', '--format=custom', `--file=${file}`, '"$DATABASE_URL"'].join(' ') },
            `pg_dump is not installed; run: pg_dump --format=custom --file=${file} "$DATABASE_URL"`,
          );
          process.exitCode = 1;
          return;
        }
        if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr.toString().trim().split('\n')[0] ?? ''}`);
        print(!!opts.json, { ran: true, file, dialect: 'postgres' }, `wrote ${file} with pg_dump`);
        return;
      }
      const store = openStore(config.databaseUrl);
      try {
        const sqlite = store.sqlite;
        if (!sqlite) throw new Error('no SQLite handle');
        const result = await sqlite.backup(path.resolve(file));
        print(
          !!opts.json,
          { ran: true, file, dialect: 'sqlite', pages: result.totalPages },
          `wrote ${file} (${result.totalPages} pages)`,
        );
      } finally {
        await store.close();
      }
    });
}
