import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import { projectFile, runningCompiled } from '../project-root.ts';
import type { Store } from './database.ts';

// Compiled, the migrations are .js in dist/migrations; run from source, they are the .ts files. A migration's name is
// the same either way.
const migrationsFolder = projectFile(runningCompiled ? 'dist/migrations' : 'migrations');
const extension = runningCompiled ? '.js' : '.ts';
const migrationFile = new RegExp(`^\\d{14}-[a-z0-9-]+\\${extension}$`);

/** Loads `migrations/*.ts` (or their compiled .js), ordered by their timestamped names. */
class TimestampedFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsFolder)).filter((f) => migrationFile.test(f)).sort();
    if (files.length === 0) throw new Error(`no migrations found in ${migrationsFolder}`);
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(migrationsFolder, file)).href)) as Migration;
      migrations[file.slice(0, -extension.length)] = mod;
    }
    return migrations;
  }
}

function migrator(store: Store): Migrator {
  return new Migrator({ db: store.db, provider: new TimestampedFileProvider() });
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(store: Store): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(store).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed} failed: ${reason}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of migrations that exist on disk but are not applied: empty when the schema is current. */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const all = await migrator(store).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
