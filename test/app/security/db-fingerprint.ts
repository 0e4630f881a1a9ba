import { existsSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestStore } from '../../helpers/test-store.ts';

/**
 * A cheap summary of what the database holds, to tell whether a request wrote, table by table. Row counts catch
 * inserts and deletes; updates are caught by the growth of the write-ahead log on SQLite and by the newest row
 * version (`xmin`) per table on PostgreSQL, which any committed insert or update raises. The audit head is a table
 * like the others, so a refused request cannot extend the chain unnoticed either.
 */
export interface Fingerprinter {
  explain(): Promise<Record<string, string>>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function fingerprinter(store: TestStore): Promise<Fingerprinter> {
  const tables = (await store.db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
    .sort();
  const perTable =
    store.dialect === 'postgres'
      ? tables.map(
          (t) => `select '${t}' as t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as v from ${quote(t)}`,
        )
      : tables.map((t) => `select '${t}' as t, cast(count(*) as text) as v from ${quote(t)}`);
  const query = sql.raw<{ t: string; v: string }>(perTable.join(' union all '));
  // With checkpoints off the write-ahead log only grows, and only by a commit that changed a page: the connection's
  // change counter would also count a transaction that was rolled back, which a refusal is allowed to do.
  store.sqlite?.pragma('wal_autocheckpoint = 0');
  const wal = store.sqliteFile ? `${store.sqliteFile}-wal` : null;

  async function explain(): Promise<Record<string, string>> {
    const { rows } = await query.execute(store.db);
    const state = Object.fromEntries(rows.map((r) => [r.t, String(r.v)]));
    if (wal) state['(write-ahead log bytes)'] = String(existsSync(wal) ? statSync(wal).size : 0);
    return state;
  }

  return { explain };
}

/** The tables whose entries differ between two explanations. */
export function differences(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k} ${before[k] ?? '-'}→${after[k] ?? '-'}`);
}
