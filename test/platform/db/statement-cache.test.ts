import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from '../../../src/platform/db/statement-cache.ts';

function memoryDatabase(): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table t (n integer not null)');
  sqlite.exec('insert into t (n) values (1), (2), (3)');
  return sqlite;
}

describe('withStatementCache', () => {
  it('prepares each SQL text once and binds fresh parameters on every use', () => {
    const cached = withStatementCache(memoryDatabase());
    const first = cached.prepare('select n from t where n >= ?');
    assert.equal(cached.prepare('select n from t where n >= ?'), first);
    assert.deepEqual(first.all([2]), [{ n: 2 }, { n: 3 }]);
    assert.deepEqual(cached.prepare('select n from t where n >= ?').all([3]), [{ n: 3 }]);
    cached.close();
  });

  it('keeps only the most recently used statements', () => {
    const cached = withStatementCache(memoryDatabase(), { maxStatements: 2 });
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    assert.equal(cached.prepare('select 1'), a, 'a use refreshes the entry');
    cached.prepare('select 3');
    assert.equal(cached.prepare('select 1'), a, 'the recently used statement stays');
    assert.notEqual(cached.prepare('select 2'), b, 'the least recently used one was dropped');
    cached.close();
  });

  it('never hands out a statement that is still iterating', () => {
    const cached = withStatementCache(memoryDatabase());
    const outer = cached.prepare('select n from t order by n');
    const seen: number[] = [];
    for (const row of outer.iterate([])) {
      const inner = cached.prepare('select n from t order by n');
      assert.notEqual(inner, outer);
      seen.push((row as { n: number }).n, inner.all([]).length);
    }
    assert.deepEqual(seen, [1, 3, 2, 3, 3, 3]);
    cached.close();
  });

  it('serves Kysely queries, streams and a schema that changed under a cached statement', async () => {
    interface Db {
      t: { n: number; m?: number };
    }
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(memoryDatabase()) }) });
    const all = () => db.selectFrom('t').selectAll().where('n', '=', 1).execute();
    assert.deepEqual(await all(), [{ n: 1 }]);
    const streamed: number[] = [];
    for await (const row of db.selectFrom('t').select('n').orderBy('n').stream()) streamed.push(row.n);
    for await (const row of db.selectFrom('t').select('n').orderBy('n').stream()) streamed.push(row.n);
    assert.deepEqual(streamed, [1, 2, 3, 1, 2, 3]);
    await db.schema
      .alterTable('t')
      .addColumn('m', 'integer', (c) => c.notNull().defaultTo(7))
      .execute();
    assert.deepEqual(await all(), [{ n: 1, m: 7 }]);
    await db.destroy();
  });
});
