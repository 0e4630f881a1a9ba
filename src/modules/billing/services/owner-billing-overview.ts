import { z } from 'zod';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { publicSizeCategoryTerms, type SizeCategory } from '../domain/billing-model.ts';
import { distanceToNextCategory, sizeCategoryOf } from '../domain/size-category.ts';
import { weightedTransactions } from '../domain/weighted-transactions.ts';
import { loadProducts, priceListForYear, type Product } from './billing-catalogue.ts';
import { listStatements, type StatementSummary } from './billing-statements.ts';
import { billingYear } from './set-budget-year.ts';
import { yearVolumes } from './year-volumes.ts';

export const ownerOverviewInput = z.object({ owner: z.string().min(1).max(63), year: billingYear });

export interface OwnerBillingOverview {
  owner: { code: string; name: string };
  year: number;
  products: Product[];
  /** Weighted transactions per month (`YYYY-MM`) and product id, for the months counted. */
  months: { month: string; products: Record<string, number>; total: number }[];
  monthsCounted: number;
  yearToDate: number;
  /** The year's forecast: counted months plus the rest from earlier years' seasonality. */
  forecast: { total: number; products: Record<string, number> };
  category: SizeCategory;
  /** The next category up and the weighted transactions still needed to reach it (on the forecast). */
  next: { category: SizeCategory; transactions: number } | null;
  /** The price list the figures are weighted with (the year's, or the public model's defaults without one). */
  priceList: { id: string; name: string } | null;
  statements: StatementSummary[];
}

/**
 * An owner's billing picture of a year: its weighted transactions per product and month, its size category and the
 * distance to the next threshold on the year's forecast, and its statements. Another owner is not found.
 */
export async function ownerBillingOverview(
  ctx: ServiceContext,
  input: z.input<typeof ownerOverviewInput>,
): Promise<OwnerBillingOverview> {
  authorize(ctx.actor, 'billing.read');
  const { owner: code, year } = parseInput(ownerOverviewInput, input, ctx);
  const owner = await scoped(
    ctx.db
      .selectFrom('organisations')
      .select(['id', 'code', 'name'])
      .where('kind', '=', 'owner')
      .where('code', '=', code),
    'id',
    tenantScope(ctx.actor, 'billing.read'),
  ).executeTakeFirst();
  if (!owner) throw AppError.field('owner', 'no such owner', 'not-found');
  const [products, priceList] = await Promise.all([loadProducts(ctx.db), priceListForYear(ctx.db, year)]);
  const volumes = await yearVolumes(ctx, products, year, owner.id);
  const terms = priceList?.terms ?? { weightsPermille: {}, products: {}, sizeCategories: publicSizeCategoryTerms };
  const productOf = new Map(products.flatMap((p) => p.metrics.map((m) => [m, p.id] as const)));
  const byMonth = new Map<string, Record<string, number>>();
  for (const m of volumes.monthly) {
    const product = productOf.get(m.metric);
    if (product === undefined) continue;
    const row = byMonth.get(m.month) ?? {};
    row[product] = (row[product] ?? 0) + weightedTransactions(terms, m.metric, m.count);
    byMonth.set(m.month, row);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, row]) => ({ month, products: row, total: Object.values(row).reduce((a, b) => a + b, 0) }));
  const forecastProducts: Record<string, number> = {};
  for (const u of volumes.usage) {
    const product = productOf.get(u.metric);
    if (product !== undefined)
      forecastProducts[product] = (forecastProducts[product] ?? 0) + weightedTransactions(terms, u.metric, u.count);
  }
  const forecast = Object.values(forecastProducts).reduce((a, b) => a + b, 0);
  // Weighted as a billing run weighs them: each metric's total over the months counted, rounded once (the months'
  // rows are rounded one by one, so their sum can differ by a few transactions).
  const counted = new Map<string, number>();
  for (const m of volumes.monthly) counted.set(m.metric, (counted.get(m.metric) ?? 0) + m.count);
  let yearToDate = 0;
  for (const [metric, count] of counted)
    if (productOf.has(metric)) yearToDate += weightedTransactions(terms, metric, count);
  return {
    owner: { code: owner.code, name: owner.name },
    year: volumes.basisYear,
    products,
    months,
    monthsCounted: volumes.monthsCounted,
    yearToDate,
    forecast: { total: forecast, products: forecastProducts },
    category: sizeCategoryOf(terms.sizeCategories, forecast),
    next: distanceToNextCategory(terms.sizeCategories, forecast),
    priceList: priceList ? { id: priceList.id, name: priceList.name } : null,
    statements: await listStatements(ctx, { owner: owner.code }),
  };
}
