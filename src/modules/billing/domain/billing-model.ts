// The vocabulary of billing: the cost elements of seed 003, the tier models, the size categories of the public Altinn
// price model and the terms a price list holds. Values (prices, weights, thresholds, costs) are data, never here.

/** The yearly cost elements of a product (seed 003: "Kostnadselementer"). */
export const costElements = [
  'fixed-operations',
  'development',
  'maintenance',
  'management',
  'variable-operations',
] as const;
export type CostElement = (typeof costElements)[number];

/**
 * How a product's weighted transactions become charge units:
 * - `graduated`: each band's transactions at that band's rate (a marginal scale);
 * - `volume`: all transactions at the rate of the band the total reaches;
 * - `flat`: every transaction at the first band's rate.
 */
export const tierModels = ['graduated', 'volume', 'flat'] as const;
export type TierModel = (typeof tierModels)[number];

/** A band of a tier table: from `from` weighted transactions a year (the first band from 0), at `ratePermille`. */
export interface TierBand {
  from: number;
  /** Relative price per weighted transaction in thousandths (1000 = full price). */
  ratePermille: number;
}

export interface ProductPricing {
  tierModel: TierModel;
  tiers: TierBand[];
}

/** Size categories of the public Altinn price model, largest first. */
export const sizeCategories = ['storst', 'svaert-stor', 'stor', 'medium', 'liten', 'andre'] as const;
export type SizeCategory = (typeof sizeCategories)[number];

/** The three categories that share what the fixed fees leave of the owners' cost. */
export const sharingCategories: ReadonlySet<SizeCategory> = new Set(['storst', 'svaert-stor', 'stor']);

export interface SizeCategoryTerms {
  /** Lowest yearly weighted transactions of each category but `andre` (which is everything below `liten`). */
  from: Record<Exclude<SizeCategory, 'andre'>, number>;
  /** Yearly fixed fee in øre of the fixed-fee categories. */
  feeOre: Record<'medium' | 'liten' | 'andre', number>;
}

/** The public model's thresholds and fees: Størst > 10 M, Svært stor 4–10 M, Stor 1–4 M, Andre < 10 000. */
export const publicSizeCategoryTerms: SizeCategoryTerms = {
  from: { storst: 10_000_001, 'svaert-stor': 4_000_000, stor: 1_000_000, medium: 250_000, liten: 10_000 },
  feeOre: { medium: 103_000_000, liten: 27_500_000, andre: 7_000_000 },
};

/** What a price list fixes: the weight of each metric, each product's tiers, the size categories. */
export interface PriceListTerms {
  /** Weight per metric in thousandths (1000 = one transaction counts once); a metric not named weighs 1000. */
  weightsPermille: Record<string, number>;
  /** Pricing per product id; a product not named is flat at full price. */
  products: Record<string, ProductPricing>;
  sizeCategories: SizeCategoryTerms;
}

/** A product of the catalogue and the metrics that count as its transactions, in the catalogue's order. */
export interface ProductDefinition {
  id: string;
  /** Digital agenda (Meld. St. 27, ch. 11.1) says it should be funded centrally. */
  centralByPrinciple: boolean;
  metrics: string[];
}

export const defaultWeightPermille = 1000;

export const flatPricing: ProductPricing = { tierModel: 'flat', tiers: [{ from: 0, ratePermille: 1000 }] };
