import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query afresh, and for a short query compiling the SQL costs more
 * than running it. This keeps the most recently used prepared statements by SQL text, so hot queries
 * (token lookup, lists) are compiled once. Parameters are bound per call, so reuse is safe; SQLite itself
 * re-prepares a statement transparently when the schema changes. A statement still busy in an unfinished
 * iteration (a streamed query) is never handed out twice: the caller gets a fresh one instead.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  { maxStatements = 200 }: { maxStatements?: number } = {},
): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        if (cached.busy) return sqlite.prepare(sql);
        // Re-inserting keeps the Map in least-recently-used order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > maxStatements) {
        const oldest = statements.keys().next();
        if (!oldest.done) statements.delete(oldest.value);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
