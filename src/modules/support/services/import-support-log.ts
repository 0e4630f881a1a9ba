import type { z } from 'zod';
import type { SupportLine } from '../domain/support-kpis.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError, type FieldProblem } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { maxImportRecords } from './support-records.ts';

export interface SupportImportOptions {
  /** Validate and count, write nothing. */
  dryRun?: boolean;
  /** Where the records came from (a file name), for the audit trail. */
  source?: string;
}

export interface SupportImportReport {
  dryRun: boolean;
  records: number;
  /** New records (would be, on a dry run). */
  inserted: number;
  /** Records already imported earlier (same line and external id): left as they are. */
  skipped: number;
}

type Table = 'support_calls' | 'support_emails';

export interface SupportLogKind<S extends z.ZodType> {
  table: Table;
  schema: S;
  action: 'support.import-calls' | 'support.import-emails';
  /** The record's instant that decides its period, for the audit summary. */
  instantOf(record: z.infer<S>): number;
  row(record: z.infer<S>, importedAt: number): Record<string, unknown> & { line: SupportLine; external_id: string };
}

const insertChunk = 1_000;
const lookupChunk = 500;

/**
 * Validates every record before anything is written, so a refused import writes nothing; problems name the record
 * by its index (`3.answeredAt`). The same line and external id twice in one import is refused too.
 */
function validate<S extends z.ZodType>(kind: SupportLogKind<S>, records: readonly unknown[]): z.infer<S>[] {
  if (records.length === 0) throw AppError.field('(body)', 'no records to import');
  if (records.length > maxImportRecords)
    throw AppError.field('(body)', `at most ${maxImportRecords} records per import; send the rest separately`);
  const parsed: z.infer<S>[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const result = kind.schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({ field: [index, ...issue.path].map(String).join('.'), message: issue.message });
      return;
    }
    const data = result.data;
    const row = kind.row(data, 0);
    const key = `${row.line}\u0000${row.external_id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({ field: `${index}.externalId`, message: `appears twice in this import (also record ${earlier})` });
    else seen.set(key, index);
    parsed.push(data);
  });
  if (problems.length > 0) {
    const first = problems[0] as FieldProblem;
    throw new AppError(
      'validation',
      `${first.field}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      { fields: problems.slice(0, 100) },
    );
  }
  return parsed;
}

async function countExisting(
  db: ServiceContext['db'] | Tx,
  table: Table,
  rows: readonly { line: string; external_id: string }[],
): Promise<number> {
  let existing = 0;
  const byLine = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byLine.get(r.line);
    if (ids) ids.push(r.external_id);
    else byLine.set(r.line, [r.external_id]);
  }
  for (const [line, ids] of byLine) {
    for (let i = 0; i < ids.length; i += lookupChunk) {
      const found = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('line', '=', line)
        .where('external_id', 'in', ids.slice(i, i + lookupChunk))
        .executeTakeFirstOrThrow();
      existing += Number(found.n);
    }
  }
  return existing;
}

/** Imports a batch of log records, idempotently on (line, external id), with one audit event in the same transaction. */
export async function importSupportLog<S extends z.ZodType>(
  ctx: ServiceContext,
  kind: SupportLogKind<S>,
  records: readonly unknown[],
  options: SupportImportOptions = {},
): Promise<SupportImportReport> {
  authorize(ctx.actor, 'support.manage');
  if (!Array.isArray(records)) throw AppError.field('(body)', 'expected an array of records');
  const parsed = validate(kind, records);
  const now = ctx.clock.now();
  const rows = parsed.map((r) => kind.row(r, now));
  if (options.dryRun) {
    const skipped = await countExisting(ctx.db, kind.table, rows);
    return { dryRun: true, records: rows.length, inserted: rows.length - skipped, skipped };
  }
  return inTransaction(ctx, async (trx) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += insertChunk) {
      const result = await trx
        .insertInto(kind.table)
        // The two tables' rows are built by their own kind; the union of their shapes is what Kysely sees here.
        .values(rows.slice(i, i + insertChunk) as never)
        .onConflict((oc) => oc.columns(['line', 'external_id']).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    let from = Infinity;
    let to = -Infinity;
    for (const r of parsed) {
      const at = kind.instantOf(r);
      if (at < from) from = at;
      if (at > to) to = at;
    }
    const summary = {
      records: rows.length,
      inserted,
      skipped: rows.length - inserted,
      lines: [...new Set(rows.map((r) => r.line))].sort(),
      from,
      to,
      source: options.source ?? null,
    };
    await recordAuditEvent(trx, ctx, {
      action: kind.action,
      subjectType: kind.table,
      subjectId: null,
      organisationId: null,
      summary,
    });
    return { dryRun: false, records: rows.length, inserted, skipped: rows.length - inserted };
  });
}
