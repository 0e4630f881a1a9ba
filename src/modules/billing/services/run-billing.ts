import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { ratePeriod, type RatedLine } from '../domain/rate-period.ts';
import { statementLines } from '../domain/statement-delta.ts';
import { periodRating } from './period-rating.ts';
import { billingYear } from './set-budget-year.ts';
import { periodKey, periodLabel, statementNumber } from './statement-periods.ts';

export const runBillingInput = z.object({
  year: billingYear,
  quarter: z.number().int().min(1, '1–4').max(4, '1–4').nullable().default(null),
  dryRun: z.boolean().default(false),
});

export interface IssuedStatement {
  owner: string;
  /** Null on a dry run: nothing was issued. */
  number: string | null;
  kind: 'invoice' | 'credit-note';
  purpose: 'original' | 'correction';
  totalOre: number;
  lines: RatedLine[];
}

export interface BillingRunResult {
  year: number;
  quarter: number | null;
  dryRun: boolean;
  totalOre: number;
  statements: IssuedStatement[];
}

const statementKeys: readonly UniqueField[] = [
  {
    table: 'billing_statements',
    columns: ['number'],
    field: 'year',
    message: 'another billing run issued statements at the same moment; run it again',
  },
  {
    table: 'billing_statements',
    columns: ['organisation_id', 'year', 'period', 'sequence'],
    field: 'year',
    message: 'another billing run of this period issued statements at the same moment; run it again',
  },
];

interface BilledStatement {
  id: string;
  number: string;
  organisationId: string;
  period: string;
  sequence: number;
  lines: RatedLine[];
}

export async function billedStatements(trx: Tx | ServiceContext['db'], year: number): Promise<BilledStatement[]> {
  const [statements, lines] = await Promise.all([
    trx
      .selectFrom('billing_statements')
      .select(['id', 'organisation_id', 'period', 'sequence', 'number'])
      .where('year', '=', year)
      .orderBy('number')
      .execute(),
    trx
      .selectFrom('billing_statement_lines')
      .innerJoin('billing_statements', 'billing_statements.id', 'billing_statement_lines.statement_id')
      .select(['statement_id', 'product_id', 'metric', 'weighted_transactions', 'ore'])
      .where('billing_statements.year', '=', year)
      .orderBy('statement_id')
      .orderBy('position')
      .execute(),
  ]);
  // Lines grouped by statement in one pass (they arrive in position order per statement): a year of quarterly runs
  // and corrections has thousands of lines, and filtering them once per statement would be quadratic.
  const linesOf = new Map<string, RatedLine[]>();
  for (const l of lines) {
    const own = linesOf.get(l.statement_id) ?? [];
    own.push({ product: l.product_id, metric: l.metric, weightedTransactions: l.weighted_transactions, ore: l.ore });
    linesOf.set(l.statement_id, own);
  }
  return statements.map((s) => ({
    id: s.id,
    number: s.number,
    organisationId: s.organisation_id,
    period: s.period,
    sequence: s.sequence,
    lines: linesOf.get(s.id) ?? [],
  }));
}

/** Rows per multi-row insert: statements have 11 columns, lines 6, so both stay under either dialect's limit. */
const rowsPerInsert = 1000;

function inChunks<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += rowsPerInsert) chunks.push(rows.slice(i, i + rowsPerInsert));
  return chunks;
}

/**
 * Bills a period for every owner: rates the year to date under the price list of the year and issues, per owner, the
 * difference against everything already billed for the year. The first statement of a period is its original; a
 * later run of the same period issues a correction (a credit or debit note referring to the original) for the
 * difference only, and nothing when nothing changed. A period before the latest one billed is not run again: its
 * difference reaches the owners through the latest period. `dryRun` rates and writes nothing.
 */
