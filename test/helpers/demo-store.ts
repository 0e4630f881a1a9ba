// A database holding the demo data, for the tests that read it. Seeding the demo takes seconds, so it is seeded once
// per version of the code and clock into a template, and each test file gets its own copy: a file copy on SQLite,
// CREATE DATABASE … TEMPLATE on PostgreSQL. Copies never share state, so the files still run alone and in parallel.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Store } from '../../src/platform/db/database.ts';
import { seedDemo } from '../../src/app/demo/seed-demo.ts';
import { fixedClock } from '../../src/platform/domain/clock.ts';
import { repoRoot } from './cli.ts';
import { createTestStore, dialectUnderTest, openTestStoreAt, type TestStore } from './test-store.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Changes whenever anything that shapes the demo does: the code, the migrations, the reference figures, packages. */
let codeVersion: string | null = null;
function codeKey(): string {
  if (codeVersion === null) {
    const hash = createHash('sha256').update(`${dialectUnderTest}\n`);
    for (const folder of ['src', 'migrations', 'demo']) {
      for (const file of files(path.join(repoRoot, folder)).sort()) hash.update(file).update(readFileSync(file));
    }
    hash.update(readFileSync(path.join(repoRoot, 'package-lock.json')));
    codeVersion = hash.digest('hex').slice(0, 12);
  }
  return codeVersion;
}

async function seedInto(store: Store, epoch: number): Promise<void> {
  await seedDemo({ store, clock: fixedClock(epoch) });
}

/** Takes the lock folder, or clears it when the process that holds it is gone. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    const holder = Number(existsSync(path.join(lock, 'pid')) ? readFileSync(path.join(lock, 'pid'), 'utf8') : NaN);
    let alive = true;
    try {
      if (Number.isInteger(holder)) process.kill(holder, 0);
    } catch {
      alive = false; // a seeder killed mid-way: its lock is stale
    }
    if (!alive) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

async function sqliteDemoStore(epoch: number): Promise<TestStore> {
  const folder = path.join(tmpdir(), 'niva-demo-templates');
  mkdirSync(folder, { recursive: true });
  const template = path.join(folder, `${codeKey()}-${epoch}.db`);
  const lock = path.join(folder, 'lock');
  const deadline = Date.now() + 180_000;
  while (!existsSync(template)) {
    if (!tryLock(lock)) {
      if (Date.now() > deadline) throw new Error(`waited too long for the demo template ${template}`);
      await sleep(100);
      continue;
    }
    try {
      if (existsSync(template)) break;
      // Templates of other versions of the code are of no more use.
      for (const name of readdirSync(folder)) {
        if (name !== 'lock' && !name.startsWith(codeKey())) rmSync(path.join(folder, name), { force: true });
      }
      const partial = `${template}.partial`;
      removeDatabaseFiles(partial);
      const store = await openTestStoreAt(`sqlite:${partial}`);
      try {
        await seedInto(store, epoch);
      } finally {
        await store.close();
      }
      renameSync(partial, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return createTestStore({ migrate: false, beforeOpen: (file) => copyFileSync(template, file) });
}

async function postgresDemoStore(epoch: number): Promise<TestStore> {
  const adminUrl = process.env.DATABASE_URL ?? '';
  const template = `niva_demo_${codeKey()}_${epoch}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // One process seeds the template; the others wait on the same advisory lock and then find it made.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      // Templates of other versions of the code are of no more use.
      const stale = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'niva\\_demo\\_%' AND datname NOT LIKE $1",
        [`niva\\_demo\\_${codeKey()}\\_%`],
      );
      for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      const parsed = new URL(adminUrl);
      parsed.pathname = `/${template}_partial`;
      await admin.query(`DROP DATABASE IF EXISTS ${template}_partial WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${template}_partial`);
      const store = await openTestStoreAt(parsed.toString());
      try {
        await seedInto(store, epoch);
      } finally {
        await store.close();
      }
      await admin.query(`ALTER DATABASE ${template}_partial RENAME TO ${template}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    await admin.end();
  }
  return createTestStore({ migrate: false, template });
}

/** A fresh database of this test file's own with the demo seeded at `epoch` (by a fixed clock). */
export function createDemoTestStore(epoch: number): Promise<TestStore> {
  return dialectUnderTest === 'postgres' ? postgresDemoStore(epoch) : sqliteDemoStore(epoch);
}
