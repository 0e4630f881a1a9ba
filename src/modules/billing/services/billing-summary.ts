import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { z } from 'zod';
import { financingSplit } from '../domain/financing.ts';
import { findAlternative, loadCosts, loadProducts, priceListForYear, requireBudgetYear } from './billing-catalogue.ts';
import { billingYear } from './set-budget-year.ts';
import { quarterOfPeriod } from './statement-periods.ts';

export interface BillingSummary {
  year: number;
  alternative: { number: number; names: Record<'nb' | 'nn' | 'en', string> };
  totalCostOre: number;
  centralOre: number;
  ownersOre: number;
  /** Everything issued for the year, corrections included. */
  billedOre: number;
  /** Billed against the owners' part, in basis points (10 000 = fully covered); null when the owners owe nothing. */
  coverageBasisPoints: number | null;
  priceList: { id: string; name: string; digest: string } | null;
  /** Periods billed so far, in order (a quarter as 1–4, the year as null), with their statements and total. */
  periods: { quarter: number | null; statements: number; corrections: number; totalOre: number }[];
  owners: { code: string; name: string; billedOre: number; statements: number }[];
}

/** The operator's view of a billing year: what it costs, who funds it, what has been billed and how much it covers. */
export async function billingSummary(ctx: ServiceContext, input: { year: number }): Promise<BillingSummary> {
  authorize(ctx.actor, 'billing.plan');
  const { year } = parseInput(z.object({ year: billingYear }), input, ctx);
  const budget = await requireBudgetYear(ctx.db, year);
  const [alternative, products, costs, priceList, statements] = await Promise.all([
    findAlternative(ctx.db, budget.alternative, 'year'),
    loadProducts(ctx.db),
    loadCosts(ctx.db, year),
    priceListForYear(ctx.db, year),
    ctx.db
      .selectFrom('billing_statements as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['s.period', 's.sequence', 's.total_ore', 'o.code', 'o.name'])
      .where('s.year', '=', year)
      .execute(),
  ]);
  const split = financingSplit(products, costs, alternative.rules, budget);
  const billedOre = statements.reduce((a, s) => a + s.total_ore, 0);
  const periods = [...new Set(statements.map((s) => s.period))].sort().map((period) => {
    const own = statements.filter((s) => s.period === period);
    return {
      quarter: quarterOfPeriod(period),
      statements: own.filter((s) => s.sequence === 0).length,
      corrections: own.filter((s) => s.sequence > 0).length,
      totalOre: own.reduce((a, s) => a + s.total_ore, 0),
    };
  });
  const owners = [...new Set(statements.map((s) => s.code))].sort().map((code) => {
    const own = statements.filter((s) => s.code === code);
    return {
      code,
      name: own[0]?.name ?? code,
      billedOre: own.reduce((a, s) => a + s.total_ore, 0),
      statements: own.length,
    };
  });
  return {
    year,
    alternative: { number: alternative.number, names: alternative.names },
    totalCostOre: split.totalOre,
    centralOre: split.centralOre,
    ownersOre: split.ownersOre,
    billedOre,
    coverageBasisPoints: split.ownersOre === 0 ? null : Math.round((billedOre * 10_000) / split.ownersOre),
    priceList: priceList ? { id: priceList.id, name: priceList.name, digest: priceList.digest } : null,
    periods,
    owners,
  };
}