export async function runBilling(
  ctx: ServiceContext,
  input: z.input<typeof runBillingInput>,
): Promise<BillingRunResult> {
  authorize(ctx.actor, 'billing.manage');
  const { year, quarter, dryRun } = parseInput(runBillingInput, input, ctx);
  const rating = await periodRating(ctx, { year, quarter });
  const rated = ratePeriod(rating.snapshot);
  const period = periodKey(quarter);
  const field = quarter === null ? 'year' : 'quarter';
  return inTransaction(ctx, async (trx) => {
    const billed = await billedStatements(trx, year);
    const billedOf = new Map<string, BilledStatement[]>();
    for (const s of billed) {
      const own = billedOf.get(s.organisationId);
      if (own) own.push(s);
      else billedOf.set(s.organisationId, [s]);
    }
    const latest = billed.reduce<string | null>((a, s) => (a === null || s.period > a ? s.period : a), null);
    if (latest !== null && latest > period)
      throw AppError.field(
        field,
        `${year} is billed through ${periodLabel(latest)}; run that period instead`,
        'conflict',
      );
    const codeOf = new Map([...rating.owners.values()].map((o) => [o.id, o.code]));
    const ratedByCode = new Map(rated.owners.map((o) => [o.owner, o]));
    const codes = new Set([...ratedByCode.keys(), ...billed.flatMap((s) => codeOf.get(s.organisationId) ?? [])]);
    const now = ctx.clock.now();
    const runId = newId();
    const issued: (IssuedStatement & { organisationId: string; sequence: number; correctsId: string | null })[] = [];
    for (const code of [...codes].sort()) {
      const owner = rating.owners.get(code);
      if (!owner) continue;
      const own = billedOf.get(owner.id) ?? [];
      const lines = statementLines(
        ratedByCode.get(code)?.lines ?? [],
        own.flatMap((s) => s.lines),
      );
      if (lines.every((l) => l.ore === 0)) continue;
      const thisPeriod = own.filter((s) => s.period === period);
      const original = thisPeriod.find((s) => s.sequence === 0) ?? null;
      const totalOre = lines.reduce((a, l) => a + l.ore, 0);
      issued.push({
        owner: code,
        number: null,
        kind: totalOre >= 0 ? 'invoice' : 'credit-note',
        purpose: original ? 'correction' : 'original',
        totalOre,
        lines,
        organisationId: owner.id,
        sequence: original ? Math.max(...thisPeriod.map((s) => s.sequence)) + 1 : 0,
        correctsId: original?.id ?? null,
      });
    }
    const result = (numbered: boolean): BillingRunResult => ({
      year,
      quarter,
      dryRun,
      totalOre: issued.reduce((a, s) => a + s.totalOre, 0),
      statements: issued.map((s) => ({
        owner: s.owner,
        number: numbered ? s.number : null,
        kind: s.kind,
        purpose: s.purpose,
        totalOre: s.totalOre,
        lines: s.lines,
      })),
    });
    if (dryRun || issued.length === 0) return result(false);
    issued.forEach((s, i) => (s.number = statementNumber(year, billed.length + i + 1)));
    await trx
      .insertInto('billing_runs')
      .values({
        id: runId,
        year,
        quarter,
        alternative: rating.snapshot.alternative,
        price_list_id: rating.priceList.id,
        price_list_digest: rating.priceList.digest,
        usage_through: rating.snapshot.usageThrough,
        snapshot: JSON.stringify(rating.snapshot),
        snapshot_digest: rating.digest,
        created_at: now,
        created_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
      })
      .execute();
    // One multi-row insert per table (in chunks) rather than two statements per owner: on PostgreSQL every statement
    // is a round trip, which made writing 60 statements cost more than rating them.
    const withIds = issued.map((s) => ({ s, id: newId() }));
    const statementRows = withIds.map(({ s, id }) => ({
      id,
      number: s.number ?? '',
      run_id: runId,
      organisation_id: s.organisationId,
      year,
      period,
      sequence: s.sequence,
      kind: s.kind,
      corrects_id: s.correctsId,
      total_ore: s.totalOre,
      issued_at: now,
    }));
    const lineRows = withIds.flatMap(({ s, id }) =>
      s.lines.map((l, position) => ({
        statement_id: id,
        position,
        product_id: l.product,
        metric: l.metric,
        weighted_transactions: l.weightedTransactions,
        ore: l.ore,
      })),
    );
    await guardUnique(statementKeys, async () => {
      for (const chunk of inChunks(statementRows)) await trx.insertInto('billing_statements').values(chunk).execute();
      for (const chunk of inChunks(lineRows)) await trx.insertInto('billing_statement_lines').values(chunk).execute();
    });
    const outcome = result(true);
    await recordAuditEvent(trx, ctx, {
      action: 'billing.run',
      subjectType: 'billing-run',
      subjectId: runId,
      organisationId: null,
      summary: {
        year,
        quarter,
        totalOre: outcome.totalOre,
        snapshot: rating.digest,
        // Each statement's number and total, so the hash-chained audit log vouches for what was issued.
        statements: issued.map((st) => [st.number, st.totalOre]),
      },
    });
    return outcome;
  });
}
