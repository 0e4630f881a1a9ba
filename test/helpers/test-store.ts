import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export interface TestStore extends Store {
  /** The DATABASE_URL that reaches this test's own database (for CLI and child-process tests). */
  url: string;
  destroy(): Promise<void>;
}

/** The dialect under test: PostgreSQL when DATABASE_URL is a postgres URL, otherwise SQLite. */
export const dialectUnderTest: 'postgres' | 'sqlite' = process.env.DATABASE_URL?.startsWith('postgres')
  ? 'postgres'
  : 'sqlite';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new PostgreSQL database
 * created next to DATABASE_URL's. Files never share a database, so they run in parallel.
 */
export async function createTestStore(
  options: {
    migrate?: boolean;
    /** PostgreSQL: create the database as a copy of this one. */
    template?: string;
    /** SQLite: called with the file's path before it is opened (to copy a template there). */
    beforeOpen?: (file: string) => void;
  } = {},
): Promise<TestStore> {
  let url: string;
  let dropDatabase: () => Promise<void>;
  if (dialectUnderTest === 'postgres') {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const name = `niva_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'niva-test-'));
    const file = path.join(dir, 'niva.db');
    options.beforeOpen?.(file);
    url = `sqlite:${file}`;
    dropDatabase = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  const store = openStore(url, { poolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(store);
  return {
    ...store,
    url,
    async destroy() {
      await store.close();
      await dropDatabase();
    },
  };
}

/** A migrated store on an existing database URL (closed by the caller). */
export async function openTestStoreAt(url: string): Promise<Store> {
  const store = openStore(url, { poolSize: 4 });
  await migrateToLatest(store);
  return store;
}
