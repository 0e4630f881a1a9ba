import { costElements, type CostElement, type ProductDefinition } from './billing-model.ts';
import type { OwnerCost } from './rate-period.ts';
import { splitLargestRemainder, throughQuarter } from './largest-remainder.ts';

/**
 * Who funds a cost element: the central appropriation, the owners, or the central appropriation as far as it
 * reaches after everything marked `central` (then the owners).
 */
export const fundingRules = ['central', 'owners', 'central-within-appropriation'] as const;
export type FundingRule = (typeof fundingRules)[number];

/**
 * A financing alternative of seed 003. `today-level`: today's model, where the owners pay today's owner funding
 * under the size categories and the central budget carries the rest. `by-element`: each cost element of the products
 * that Digital agenda puts under central funding (`principle`) and of the others (`other`) has a rule; the owners'
 * part is billed per product, transaction-based with each product's scale.
 */
export type AlternativeRules =
  | { kind: 'today-level' }
  | {
      kind: 'by-element';
      principle: Record<CostElement, FundingRule>;
      other: Record<CostElement, FundingRule>;
      /** The order in which `central-within-appropriation` elements are funded until the appropriation is spent. */
      appropriationOrder: CostElement[];
    };

/** A year's costs: øre per product id and cost element. */
export type CostTable = Record<string, Partial<Record<CostElement, number>>>;

export interface BudgetTerms {
  /** Today's central appropriation for the shared solutions (seed 003: about 240 MNOK). */
  centralAppropriationOre: number;
  /** What the owners pay today (seed 003: about 230 MNOK). */
  ownerFundingTodayOre: number;
}

export interface FinancingSplit {
  totalOre: number;
  centralOre: number;
  ownersOre: number;
  products: { product: string; totalOre: number; centralOre: number; ownersOre: number }[];
  ownerCost: OwnerCost;
}

function cell(costs: CostTable, product: string, element: CostElement): number {
  return costs[product]?.[element] ?? 0;
}

/** Splits a year's costs between central funding and the owners under an alternative. */
export function financingSplit(
  products: readonly ProductDefinition[],
  costs: CostTable,
  rules: AlternativeRules,
  budget: BudgetTerms,
): FinancingSplit {
  const productTotals = products.map((p) => costElements.reduce((a, e) => a + cell(costs, p.id, e), 0));
  const totalOre = productTotals.reduce((a, b) => a + b, 0);
  if (rules.kind === 'today-level') {
    const ownersOre = Math.min(budget.ownerFundingTodayOre, totalOre);
    const owned = totalOre === 0 ? products.map(() => 0) : splitLargestRemainder(ownersOre, productTotals);
    return {
      totalOre,
      centralOre: totalOre - ownersOre,
      ownersOre,
      products: products.map((p, i) => ({
        product: p.id,
        totalOre: productTotals[i] ?? 0,
        centralOre: (productTotals[i] ?? 0) - (owned[i] ?? 0),
        ownersOre: owned[i] ?? 0,
      })),
      ownerCost: { method: 'size-categories', totalOre: ownersOre },
    };
  }
  const central = new Map<string, number>(products.map((p) => [p.id, 0]));
  const ruleOf = (p: ProductDefinition, e: CostElement) => (p.centralByPrinciple ? rules.principle : rules.other)[e];
  for (const p of products)
    for (const e of costElements)
      if (ruleOf(p, e) === 'central') central.set(p.id, (central.get(p.id) ?? 0) + cell(costs, p.id, e));
  let appropriation = Math.max(0, budget.centralAppropriationOre - [...central.values()].reduce((a, b) => a + b, 0));
  const order = [...rules.appropriationOrder, ...costElements.filter((e) => !rules.appropriationOrder.includes(e))];
  for (const e of order)
    for (const p of products) {
      if (ruleOf(p, e) !== 'central-within-appropriation') continue;
      const taken = Math.min(appropriation, cell(costs, p.id, e));
      appropriation -= taken;
      central.set(p.id, (central.get(p.id) ?? 0) + taken);
    }
  const rows = products.map((p, i) => {
    const centralOre = central.get(p.id) ?? 0;
    return {
      product: p.id,
      totalOre: productTotals[i] ?? 0,
      centralOre,
      ownersOre: (productTotals[i] ?? 0) - centralOre,
    };
  });
  const ownersOre = rows.reduce((a, r) => a + r.ownersOre, 0);
  return {
    totalOre,
    centralOre: totalOre - ownersOre,
    ownersOre,
    products: rows,
    ownerCost: { method: 'per-product', productOre: Object.fromEntries(rows.map((r) => [r.product, r.ownersOre])) },
  };
}

/** The owners' cost of the year to date through `quarter` (1–4; null is the year): each amount split in quarters. */
export function ownerCostThrough(cost: OwnerCost, quarter: number | null): OwnerCost {
  const q = quarter ?? 4;
  if (cost.method === 'size-categories') return { method: cost.method, totalOre: throughQuarter(cost.totalOre, q) };
  return {
    method: cost.method,
    productOre: Object.fromEntries(Object.entries(cost.productOre).map(([p, ore]) => [p, throughQuarter(ore, q)])),
  };
}

/**
 * A year's costs scaled to a total need (seed 003's example: 60 MNOK above today's level), each cell in proportion
 * to its amount, so the cells still add up to the need exactly.
 */
export function scaleCostsToNeed(products: readonly ProductDefinition[], costs: CostTable, needOre: number): CostTable {
  const cells = products.flatMap((p) => costElements.map((e) => ({ p: p.id, e, ore: cell(costs, p.id, e) })));
  const total = cells.reduce((a, c) => a + c.ore, 0);
  const parts =
    total === 0
      ? splitLargestRemainder(
          needOre,
          cells.map(() => 1),
        )
      : splitLargestRemainder(
          needOre,
          cells.map((c) => c.ore),
        );
  const scaled: CostTable = {};
  cells.forEach((c, i) => {
    scaled[c.p] = { ...scaled[c.p], [c.e]: parts[i] ?? 0 };
  });
  return scaled;
}
