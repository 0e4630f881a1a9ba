import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, parseDatabaseUrl } from '../../../platform/db/database.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';

export async function backup(run: CliRun, file: string, opts: { force?: boolean; json?: boolean }): Promise<void> {
  if (existsSync(file) && !opts.force) throw new UsageError(`${file} exists; pass --force to overwrite`);
  const config = await run.config();
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.dialect === 'postgres') {
    const args = ['--format=custom', `--file=${file}`, target.url];
    const dump = spawnSync('pg_dump', args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...run.io.env } });
    if (dump.error) {
      // pg_dump is not installed here: say exactly what to run where it is.
      run.print(
        !!opts.json,
        { ran: false, command: ['pg_dump', '--format=custom', `--file=${file}`, '"$DATABASE_URL"'].join(' ') },
        `pg_dump is not installed; run: pg_dump --format=custom --file=${file} "$DATABASE_URL"`,
      );
      run.exitCode = 1;
      return;
    }
    if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString().trim().split('\n')[0] ?? ''}`);
    run.print(!!opts.json, { ran: true, file, dialect: 'postgres' }, `wrote ${file} with pg_dump`);
    return;
  }
  const store = openStore(config.databaseUrl);
  try {
    const sqlite = store.sqlite;
    if (!sqlite) throw new Error('no SQLite handle');
    const result = await sqlite.backup(path.resolve(file));
    run.print(
      !!opts.json,
      { ran: true, file, dialect: 'sqlite', pages: result.totalPages },
      `wrote ${file} (${result.totalPages} pages)`,
    );
  } finally {
    await store.close();
  }
}
