// Writes generated case histories for bench:cases in large transactions (see case-fixtures.ts for why not through
// registerCase).
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { CaseGenerator, type GeneratedCase, type World } from './case-fixtures.ts';

/** Multi-row inserts, in chunks that stay under both dialects' limit on bound parameters. */
async function inChunks<T>(
  rows: readonly T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perChunk) await insert(rows.slice(i, i + perChunk));
}

export interface SeedReport {
  cases: number;
  open: number;
  events: number;
  clocks: number;
  byKind: Record<string, number>;
}

/** Generates `count` cases and inserts them, `perTransaction` cases per transaction. */
export async function seedCases(
  db: Kysely<Database>,
  world: World,
  count: number,
  {
    perTransaction = 5000,
    firstNumber = 1001,
    onProgress,
  }: { perTransaction?: number; firstNumber?: number; onProgress?: (done: number) => void } = {},
): Promise<SeedReport> {
  const generator = new CaseGenerator(world);
  const report: SeedReport = { cases: 0, open: 0, events: 0, clocks: 0, byKind: {} };
  for (let done = 0; done < count;) {
    const batch: GeneratedCase[] = [];
    for (let i = 0; i < perTransaction && done + i < count; i++) batch.push(generator.next(firstNumber + done + i));
    await db.transaction().execute(async (trx) => {
      // 30, 13 and 13 columns: at most 26 000 parameters a statement (SQLite allows 32 766, PostgreSQL 65 535).
      await inChunks(
        batch.map((c) => c.row),
        500,
        (chunk) => trx.insertInto('cases').values(chunk).execute(),
      );
      await inChunks(
        batch.flatMap((c) => c.events),
        2000,
        (chunk) => trx.insertInto('case_events').values(chunk).execute(),
      );
      await inChunks(
        batch.flatMap((c) => c.clocks),
        2000,
        (chunk) => trx.insertInto('case_clocks').values(chunk).execute(),
      );
    });
    for (const c of batch) {
      report.open += c.row.is_open;
      report.events += c.events.length;
      report.clocks += c.clocks.length;
      report.byKind[c.row.kind] = (report.byKind[c.row.kind] ?? 0) + 1;
    }
    done += batch.length;
    report.cases = done;
    onProgress?.(done);
  }
  const last = firstNumber + count - 1;
  await db
    .insertInto('counters')
    .values({ name: 'case', value: last })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: last }))
    .execute();
  return report;
}
