import { z } from 'zod';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { costElements } from '../domain/billing-model.ts';
import { financingSplit, scaleCostsToNeed, type CostTable } from '../domain/financing.ts';
import { ratePeriod, type UsageTotal } from '../domain/rate-period.ts';
import {
  loadAlternatives,
  loadCosts,
  loadProducts,
  requireBudgetYear,
  requirePriceList,
  type Alternative,
  type Product,
} from './billing-catalogue.ts';
import { billingYear } from './set-budget-year.ts';
import { yearVolumes } from './year-volumes.ts';

const orePerMnok = 100_000_000;

export const scenarioInput = z.object({
  year: billingYear,
  /** The total need above today's level (today's central appropriation + today's owner funding), in MNOK. */
  extraNeedMnok: z.number().min(-10_000).max(100_000).multipleOf(0.01, 'at most two decimals').optional(),
  /** Volume growth per product in per cent (e.g. 5 or -2.5). */
  growth: z.record(z.string().min(1).max(63), z.number().min(-100).max(1000).multipleOf(0.01)).default({}),
});

export interface ScenarioOwner {
  owner: string;
  name: string;
  ore: number;
  /** Under today's model (alternative 0) in the same scenario, and the change against it. */
  todayOre: number;
  changeOre: number;
}

export interface ScenarioResult {
  alternative: number;
  names: Alternative['names'];
  published: Alternative['published'];
  year: number;
  totalOre: number;
  centralOre: number;
  ownersOre: number;
  products: { product: string; totalOre: number; centralOre: number; ownersOre: number }[];
  owners: ScenarioOwner[];
}

export interface ScenarioComparison {
  year: number;
  needOre: number;
  /** The volumes the owners' parts are rated on. */
  basis: { year: number; monthsCounted: number };
  products: Product[];
  alternatives: ScenarioResult[];
}

function withGrowth(usage: UsageTotal[], products: readonly Product[], growth: Record<string, number>): UsageTotal[] {
  const pctOf = new Map<string, number>();
  for (const p of products) for (const m of p.metrics) pctOf.set(m, growth[p.id] ?? 0);
  // Growth is in hundredths of a per cent so the scaling stays in whole numbers until the final rounding.
  return usage.map((u) => ({
    ...u,
    count: Math.round((u.count * (10_000 + Math.round((pctOf.get(u.metric) ?? 0) * 100))) / 10_000),
  }));
}

/**
 * Every financing alternative for a budget year side by side: total, central and owners' part, per product and per
 * owner, and each owner's change against today's model. The owners' parts are rated with the year's price list on
 * the year's volumes (counted months plus forecast, with any growth); a cost no owner's usage can carry falls to the
 * central budget, so for each alternative the owners' parts add up to `ownersOre` and `centralOre + ownersOre` is the
 * total need.
 */
export async function compareFinancingScenarios(
  ctx: ServiceContext,
  input: z.input<typeof scenarioInput>,
): Promise<ScenarioComparison> {
  authorize(ctx.actor, 'billing.plan');
  const data = parseInput(scenarioInput, input, ctx);
  const [budget, products, storedCosts, alternatives, priceList] = await Promise.all([
    requireBudgetYear(ctx.db, data.year),
    loadProducts(ctx.db),
    loadCosts(ctx.db, data.year),
    loadAlternatives(ctx.db),
    requirePriceList(ctx.db, data.year),
  ]);
  for (const product of Object.keys(data.growth))
    if (!products.some((p) => p.id === product)) throw AppError.field(`growth.${product}`, 'no such product');
  const needOre =
    data.extraNeedMnok === undefined
      ? products.reduce((a, p) => a + costElements.reduce((b, e) => b + (storedCosts[p.id]?.[e] ?? 0), 0), 0)
      : budget.centralAppropriationOre + budget.ownerFundingTodayOre + Math.round(data.extraNeedMnok * orePerMnok);
  if (needOre < 0) throw AppError.field('extraNeedMnok', 'the total need would be below zero');
  const costs: CostTable =
    data.extraNeedMnok === undefined ? storedCosts : scaleCostsToNeed(products, storedCosts, needOre);
  const volumes = await yearVolumes(ctx, products, data.year);
  const usage = withGrowth(volumes.usage, products, data.growth);
  const rated = alternatives.map((alternative) => {
    const split = financingSplit(products, costs, alternative.rules, budget);
    const rating = ratePeriod({ products, terms: priceList.terms, usage, cost: split.ownerCost, quarter: null });
    return { alternative, split, parts: new Map(rating.owners.map((o) => [o.owner, o.totalOre])) };
  });
  const today = rated.find((r) => r.alternative.number === 0)?.parts ?? new Map<string, number>();
  const codes = [...new Set(usage.map((u) => u.owner))].sort();
  return {
    year: data.year,
    needOre,
    basis: { year: volumes.basisYear, monthsCounted: volumes.monthsCounted },
    products,
    alternatives: rated.map(({ alternative, split, parts }) => {
      const ownersOre = [...parts.values()].reduce((a, b) => a + b, 0);
      return {
        alternative: alternative.number,
        names: alternative.names,
        published: alternative.published,
        year: data.year,
        totalOre: split.totalOre,
        centralOre: split.totalOre - ownersOre,
        ownersOre,
        products: split.products,
        owners: codes.map((code) => {
          const ore = parts.get(code) ?? 0;
          const todayOre = today.get(code) ?? 0;
          return {
            owner: code,
            name: volumes.owners.get(code)?.name ?? code,
            ore,
            todayOre,
            changeOre: ore - todayOre,
          };
        }),
      };
    }),
  };
}

/** One alternative of the comparison; an unknown alternative names the field. */
export async function financingScenario(
  ctx: ServiceContext,
  input: z.input<typeof scenarioInput> & { alternative: number },
): Promise<ScenarioResult> {
  const { alternative, ...rest } = input;
  const comparison = await compareFinancingScenarios(ctx, rest);
  const found = comparison.alternatives.find((a) => a.alternative === alternative);
  if (!found) throw AppError.field('alternative', `no financing alternative ${alternative}`);
  return found;
}
