import { z } from 'zod';
import { osloDay } from '../../../platform/domain/input-bounds.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { RatedLine } from '../domain/rate-period.ts';
import type { StatementDocument } from '../domain/statement-document.ts';
import { findBudgetYear, loadProducts } from './billing-catalogue.ts';
import { quarterOfPeriod } from './statement-periods.ts';

export const statementNumberPattern = /^\d{4}-\d{5}$/;

export interface StatementSummary {
  number: string;
  owner: { code: string; name: string };
  year: number;
  quarter: number | null;
  kind: 'invoice' | 'credit-note';
  purpose: 'original' | 'correction';
  correctsNumber: string | null;
  totalOre: number;
  issuedAt: number;
}

export interface StatementView extends StatementSummary {
  lines: RatedLine[];
  runId: string;
  provenance: StatementDocument['provenance'];
}

export const listStatementsInput = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  owner: z.string().min(1).max(63).optional(),
});

function statementQuery(ctx: ServiceContext) {
  const query = ctx.db
    .selectFrom('billing_statements as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('billing_statements as c', 'c.id', 's.corrects_id')
    .innerJoin('billing_runs as r', 'r.id', 's.run_id')
    .select([
      's.id',
      's.number',
      's.year',
      's.period',
      's.kind',
      's.total_ore',
      's.issued_at',
      's.run_id',
      'o.code',
      'o.name',
      'c.number as corrects_number',
      'r.price_list_id',
      'r.price_list_digest',
      'r.usage_through',
      'r.snapshot_digest',
    ]);
  return scoped(query, 's.organisation_id', tenantScope(ctx.actor, 'billing.read'));
}

type StatementRow = Awaited<ReturnType<ReturnType<typeof statementQuery>['execute']>>[number];

function summaryOf(row: StatementRow): StatementSummary {
  return {
    number: row.number,
    owner: { code: row.code, name: row.name },
    year: row.year,
    quarter: quarterOfPeriod(row.period),
    kind: row.kind === 'credit-note' ? 'credit-note' : 'invoice',
    purpose: row.corrects_number === null ? 'original' : 'correction',
    correctsNumber: row.corrects_number,
    totalOre: row.total_ore,
    issuedAt: row.issued_at,
  };
}

/** Statements the actor may read (an owner its own), newest first. */
export async function listStatements(
  ctx: ServiceContext,
  input: z.input<typeof listStatementsInput> = {},
): Promise<StatementSummary[]> {
  authorize(ctx.actor, 'billing.read');
  const data = parseInput(listStatementsInput, input, ctx);
  let query = statementQuery(ctx);
  if (data.year !== undefined) query = query.where('s.year', '=', data.year);
  if (data.owner !== undefined) query = query.where('o.code', '=', data.owner);
  const rows = await query.orderBy('s.number', 'desc').limit(5000).execute();
  return rows.map(summaryOf);
}

/** One statement with its lines; another owner's statement is not found, exactly like one that does not exist. */
export async function getStatement(ctx: ServiceContext, number: string): Promise<StatementView> {
  authorize(ctx.actor, 'billing.read');
  if (!statementNumberPattern.test(number)) throw new AppError('not-found', 'no such statement');
  const row = await statementQuery(ctx).where('s.number', '=', number).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such statement');
  const lines = await ctx.db
    .selectFrom('billing_statement_lines')
    .select(['product_id', 'metric', 'weighted_transactions', 'ore'])
    .where('statement_id', '=', row.id)
    .orderBy('position')
    .execute();
  return {
    ...summaryOf(row),
    runId: row.run_id,
    lines: lines.map((l) => ({
      product: l.product_id,
      metric: l.metric,
      weightedTransactions: l.weighted_transactions,
      ore: l.ore,
    })),
    provenance: {
      priceListId: row.price_list_id,
      priceListDigest: row.price_list_digest,
      usageThrough: row.usage_through,
      snapshotDigest: row.snapshot_digest,
    },
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A statement laid out for its documents (page, PDF, CSV, XLSX, EHF): the parties, dates, named lines and where it
 * came from. `metricNames` names the usage metrics in the locale.
 */
export async function statementDocument(
  ctx: ServiceContext,
  number: string,
  locale: Locale,
  metricNames: (metric: string) => string,
): Promise<StatementDocument> {
  const view = await getStatement(ctx, number);
  const [seller, buyer, products, budget] = await Promise.all([
    ctx.db
      .selectFrom('organisations')
      .select(['name', 'org_number', 'contact_email'])
      .where('kind', '=', 'operator')
      .orderBy('created_at')
      .executeTakeFirst(),
    ctx.db
      .selectFrom('organisations')
      .select(['name', 'org_number', 'contact_email'])
      .where('code', '=', view.owner.code)
      .executeTakeFirstOrThrow(),
    loadProducts(ctx.db),
    findBudgetYear(ctx.db, view.year),
  ]);
  const issueDate = osloDay(view.issuedAt);
  const productName = (id: string) => products.find((p) => p.id === id)?.names[locale] ?? id;
  return {
    number: view.number,
    kind: view.kind,
    purpose: view.purpose,
    provisional: view.quarter !== null,
    issuedAt: view.issuedAt,
    issueDate,
    dueDate: addDays(issueDate, budget?.paymentDays ?? 30),
    period: {
      year: view.year,
      quarter: view.quarter,
      start: `${view.year}-01-01`,
      end: view.quarter === null ? `${view.year}-12-31` : lastDayOfQuarter(view.year, view.quarter),
    },
    correctsNumber: view.correctsNumber,
    seller: {
      name: seller?.name ?? 'Nivå',
      orgNumber: seller?.org_number ?? '',
      email: seller?.contact_email ?? '',
    },
    buyer: { name: buyer.name, orgNumber: buyer.org_number, email: buyer.contact_email, code: view.owner.code },
    buyerReference: view.owner.code,
    lines: view.lines.map((l) => ({
      ...l,
      productName: productName(l.product),
      metricName: metricNames(l.metric),
    })),
    totalOre: view.totalOre,
    provenance: view.provenance,
  };
}

function lastDayOfQuarter(year: number, quarter: number): string {
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}
