import {
  type PriceListTerms,
  type ProductDefinition,
  type SizeCategory,
  flatPricing,
  sharingCategories,
} from './billing-model.ts';
import { splitLargestRemainder, throughQuarter } from './largest-remainder.ts';
import { sizeCategoryOf } from './size-category.ts';
import { tieredUnits } from './tiered-units.ts';
import { weightedTransactions } from './weighted-transactions.ts';

/** An owner's count of one metric over the rated period. */
export interface UsageTotal {
  owner: string;
  metric: string;
  count: number;
}

/**
 * What the owners together must cover for the period, and how it is shared:
 * - `size-categories` (the public Altinn price model, today's model): fixed fees for the small categories, the rest
 *   shared by the large ones in proportion to their weighted transactions;
 * - `per-product` (transaction-based with a scale model): each product's owner-funded cost shared in proportion to
 *   the owners' charge units under the product's tier table.
 */
export type OwnerCost =
  { method: 'size-categories'; totalOre: number } | { method: 'per-product'; productOre: Record<string, number> };

export interface RatingInput {
  products: ProductDefinition[];
  terms: PriceListTerms;
  usage: UsageTotal[];
  cost: OwnerCost;
  /** 1–3 for a provisional quarter (the year to date through it), 4 or null for the whole year. */
  quarter: number | null;
}

export interface RatedLine {
  product: string;
  metric: string;
  weightedTransactions: number;
  ore: number;
}

export interface RatedOwner {
  owner: string;
  weightedTransactions: number;
  category: SizeCategory;
  lines: RatedLine[];
  totalOre: number;
}

export interface Rating {
  owners: RatedOwner[];
  /** What the owners must cover, and what the rating puts on them; the difference is uncovered (or over-covered). */
  ownerCostOre: number;
  billedOre: number;
}

interface OwnerUsage {
  owner: string;
  /** Weighted transactions per product id, then per metric in the product's order. */
  lines: { product: string; metric: string; weighted: number }[];
  total: number;
}

function collectUsage(input: RatingInput): OwnerUsage[] {
  const productOf = new Map<string, string>();
  for (const product of input.products) for (const metric of product.metrics) productOf.set(metric, product.id);
  const counts = new Map<string, Map<string, number>>();
  for (const u of input.usage) {
    if (!productOf.has(u.metric) || u.count <= 0) continue;
    const owner = counts.get(u.owner) ?? new Map<string, number>();
    owner.set(u.metric, (owner.get(u.metric) ?? 0) + u.count);
    counts.set(u.owner, owner);
  }
  const owners: OwnerUsage[] = [];
  for (const owner of [...counts.keys()].sort()) {
    const byMetric = counts.get(owner) ?? new Map<string, number>();
    const lines = input.products.flatMap((product) =>
      product.metrics.map((metric) => ({
        product: product.id,
        metric,
        weighted: weightedTransactions(input.terms, metric, byMetric.get(metric) ?? 0),
      })),
    );
    const total = lines.reduce((a, l) => a + l.weighted, 0);
    if (total > 0) owners.push({ owner, lines: lines.filter((l) => l.weighted > 0), total });
  }
  return owners;
}

/** An owner's amount laid over its lines in proportion to their weighted transactions. */
function spread(lines: OwnerUsage['lines'], ore: number): RatedLine[] {
  const parts = splitLargestRemainder(
    ore,
    lines.map((l) => l.weighted),
  );
  return lines.map((l, i) => ({
    product: l.product,
    metric: l.metric,
    weightedTransactions: l.weighted,
    ore: parts[i] ?? 0,
  }));
}

function rateBySizeCategories(input: RatingInput, owners: OwnerUsage[], totalOre: number): RatedOwner[] {
  const quarter = input.quarter ?? 4;
  const sizes = input.terms.sizeCategories;
  const categorised = owners.map((o) => ({ usage: o, category: sizeCategoryOf(sizes, o.total, quarter * 3) }));
  const fee = (category: SizeCategory): number =>
    category === 'medium' || category === 'liten' || category === 'andre'
      ? throughQuarter(sizes.feeOre[category], quarter)
      : 0;
  const fixed = categorised.reduce((a, o) => a + fee(o.category), 0);
  const sharing = categorised.filter((o) => sharingCategories.has(o.category));
  const remaining = Math.max(0, totalOre - fixed);
  const shares =
    sharing.length === 0
      ? []
      : splitLargestRemainder(
          remaining,
          sharing.map((o) => o.usage.total),
        );
  return categorised.map((o) => {
    const index = sharing.indexOf(o);
    const ore = index >= 0 ? (shares[index] ?? 0) : fee(o.category);
    const lines = spread(o.usage.lines, ore);
    return { owner: o.usage.owner, weightedTransactions: o.usage.total, category: o.category, lines, totalOre: ore };
  });
}

function rateByProduct(input: RatingInput, owners: OwnerUsage[], productOre: Record<string, number>): RatedOwner[] {
  const lines = new Map<string, RatedLine[]>(owners.map((o) => [o.owner, []]));
  for (const product of input.products) {
    const cost = productOre[product.id] ?? 0;
    const pricing = input.terms.products[product.id] ?? flatPricing;
    const taking = owners.map((o) => {
      const own = o.lines.filter((l) => l.product === product.id);
      const weighted = own.reduce((a, l) => a + l.weighted, 0);
      return { owner: o, own, units: tieredUnits(pricing, weighted) };
    });
    const units = taking.reduce((a, t) => a + t.units, 0);
    const shares =
      units === 0
        ? taking.map(() => 0)
        : splitLargestRemainder(
            cost,
            taking.map((t) => t.units),
          );
    taking.forEach((t, i) => {
      if (t.own.length > 0) lines.get(t.owner.owner)?.push(...spread(t.own, shares[i] ?? 0));
    });
  }
  const sizes = input.terms.sizeCategories;
  return owners.map((o) => {
    const own = lines.get(o.owner) ?? [];
    return {
      owner: o.owner,
      weightedTransactions: o.total,
      category: sizeCategoryOf(sizes, o.total, (input.quarter ?? 4) * 3),
      lines: own,
      totalOre: own.reduce((a, l) => a + l.ore, 0),
    };
  });
}

/**
 * Rates a period: who pays what, line by line, for the owners' cost of the period. Owners are listed by code and
 * lines in the catalogue's order, which is also the order ties are broken in. Metrics that belong to no product are
 * not billed; an owner with no weighted transactions is not billed.
 */
export function ratePeriod(input: RatingInput): Rating {
  const owners = collectUsage(input);
  const rated =
    input.cost.method === 'size-categories'
      ? rateBySizeCategories(input, owners, input.cost.totalOre)
      : rateByProduct(input, owners, input.cost.productOre);
  const ownerCostOre =
    input.cost.method === 'size-categories'
      ? input.cost.totalOre
      : Object.values(input.cost.productOre).reduce((a, b) => a + b, 0);
  return { owners: rated, ownerCostOre, billedOre: rated.reduce((a, o) => a + o.totalOre, 0) };
}
