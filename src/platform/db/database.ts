import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file in use, or null on PostgreSQL. */
  sqliteFile: string | null;
  /** The raw better-sqlite3 handle (for online backup), or null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export type Db = Kysely<Database> | Transaction<Database>;

/** Parses DATABASE_URL: `postgres://…`, `postgresql://…` or `sqlite:PATH`. */
export function parseDatabaseUrl(
  url: string,
): { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; file: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.length === 0) throw new Error('sqlite: needs a file path, e.g. sqlite:./data/niva.db');
    return { dialect: 'sqlite', file };
  }
  throw new Error('expected postgres://… or sqlite:PATH');
}

// PostgreSQL returns int8 as strings; our instants and counters fit in a double (< 2^53).
const int8Oid = 20;
function pgTypes(postgres: typeof pg): pg.TypeOverrides {
  const types = new postgres.TypeOverrides();
  types.setTypeParser(int8Oid, (value: string) => Number(value));
  return types;
}

export function openStore(databaseUrl: string, options: { poolSize?: number } = {}): Store {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'postgres') {
    // The PostgreSQL driver is loaded only when it is used: an SQLite process does not pay for it.
    const postgres = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new postgres.Pool({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      types: pgTypes(postgres),
    });
    // An idle connection that dies (server restart, failover, terminated backend) is already dropped by the pool and
    // replaced on demand; without a listener its 'error' event would be thrown and crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqliteFile: null, sqlite: null, close: () => db.destroy() };
  }
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  const sqlite = new SqliteDatabase(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL syncs the WAL on every commit, so an answered request survives a power cut, not only a crashed process:
  // a 2xx to a usage sender means its events are durable. It costs about 0.3 ms a commit on this class of disk.
  sqlite.pragma('synchronous = FULL');
  // The default 8 MiB page cache is soon outgrown by the usage dedupe keys, whose inserts land on random pages;
  // 64 MiB (allocated only as used) keeps their upper levels and recent leaves in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqliteFile: target.file, sqlite, close: () => db.destroy() };
}
