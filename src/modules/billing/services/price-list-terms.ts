import { z } from 'zod';
import { tierModels, type PriceListTerms } from '../domain/billing-model.ts';

const count = z.number().int().nonnegative().max(1e12);
const ore = z.number().int().nonnegative().max(1e13);

/** Terms as stored (weights and rates in thousandths): read back from the database, so shape only. */
export const priceListTermsSchema: z.ZodType<PriceListTerms> = z.object({
  weightsPermille: z.record(z.string(), count),
  products: z.record(
    z.string(),
    z.object({
      tierModel: z.enum(tierModels),
      tiers: z.array(z.object({ from: count, ratePermille: count })),
    }),
  ),
  sizeCategories: z.object({
    from: z.object({ storst: count, 'svaert-stor': count, stor: count, medium: count, liten: count }),
    feeOre: z.object({ medium: ore, liten: ore, andre: ore }),
  }),
});

/**
 * A decimal with at most three decimals (stored as thousandths, `toThousandths`). No transform here: a route validates
 * its body with the same schema before the service parses it again, so parsing must give back what it was given.
 */
export function thousandths(max: number) {
  return z
    .number()
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max}`)
    .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, 'at most three decimals');
}

export function toThousandths(value: number): number {
  return Math.round(value * 1000);
}

const increasingTiers = z
  .array(
    z.strictObject({
      from: z.number().int('a whole number of weighted transactions').min(0, 'must not be negative').max(1e12),
      rate: thousandths(100).describe('Relative price per weighted transaction: 1 is full price'),
    }),
  )
  .min(1)
  .max(20)
  .superRefine((tiers, ctx) => {
    if (tiers[0] && tiers[0].from !== 0)
      ctx.addIssue({ code: 'custom', path: [0, 'from'], message: 'the first band starts at 0' });
    for (let i = 1; i < tiers.length; i += 1)
      if ((tiers[i]?.from ?? 0) <= (tiers[i - 1]?.from ?? 0))
        ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'band bounds must increase' });
  });

const threshold = z.number().int().min(1, 'must be at least 1').max(1e12);
const fee = z.number().int('whole øre').min(0, 'must not be negative').max(1e13);

export const sizeCategoryInput = z
  .strictObject({
    from: z.strictObject({
      storst: threshold,
      svaertStor: threshold,
      stor: threshold,
      medium: threshold,
      liten: threshold,
    }),
    feeOre: z.strictObject({ medium: fee, liten: fee, andre: fee }),
  })
  .superRefine((s, ctx) => {
    const order = ['storst', 'svaertStor', 'stor', 'medium', 'liten'] as const;
    for (let i = 1; i < order.length; i += 1) {
      const upper = order[i - 1];
      const lower = order[i];
      if (upper && lower && s.from[lower] >= s.from[upper])
        ctx.addIssue({ code: 'custom', path: ['from', lower], message: `must be below ${upper}` });
    }
  });

export const productPricingInput = z.strictObject({ tierModel: z.enum(tierModels), tiers: increasingTiers });
