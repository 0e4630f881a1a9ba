import type { ServiceContext } from '../../../platform/services/context.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { financingSplit, ownerCostThrough } from '../domain/financing.ts';
import type { RatingInput } from '../domain/rate-period.ts';
import { digestOf } from '../domain/rating-snapshot.ts';
import {
  findAlternative,
  loadCosts,
  loadProducts,
  requireBudgetYear,
  requirePriceList,
  type BudgetYear,
  type PriceList,
} from './billing-catalogue.ts';
import { monthlyOwnerUsage, unclosedMonths } from '../../usage/index.ts';
import { billableOwners, type BillableOwner } from './billing-usage.ts';

/** Everything a billing run rates from, stored whole with the run so any statement can be rated again. */
export interface RunSnapshot extends RatingInput {
  year: number;
  alternative: number;
  usageThrough: string;
  /**
   * The organisation id of each owner code in `usage`: the operator may change an owner's code later, and
   * verification must still find the owner the run rated. Absent in runs stored before it was recorded.
   */
  ownerIds?: Record<string, string>;
}

export interface PeriodRating {
  snapshot: RunSnapshot;
  digest: string;
  priceList: PriceList;
  budget: BudgetYear;
  /** Owners by code. */
  owners: Map<string, BillableOwner>;
}

export function lastMonthOf(year: number, quarter: number | null): string {
  return `${year}-${String((quarter ?? 4) * 3).padStart(2, '0')}`;
}

/**
 * Gathers what a period is rated from: the year's budget, alternative and costs, the price list valid for the year,
 * and every owner's counted usage from January through the period's last month, which must all be closed (figures
 * of an open month can still change). A quarter is the year to date through it.
 */
export async function periodRating(
  ctx: ServiceContext,
  input: { year: number; quarter: number | null },
): Promise<PeriodRating> {
  const { year, quarter } = input;
  const usageThrough = lastMonthOf(year, quarter);
  const open = await unclosedMonths(ctx.db, year, usageThrough);
  if (open.length > 0)
    throw AppError.field(
      quarter === null ? 'year' : 'quarter',
      `usage month ${open.join(', ')} is not closed; close it before billing the period`,
    );
  const budget = await requireBudgetYear(ctx.db, year);
  const [alternative, products, costs, priceList, owners] = await Promise.all([
    findAlternative(ctx.db, budget.alternative, 'year'),
    loadProducts(ctx.db),
    loadCosts(ctx.db, year),
    requirePriceList(ctx.db, year),
    billableOwners(ctx.db),
  ]);
  if (products.length === 0) throw AppError.field('year', 'the billing catalogue has no products');
  const split = financingSplit(products, costs, alternative.rules, budget);
  const counts = await monthlyOwnerUsage(ctx.db, {
    fromMonth: `${year}-01`,
    toMonth: usageThrough,
    metrics: products.flatMap((p) => p.metrics),
  });
  const totals = new Map<string, { owner: string; metric: string; count: number }>();
  const ownerIds: Record<string, string> = {};
  for (const c of counts) {
    const owner = owners.get(c.ownerId);
    if (!owner) continue;
    ownerIds[owner.code] = owner.id;
    const key = `${owner.code}\u0000${c.metric}`;
    const total = totals.get(key) ?? { owner: owner.code, metric: c.metric, count: 0 };
    total.count += c.count;
    totals.set(key, total);
  }
  const usage = [...totals.values()]
    .filter((u) => u.count !== 0)
    .sort((a, b) => (a.owner === b.owner ? (a.metric < b.metric ? -1 : 1) : a.owner < b.owner ? -1 : 1));
  const snapshot: RunSnapshot = {
    year,
    quarter,
    alternative: alternative.number,
    usageThrough,
    products: products.map((p) => ({ id: p.id, centralByPrinciple: p.centralByPrinciple, metrics: p.metrics })),
    terms: priceList.terms,
    usage,
    cost: ownerCostThrough(split.ownerCost, quarter),
    ownerIds,
  };
  return {
    snapshot,
    digest: digestOf(snapshot),
    priceList,
    budget,
    owners: new Map([...owners.values()].map((o) => [o.code, o])),
  };
}
